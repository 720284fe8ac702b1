package io.github.bt4j.streaming.internal;

import java.util.Objects;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Owns the call and response behind a stream and closes them exactly once, whichever thread asks.
 *
 * <p>OkHttp's response body is not safe to close while another thread reads it, but {@link
 * Call#cancel()} is: it shuts the socket, so a blocked read fails at once. A close from another
 * thread therefore cancels the call right away and leaves closing the body to the reading thread
 * when its read returns; an idle stream is closed on the spot.
 */
public final class StreamConnection {
  private final Call call;
  private final Response response;
  private boolean reading;
  private boolean cancelled;
  private boolean released;

  /**
   * Wraps a call and its response.
   *
   * @param call the call, cancelled by {@link #cancel()}
   * @param response the response whose body is being read
   */
  public StreamConnection(Call call, Response response) {
    this.call = Objects.requireNonNull(call, "call");
    this.response = Objects.requireNonNull(response, "response");
  }

  /**
   * Marks the start of a read by the consuming thread.
   *
   * @return false if the stream is already closed, in which case the caller must not read
   */
  public synchronized boolean beginRead() {
    if (cancelled || released) {
      return false;
    }
    reading = true;
    return true;
  }

  /** Marks the end of a read, closing the response if {@link #cancel()} came in meanwhile. */
  public void endRead() {
    boolean cancelledMeanwhile;
    synchronized (this) {
      reading = false;
      cancelledMeanwhile = cancelled;
    }
    if (cancelledMeanwhile) {
      release();
    }
  }

  /**
   * Whether the stream was closed by {@link #cancel()}.
   *
   * @return true once cancelled
   */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Closes the response after the stream ended or failed; called by the reading thread. */
  public void release() {
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
    }
    response.close();
  }

  /** Closes the stream from any thread: the connection is shut at once, never reused. */
  public void cancel() {
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
