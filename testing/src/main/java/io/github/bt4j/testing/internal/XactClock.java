package io.github.bt4j.testing.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out transaction ids: one per write request, increasing, written as the API does (decimal
 * strings of 19 digits, so that they also sort as text).
 */
final class XactClock {
  private static final long FIRST = 1_000_190_000_000_000_000L;

  private final AtomicLong last = new AtomicLong(FIRST);

  /** The id of a new write. */
  long next() {
    return last.incrementAndGet();
  }

  /** Parses a transaction id given by a caller (a version or a legacy cursor), or a 400. */
  static long parse(String text, String what) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(what + " must be a transaction id (_xact_id), got '" + text + "'");
    }
  }
}
