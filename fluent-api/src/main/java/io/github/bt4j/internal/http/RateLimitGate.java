package io.github.bt4j.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pause a 429 answer asks of the whole client. Once any call is told to wait, every later
 * attempt of the client (other threads, the event writer's senders, clients derived with {@code
 * withOptions}) waits until the same moment before it is sent, instead of each taking its own 429.
 */
final class RateLimitGate {
  private final AtomicReference<Instant> openAt = new AtomicReference<>();

  /** Keeps every attempt back until {@code wait} from now (or later, if already paused longer). */
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
}
