package io.github.bt4j.logging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How much longer one batch may be retried: the writer's {@code retryBudget} from its first
 * attempt. Time spent is the larger of the clock's elapsed time and the sum of the waits, so that a
 * test sleeper that does not move the clock still uses the budget up. Used by one sender thread.
 */
public final class RetryBudget {
  private final Clock clock;
  private final Instant start;
  private final Duration budget;
  private Duration waited = Duration.ZERO;

  public RetryBudget(Clock clock, Duration budget) {
    this.clock = clock;
    this.start = clock.instant();
    this.budget = budget;
  }

  /** Records a wait (before a retry, or for a pause). */
  public void spent(Duration wait) {
    waited = waited.plus(wait);
  }

  /** What is left; zero or negative when the budget is used up. */
  public Duration left() {
    Duration elapsed = Duration.between(start, clock.instant());
    return budget.minus(elapsed.compareTo(waited) > 0 ? elapsed : waited);
  }
}
