package io.github.bt4j.logging;

import java.time.Duration;
import java.util.Objects;

/**
 * What a writer's {@code log} does when its queue holds {@link WriterOptions#maxQueuedBytes()}
 * already: the server is taking events more slowly than the application logs them.
 */
public final class QueueFullPolicy {
  private static final QueueFullPolicy DROP = new QueueFullPolicy(true, Duration.ZERO);

  private final boolean drop;
  private final Duration timeout;

  private QueueFullPolicy(boolean drop, Duration timeout) {
    this.drop = drop;
    this.timeout = timeout;
  }

  /**
   * Wait up to {@code timeout} for room, then throw {@link QueueFullException} (the event is not
   * accepted). The default, with 30 seconds: no event is dropped without the caller knowing.
   */
  public static QueueFullPolicy block(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    return new QueueFullPolicy(false, timeout);
  }

  /**
   * Never wait: drop the event and report it to the {@link WriterOptions.Builder#failureHandler
   * failure handler} with {@link WriteFailure.Reason#QUEUE_FULL}, on the logging thread. For logs
   * where the application's latency matters more than completeness.
   */
  public static QueueFullPolicy dropAndReport() {
    return DROP;
  }

  /** Whether events are dropped (and reported) rather than waited for. */
  public boolean drops() {
    return drop;
  }

  /** How long {@code log} waits for room; zero when dropping. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return drop ? "dropAndReport()" : "block(" + timeout + ")";
  }
}
