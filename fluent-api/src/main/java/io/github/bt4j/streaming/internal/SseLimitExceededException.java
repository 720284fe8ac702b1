package io.github.bt4j.streaming.internal;

import java.io.IOException;

/** Thrown when a server-sent event line or event data is larger than the reader allows. */
public final class SseLimitExceededException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates the exception.
   *
   * @param what what was too large, for the message
   * @param atLeast the size in bytes seen so far
   * @param limit the largest size allowed, in bytes
   */
  SseLimitExceededException(String what, long atLeast, long limit) {
    super(what + " of at least " + atLeast + " bytes exceeds the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /**
   * The limit that was exceeded.
   *
   * @return the largest size allowed, in bytes
   */
  public long limit() {
    return limit;
  }
}
