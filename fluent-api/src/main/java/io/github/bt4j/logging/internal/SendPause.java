package io.github.bt4j.logging.internal;

import io.github.bt4j.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * A pause that holds every sender of one writer: set when the server answers 429 or says {@code
 * Retry-After}, so that the other senders do not each run into the same refusal before the server's
 * time. Every attempt, first or retry, waits here first. Thread-safe.
 */
final class SendPause {
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant until = Instant.MIN;

  SendPause(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Pauses every sender until {@code wait} from now, unless a longer pause is already on. */
  synchronized void pauseFor(Duration wait) {
    Instant end = clock.instant().plus(wait);
    if (end.isAfter(until)) {
      until = end;
    }
  }

  private synchronized Instant until() {
    return until;
  }

  /**
   * Waits while a pause is on. Each wait lasts until the end of the pause as it stood when the wait
   * began; it is repeated only if the pause was extended meanwhile, so a sleeper that does not move
   * the clock (as in tests) cannot make it spin.
   *
   * @return the time waited
   * @throws InterruptedException if interrupted, or if {@code cancelled} turned true
   */
  Duration await(BooleanSupplier cancelled) throws InterruptedException {
    Duration waited = Duration.ZERO;
    Instant end = until();
    while (true) {
      Duration left = Duration.between(clock.instant(), end);
      if (left.isNegative() || left.isZero()) {
        return waited;
      }
      sleeper.sleep(left, cancelled);
      waited = waited.plus(left);
      if (cancelled.getAsBoolean()) {
        throw new InterruptedException("the writer gave up waiting");
      }
      Instant extended = until();
      if (!extended.isAfter(end)) {
        return waited;
      }
      end = extended;
    }
  }
}
