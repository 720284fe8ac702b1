package io.github.bt4j;

import java.time.Duration;

/**
 * Waits between retries. The client uses {@link #system()}; tests pass their own to record the
 * schedule without sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** Waits for {@code duration}; throws if the thread is interrupted meanwhile. */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
  }
}
