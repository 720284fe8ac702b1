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

  /**
   * Reads an event named {@code error} as an error, its message taken from a JSON string or a JSON
   * object's {@code message}.
   */
  public static final BiFunction<SseEvent, Object, String> ERROR_EVENTS =
      (event, value) -> "error".equals(event.event()) ? ErrorMessages.fromData(event.data()) : null;

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
   * A typed stream over a response whose status the caller has already checked; nothing is read
   * until it is consumed.
   *
   * @param call the call that produced the response; {@link #close()} cancels it
   * @param response the successful response
   * @param decoder turns each event into a value, or into null to skip the event
   * @param endOfStream matches the end marker (such as {@code data: [DONE]}), which ends the stream
   *     and which the typed view does not decode; {@code event -> false} to end only with the
   *     response
   * @param errorMessage returns the message of an error event, which ends the typed view with a
   *     {@link StreamErrorException}, or null for other events; it is given each event with what
   *     the decoder made of it (null if the decoder failed or skipped it), so that an error
   *     recognisable only inside the data needs no second parse. {@link #ERROR_EVENTS} is the usual
   *     rule
   * @param maxEventBytes the largest line, and the largest data of one event, in bytes; beyond it
   *     the stream fails rather than buffer without bound ({@link
   *     SseReader#DEFAULT_MAX_EVENT_BYTES} is the usual limit)
   * @param <T> the type events are decoded into
   * @return the stream
   * @throws IllegalArgumentException if the response has no body or the limit is not positive
   */
  public static <T> EventStream<T> open(
      Call call,
      Response response,
      Function<? super SseEvent, ? extends T> decoder,
      Predicate<? super SseEvent> endOfStream,
      BiFunction<? super SseEvent, ? super T, String> errorMessage,
      long maxEventBytes) {
    ResponseBody body = Objects.requireNonNull(response, "response").body();
    if (body == null) {
      throw new IllegalArgumentException("The response has no body to stream");
    }
    SseSession session =
        new SseSession(
            Objects.requireNonNull(call, "call"),
            response,
            new SseReader(body.source(), maxEventBytes));
    return new EventStream<>(
        session,
        Objects.requireNonNull(decoder, "decoder"),
        Objects.requireNonNull(endOfStream, "endOfStream"),
        Objects.requireNonNull(errorMessage, "errorMessage"),
        false);
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
}
