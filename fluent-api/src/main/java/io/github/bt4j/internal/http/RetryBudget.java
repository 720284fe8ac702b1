package io.github.bt4j.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A time budget for the resends of one or more calls (an event writer's batch, then its halves),
 * carried as the request's tag: while it lasts, the calls are retried as the policy says, the
 * server's wait is honoured if it fits in what is left (a longer one ends the call at once) and a
 * backoff is cut to what is left. Time spent is the larger of the clock's elapsed time and the sum
 * of the waits, so that a sleeper that does not move the clock (a test's) still uses it up. Used by
 * one thread at a time.
 */
public final class RetryBudget {
  private final Clock clock;
  private final Instant start;
  private final Duration budget;
  private Duration waited = Duration.ZERO;

  /** A budget of {@code budget} from now. */
  public RetryBudget(Clock clock, Duration budget) {
    this.clock = clock;
    this.start = clock.instant();
    this.budget = budget;
  }

  void spent(Duration wait) {
    waited = waited.plus(wait);
  }

  /** What is left; zero or negative when the budget is used up. */
  Duration left() {
    Duration elapsed = Duration.between(start, clock.instant());
    return budget.minus(elapsed.compareTo(waited) > 0 ? elapsed : waited);
  }
}
