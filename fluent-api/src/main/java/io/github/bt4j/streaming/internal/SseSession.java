package io.github.bt4j.streaming.internal;

import io.github.bt4j.streaming.SseEvent;
import io.github.bt4j.streaming.StreamCancelledException;
import io.github.bt4j.streaming.StreamException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The reading state of one event-stream response, shared by its typed and raw views: the call and
 * response, the parser, how far reading got, and whether a view has claimed the stream.
 *
 * <p>Only the consuming thread reads; {@link #close()} may come from any thread. OkHttp's response
 * body is not safe to close while another thread reads it, but {@link Call#cancel()} is: it shuts
 * the socket, so a blocked read fails at once. A close from another thread therefore cancels the
 * call right away and leaves closing the body to the reading thread when its read returns; an idle
 * stream is closed on the spot. The response is closed exactly once, whichever thread asks.
 */
final class SseSession {
  private final Call call;
  private final Response response;
  private final SseReader reader;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private long eventsReceived;
  private String lastEventId;
  private boolean finished;
  // Guarded by this: whether a read is under way, the call cancelled, the response closed.
  private boolean reading;
  private boolean cancelled;
  private boolean released;

  SseSession(Call call, Response response, SseReader reader) {
    this.call = call;
    this.response = response;
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
      if (isCancelled()) {
        throw new StreamCancelledException(e, eventsReceived, lastEventId);
      }
      String what =
          e instanceof SseLimitExceededException
              ? e.getMessage()
              : "The event stream broke off: " + e;
      throw new StreamException(what, e, eventsReceived, lastEventId);
    } finally {
      endRead();
    }
    if (event == null) {
      finish();
    } else {
      lastEventId = event.id();
    }
    return event;
  }

  /** Marks the end of a read, closing the response if {@link #close()} came in meanwhile. */
  private void endRead() {
    boolean cancelledMeanwhile;
    synchronized (this) {
      reading = false;
      cancelledMeanwhile = cancelled;
    }
    if (cancelledMeanwhile) {
      release();
    }
  }

  private synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Ends reading and releases the response; called by the reading thread. */
  void finish() {
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

  /** Closes from any thread: the connection is shut at once (never reused) unless finished. */
  void close() {
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
}
