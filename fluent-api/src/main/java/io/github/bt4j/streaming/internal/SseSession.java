package io.github.bt4j.streaming.internal;

import io.github.bt4j.streaming.SseEvent;
import io.github.bt4j.streaming.StreamCancelledException;
import io.github.bt4j.streaming.StreamException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reading state of one event-stream response, shared by its typed and raw views: the
 * connection, the parser, how far reading got, and whether a view has claimed the stream.
 *
 * <p>Only the consuming thread reads; {@link #close()} may come from any thread.
 */
final class SseSession {
  private final StreamConnection connection;
  private final SseReader reader;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private long eventsReceived;
  private String lastEventId;
  private boolean finished;

  SseSession(StreamConnection connection, SseReader reader) {
    this.connection = connection;
    this.reader = reader;
  }

  /** Makes the caller the stream's one consumer; a second claim fails. */
  void claim() {
    if (!claimed.compareAndSet(false, true)) {
      throw new IllegalStateException("A server-sent event stream can be consumed only once");
    }
  }

  /** Fails if a view already consumes the stream. */
  void requireUnclaimed() {
    if (claimed.get()) {
      throw new IllegalStateException("A server-sent event stream can be consumed only once");
    }
  }

  boolean finished() {
    return finished;
  }

  long eventsReceived() {
    return eventsReceived;
  }

  String lastEventId() {
    return lastEventId;
  }

  /** Counts an event as received: handed out, skipped, or the end marker. */
  void countEvent() {
    eventsReceived++;
  }

  /**
   * Reads the next event and records its ID.
   *
   * @return the event, or null at the end of the response (the stream is then finished)
   * @throws StreamCancelledException if the stream was closed before or during the read
   * @throws StreamException if the connection broke or an event was too large
   */
  SseEvent read() {
    if (!connection.beginRead()) {
      finished = true;
      throw new StreamCancelledException(null, eventsReceived, lastEventId);
    }
    SseEvent event;
    try {
      event = reader.next();
    } catch (IOException | RuntimeException e) {
      finish();
      if (connection.isCancelled()) {
        throw new StreamCancelledException(e, eventsReceived, lastEventId);
      }
      String what =
          e instanceof SseLimitExceededException
              ? e.getMessage()
              : "The event stream broke off: " + e;
      throw new StreamException(what, e, eventsReceived, lastEventId);
    } finally {
      connection.endRead();
    }
    if (event == null) {
      finish();
    } else {
      lastEventId = event.id();
    }
    return event;
  }

  /** Ends reading and releases the response; called by the reading thread. */
  void finish() {
    finished = true;
    connection.release();
  }

  /** Closes from any thread, cancelling the call if reading had not finished. */
  void close() {
    connection.cancel();
  }
}
