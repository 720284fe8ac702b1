package io.github.bt4j.internal.http;

import io.github.bt4j.errors.Attempts;
import java.time.Duration;

/**
 * What the retry machinery saw of one call: how many attempts it sent and the last wait the server
 * asked for. Written by the thread running the call's chain, read when its exception is built.
 */
public final class AttemptLog {
  private volatile int count;
  private volatile Duration lastRetryAfter;
  private volatile Duration exceededLimit;

  /** Counts one more attempt. */
  void attempted() {
    count++;
  }

  /** Records a valid server wait. */
  void serverAsked(Duration wait) {
    lastRetryAfter = wait;
  }

  /** Records that the server's last wait was longer than {@code limit}, so the call gave up. */
  void beyondLimit(Duration limit) {
    exceededLimit = limit;
  }

  /** The record carried by the call's exception. */
  public Attempts snapshot() {
    return new Attempts(count, lastRetryAfter, exceededLimit);
  }
}
