package io.github.bt4j.testing;

import java.time.Duration;

/**
 * When the fake sends each event of a stream: called before event {@code index} (0 for the first)
 * of every streaming answer, it may wait, to make streamed text arrive the way a model's does, or
 * to let a test see that earlier events arrived before later ones were written.
 */
@FunctionalInterface
public interface StreamPacing {
  /** Called before the stream's event {@code index} is written and flushed. */
  void beforeEvent(int index) throws InterruptedException;

  /** Sends every event at once. */
  static StreamPacing none() {
    return index -> {};
  }

  /** Waits {@code delay} before every event but the first. */
  static StreamPacing fixedDelay(Duration delay) {
    long millis = delay.toMillis();
    return index -> {
      if (index > 0) {
        Thread.sleep(millis);
      }
    };
  }
}
