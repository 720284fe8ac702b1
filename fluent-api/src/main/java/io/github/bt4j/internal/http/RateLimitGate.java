package io.github.bt4j.internal.http;

import io.github.bt4j.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The pause a 429 answer asks of the whole client: the one pause of the library. Once any request
 * is told to wait, every later attempt of the client (other threads, clients derived with {@code
 * withOptions}, every sender of every event writer) waits until the same moment before it is sent,
 * instead of each taking its own 429. Set and waited on by the transport's {@link
 * RetryInterceptor}. Thread-safe.
 */
final class RateLimitGate {
  private final AtomicReference<Instant> openAt = new AtomicReference<>();

  /**
   * Keeps every attempt back until {@code wait} from now (or later, if already paused longer).
   *
   * @param wait how long the server asked for, or the backoff when it did not say
   * @param clock the client's clock
   */
  void pauseFor(Duration wait, Clock clock) {
    Instant until = clock.instant().plus(wait);
    openAt.accumulateAndGet(until, (a, b) -> a == null || b.isAfter(a) ? b : a);
  }

  /** How long an attempt must still wait; zero when the gate is open. */
  Duration remaining(Clock clock) {
    Instant until = openAt.get();
    if (until == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), until);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Waits while the gate is closed. Each wait lasts until the end of the pause as it stood when the
   * wait began; it is repeated only if the pause was extended meanwhile, so a sleeper that does not
   * move the clock (as in tests) cannot make it spin.
   *
   * @param clock the client's clock
   * @param sleeper the client's sleeper
   * @param cancelled turns true when the waiting caller gives up
   * @return the time waited
   * @throws InterruptedException if interrupted, or if {@code cancelled} turned true
   */
  Duration await(Clock clock, Sleeper sleeper, BooleanSupplier cancelled)
      throws InterruptedException {
    Duration waited = Duration.ZERO;
    for (Instant end = openAt.get(); end != null; ) {
      Duration left = Duration.between(clock.instant(), end);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      sleeper.sleep(left, cancelled);
      waited = waited.plus(left);
      if (cancelled.getAsBoolean()) {
        throw new InterruptedException("gave up waiting for the rate-limit pause");
      }
      Instant extended = openAt.get();
      end = extended.isAfter(end) ? extended : null;
    }
    return waited;
  }
}
