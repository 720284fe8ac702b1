package io.github.bt4j.streaming.internal;

import com.google.gson.JsonObject;
import io.github.bt4j.internal.json.ErrorBody;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.ServerSentEventStream;
import io.github.bt4j.streaming.SseEvent;
import io.github.bt4j.streaming.StreamCancelledException;
import io.github.bt4j.streaming.StreamErrorException;
import io.github.bt4j.streaming.StreamException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The {@link ServerSentEventStream} over an OkHttp response: the call, the response and its parser,
 * how far reading got, and the typed view's rules; {@link #rawEvents()} is a second view of the
 * same reading state.
 *
 * <p>Only the consuming thread reads; {@link #close()} may come from any thread. OkHttp's response
 * body is not safe to close while another thread reads it, but {@link Call#cancel()} is: it shuts
 * the socket, so a blocked read fails at once. A close from another thread therefore cancels the
 * call right away and leaves closing the body to the reading thread when its read returns; an idle
 * stream is closed on the spot. The response is closed exactly once, whichever thread asks.
 *
 * @param <T> the type events are decoded into
 */
public final class EventStream<T> implements ServerSentEventStream<T> {
  private final Call call;
  private final Response response;
  private final SseReader reader;
  private final Function<? super SseEvent, ? extends T> decoder;
  private final Predicate<? super SseEvent> endOfStream;
  private long eventsReceived;
  private String lastEventId;
  private boolean finished;
  // Guarded by this: whether the stream has its consumer, a read is under way, the call is
  // cancelled, the response closed.
  private boolean claimed;
  private boolean reading;
  private boolean cancelled;
  private boolean released;

  /**
   * A typed stream over a response whose status the caller has already checked; nothing is read
   * until it is consumed. An event named {@code error}, or one that decodes to a chat chunk that is
   * an error object ({@link #errorMessage}), ends the typed view with a {@link
   * StreamErrorException}.
   *
   * @param call the call that produced the response; {@link #close()} cancels it
   * @param response the successful response, with its body (as any a call returns)
   * @param decoder turns each event into a value, or into null to skip the event
   * @param endOfStream matches the end marker (such as {@code data: [DONE]}), which ends the stream
   *     and which the typed view does not decode; {@code event -> false} to end only with the
   *     response
   * @param maxEventBytes the largest line, and the largest data of one event, in bytes; beyond it
   *     the stream fails rather than buffer without bound ({@link
   *     SseReader#DEFAULT_MAX_EVENT_BYTES} is the usual limit); at least 1
   */
  public EventStream(
      Call call,
      Response response,
      Function<? super SseEvent, ? extends T> decoder,
      Predicate<? super SseEvent> endOfStream,
      long maxEventBytes) {
    this.call = Objects.requireNonNull(call, "call");
    this.response = response;
    this.reader = new SseReader(response.body().source(), maxEventBytes);
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.endOfStream = Objects.requireNonNull(endOfStream, "endOfStream");
  }

  /**
   * The message of an error in a stream: an event named {@code error}, or a chat chunk that is an
   * {@code {"error": ...}} object instead of a completion chunk, as OpenAI-style providers send
   * when a generation fails part way. It is given what the decoder made of the event (null if it
   * failed or skipped it), so that an error recognisable only inside the data needs no second
   * parse.
   *
   * @param event the event
   * @param value the event decoded, or null
   * @return the message, or null when the event is not an error
   */
  static String errorMessage(SseEvent event, Object value) {
    // Only a chunk without choices can be an error object: the others need no second look.
    JsonObject o =
        value instanceof ChatCompletionChunk chunk && chunk.choices().isEmpty()
            ? chunk.raw()
            : null;
    boolean errorObject = o != null && o.has("error") && !o.has("choices");
    return errorObject || "error".equals(event.event())
        ? ErrorBody.parse(event.data()).message()
        : null;
  }

  @Override
  public Iterator<T> iterator() {
    claim(true);
    return until(this::nextValue);
  }

  @Override
  public ServerSentEventStream<SseEvent> rawEvents() {
    claim(false);
    return new RawView();
  }

  @Override
  public long eventsReceived() {
    return eventsReceived;
  }

  @Override
  public String lastEventId() {
    return lastEventId;
  }

  /** Closes from any thread: the connection is shut at once (never reused) unless finished. */
  @Override
  public void close() {
    boolean idle;
    synchronized (this) {
      if (cancelled || released) {
        return;
      }
      cancelled = true;
      idle = !reading;
    }
    call.cancel();
    if (idle) {
      release();
    }
  }

  /** Fails if the stream has a consumer already; with {@code take}, makes the caller it. */
  private synchronized void claim(boolean take) {
    if (claimed) {
      throw new IllegalStateException("A server-sent event stream can be consumed only once");
    }
    claimed = take;
  }

  /**
   * Reads until the next value to hand out.
   *
   * @return the value, or null at the end of the stream
   */
  private T nextValue() {
    while (!finished) {
      SseEvent event = read();
      if (event == null) {
        return null;
      }
      if (endOfStream.test(event)) {
        eventsReceived++;
        finish();
        return null;
      }
      // Decoded first, so that an error carried in an ordinary event (a chat chunk that is an
      // error object) is recognised from the decoded value rather than by parsing it twice.
      T value = null;
      RuntimeException undecodable = null;
      try {
        value = decoder.apply(event);
      } catch (RuntimeException e) {
        undecodable = e;
      }
      String error = errorMessage(event, value);
      if (error != null || undecodable != null) {
        finish();
        throw error != null
            ? new StreamErrorException(error, event.data(), eventsReceived, lastEventId)
            : new StreamException(
                "Could not decode an event of type '" + event.event() + "'",
                undecodable,
                eventsReceived,
                lastEventId);
      }
      eventsReceived++;
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The raw view's next event: every event as read, the end marker included. */
  private SseEvent nextEvent() {
    SseEvent event = finished ? null : read();
    if (event != null) {
      eventsReceived++;
      if (endOfStream.test(event)) {
        finish();
      }
    }
    return event;
  }

  /**
   * Reads the next event and records its ID.
   *
   * @return the event, or null at the end of the response (the stream is then finished)
   * @throws StreamCancelledException if the stream was closed before or during the read
   * @throws StreamException if the connection broke or an event was too large
   */
  private SseEvent read() {
    synchronized (this) {
      if (cancelled || released) {
        finished = true;
        throw new StreamCancelledException(null, eventsReceived, lastEventId);
      }
      reading = true;
    }
    SseEvent event;
    try {
      event = reader.next();
    } catch (IOException | RuntimeException e) {
      finish();
      if (call.isCanceled()) {
        throw new StreamCancelledException(e, eventsReceived, lastEventId);
      }
      String what =
          e instanceof ProtocolException ? e.getMessage() : "The event stream broke off: " + e;
      throw new StreamException(what, e, eventsReceived, lastEventId);
    } finally {
      // If close() came in meanwhile, it left closing the response to this thread.
      boolean cancelledMeanwhile;
      synchronized (this) {
        reading = false;
        cancelledMeanwhile = cancelled;
      }
      if (cancelledMeanwhile) {
        release();
      }
    }
    if (event == null) {
      finish();
    } else {
      lastEventId = event.id();
    }
    return event;
  }

  /** Ends reading and releases the response; called by the reading thread. */
  private void finish() {
    finished = true;
    release();
  }

  /** Closes the response, once. */
  private void release() {
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
    }
    response.close();
  }

  /** The same reading state seen as the server-sent events themselves. */
  private final class RawView implements ServerSentEventStream<SseEvent> {
    @Override
    public Iterator<SseEvent> iterator() {
      claim(true);
      return until(EventStream.this::nextEvent);
    }

    @Override
    public ServerSentEventStream<SseEvent> rawEvents() {
      claim(false);
      return this;
    }

    @Override
    public long eventsReceived() {
      return eventsReceived;
    }

    @Override
    public String lastEventId() {
      return lastEventId;
    }

    @Override
    public void close() {
      EventStream.this.close();
    }
  }

  /** Hands out what {@code next} reads (null at the end), reading ahead at most one. */
  private static <E> Iterator<E> until(Supplier<E> next) {
    return Spliterators.iterator(
        new Spliterators.AbstractSpliterator<E>(Long.MAX_VALUE, Spliterator.ORDERED) {
          @Override
          public boolean tryAdvance(Consumer<? super E> action) {
            E value = next.get();
            if (value != null) {
              action.accept(value);
            }
            return value != null;
          }
        });
  }
}
