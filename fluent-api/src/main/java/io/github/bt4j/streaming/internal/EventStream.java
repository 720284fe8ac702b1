package io.github.bt4j.streaming.internal;

import io.github.bt4j.internal.json.ErrorMessages;
import io.github.bt4j.streaming.ServerSentEventStream;
import io.github.bt4j.streaming.SseEvent;
import io.github.bt4j.streaming.StreamErrorException;
import io.github.bt4j.streaming.StreamException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The {@link ServerSentEventStream} over an OkHttp response: one view (typed or raw) of an {@link
 * SseSession}, applying its rules to each event read.
 *
 * @param <T> the type events are decoded into
 */
public final class EventStream<T> implements ServerSentEventStream<T> {
  /** Reads no event as an error. */
  private static final BiFunction<SseEvent, Object, String> NO_ERRORS = (event, value) -> null;

  private final SseSession session;
  private final Function<? super SseEvent, ? extends T> decoder;
  private final Predicate<? super SseEvent> endOfStream;
  private final BiFunction<? super SseEvent, ? super T, String> errorMessage;
  // The raw view hands out the end marker too; the typed view only stops at it.
  private final boolean handOutEnd;

  private EventStream(
      SseSession session,
      Function<? super SseEvent, ? extends T> decoder,
      Predicate<? super SseEvent> endOfStream,
      BiFunction<? super SseEvent, ? super T, String> errorMessage,
      boolean handOutEnd) {
    this.session = session;
    this.decoder = decoder;
    this.endOfStream = endOfStream;
    this.errorMessage = errorMessage;
    this.handOutEnd = handOutEnd;
  }

  /**
   * Starts configuring a stream over a response whose status the caller has already checked.
   *
   * @param call the call that produced the response; {@link #close()} cancels it
   * @param response the successful response
   * @param decoder turns each event into a value, or into null to skip the event
   * @param <T> the type events are decoded into
   * @return a builder
   */
  public static <T> Builder<T> builder(
      Call call, Response response, Function<? super SseEvent, ? extends T> decoder) {
    return new Builder<>(call, response, decoder);
  }

  @Override
  public Iterator<T> iterator() {
    session.claim();
    return new EventIterator();
  }

  @Override
  public ServerSentEventStream<SseEvent> rawEvents() {
    session.requireUnclaimed();
    return new EventStream<SseEvent>(session, event -> event, endOfStream, NO_ERRORS, true);
  }

  @Override
  public long eventsReceived() {
    return session.eventsReceived();
  }

  @Override
  public String lastEventId() {
    return session.lastEventId();
  }

  @Override
  public void close() {
    session.close();
  }

  /**
   * Reads until the next value to hand out.
   *
   * @return the value, or null at the end of the stream
   */
  private T fetch() {
    while (!session.finished()) {
      SseEvent event = session.read();
      if (event == null) {
        return null;
      }
      T value;
      boolean end;
      try {
        end = endOfStream.test(event);
        if (end && !handOutEnd) {
          session.countEvent();
          session.finish();
          return null;
        }
        // Decoded first, so that an error carried in an ordinary event (a chat chunk that is an
        // error object) is recognised from the decoded value rather than by parsing it twice.
        T decoded = null;
        RuntimeException undecodable = null;
        try {
          decoded = decoder.apply(event);
        } catch (StreamException e) {
          throw e;
        } catch (RuntimeException e) {
          undecodable = e;
        }
        String error = errorMessage.apply(event, decoded);
        if (error != null) {
          session.finish();
          throw new StreamErrorException(
              error, event.data(), session.eventsReceived(), session.lastEventId());
        }
        if (undecodable != null) {
          throw undecodable;
        }
        value = decoded;
      } catch (StreamException e) {
        throw e;
      } catch (RuntimeException e) {
        session.finish();
        throw new StreamException(
            "Could not decode an event of type '" + event.event() + "'",
            e,
            session.eventsReceived(),
            session.lastEventId());
      }
      session.countEvent();
      if (end) {
        session.finish();
      }
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Hands out events, reading ahead at most one. */
  private final class EventIterator implements Iterator<T> {
    private T next;

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = fetch();
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T value = next;
      next = null;
      return value;
    }
  }

  /**
   * Configures an {@link EventStream}.
   *
   * @param <T> the type events are decoded into
   */
  public static final class Builder<T> {
    private final Call call;
    private final Response response;
    private final Function<? super SseEvent, ? extends T> decoder;
    private Predicate<? super SseEvent> endOfStream = event -> false;
    private BiFunction<? super SseEvent, ? super T, String> errorMessage =
        (event, value) ->
            "error".equals(event.event()) ? ErrorMessages.fromData(event.data()) : null;
    private long maxEventBytes = SseReader.DEFAULT_MAX_EVENT_BYTES;

    private Builder(Call call, Response response, Function<? super SseEvent, ? extends T> decoder) {
      this.call = Objects.requireNonNull(call, "call");
      this.response = Objects.requireNonNull(response, "response");
      this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * Ends the stream at the first event this matches, such as {@code data: [DONE]}; the typed view
     * does not decode that event. By default only the end of the response ends the stream.
     *
     * @param endOfStream matches the end marker
     * @return this builder
     */
    public Builder<T> endOfStream(Predicate<? super SseEvent> endOfStream) {
      this.endOfStream = Objects.requireNonNull(endOfStream, "endOfStream");
      return this;
    }

    /**
     * Recognises error events, which end the typed view with a {@link StreamErrorException}. By
     * default an event named {@code error} is one, its message taken from a JSON string or a JSON
     * object's {@code message}. The function is given each event with what the decoder made of it
     * (null if the decoder failed or skipped it), so that an error recognisable only inside the
     * data needs no second parse.
     *
     * @param errorMessage returns the error message of an error event, or null for other events
     * @return this builder
     */
    public Builder<T> errorMessage(BiFunction<? super SseEvent, ? super T, String> errorMessage) {
      this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
      return this;
    }

    /**
     * Sets the largest line, and the largest data of one event, in bytes; beyond it the stream
     * fails rather than buffer without bound. The default is 16 MiB.
     *
     * @param maxEventBytes the limit, positive
     * @return this builder
     */
    public Builder<T> maxEventBytes(long maxEventBytes) {
      if (maxEventBytes < 1) {
        throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
      }
      this.maxEventBytes = maxEventBytes;
      return this;
    }

    /**
     * Creates the typed stream; nothing is read until it is consumed.
     *
     * @return the stream
     * @throws IllegalArgumentException if the response has no body
     */
    public EventStream<T> build() {
      ResponseBody body = response.body();
      if (body == null) {
        throw new IllegalArgumentException("The response has no body to stream");
      }
      SseSession session =
          new SseSession(
              new StreamConnection(call, response), new SseReader(body.source(), maxEventBytes));
      return new EventStream<>(session, decoder, endOfStream, errorMessage, false);
    }
  }
}
