package io.github.bt4j.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits between retries. The client uses {@link #system()}; tests pass their own to record the
 * schedule without sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** Waits for {@code duration}; throws if the thread is interrupted meanwhile. */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Waits for {@code duration} or until {@code cancelled} turns true, whichever comes first. The
   * default waits the whole duration; {@link #system()} checks {@code cancelled} every 100 ms, so
   * cancelling a call frees its thread promptly.
   */
  default void sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException {
    sleep(duration);
  }

  /** Sleeps the calling thread, waking early when the call is cancelled. */
  static Sleeper system() {
    return new Sleeper() {
      private final long sliceNanos = Duration.ofMillis(100).toNanos();

      @Override
      public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
      }

      @Override
      public void sleep(Duration d, BooleanSupplier cancelled) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0 && !cancelled.getAsBoolean(); ) {
          sleep(Duration.ofNanos(Math.min(left, sliceNanos)));
          left = deadline - System.nanoTime();
        }
      }
    };
  }
}
