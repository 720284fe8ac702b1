package io.github.bt4j.logging.internal;

import io.github.bt4j.core.RetryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The one place that decides whether the writer sends a request again, and when. The writer's
 * requests go through the transport with retries off and a one-shot body, so that neither the
 * client's retry interceptor nor OkHttp's connection recovery repeats them behind this decision.
 *
 * <p>Inserts are retried on 408, 409, 429 and 5xx answers and on connection failures, as long as
 * the batch's {@link RetryBudget} lasts and {@code maxRetries} allows: after the server's {@code
 * Retry-After} if it gives one that fits in the budget (one that does not fails the batch at once),
 * otherwise after the client's backoff, cut to what is left of the budget. Feedback is never sent
 * twice.
 */
final class Resends {
  private final RetryPolicy policy;
  private final DoubleSupplier jitter;
  private final int maxRetries;

  Resends(RetryPolicy policy, DoubleSupplier jitter, int maxRetries) {
    this.policy = policy;
    this.jitter = jitter;
    this.maxRetries = maxRetries;
  }

  /**
   * The wait before retry number {@code retry} (from 1) of a request that ended as {@code failed},
   * or null to give up.
   */
  Duration waitBefore(Attempt failed, EventKind kind, int retry, RetryBudget budget) {
    if (kind != EventKind.INSERT || retry > maxRetries || !isTransient(failed)) {
      return null;
    }
    Duration left = budget.left();
    if (left.isNegative() || left.isZero()) {
      return null;
    }
    Duration serverWait = failed.retryAfter();
    if (serverWait != null) {
      return serverWait.compareTo(left) <= 0 ? serverWait : null;
    }
    Duration backoff = backoff(retry);
    return backoff.compareTo(left) <= 0 ? backoff : left;
  }

  /** Whether the failure should hold every sender, not only the one that met it. */
  static boolean pausesEveryone(Attempt failed) {
    return failed.status() == 429 || failed.retryAfter() != null;
  }

  private static boolean isTransient(Attempt failed) {
    int code = failed.status();
    if (code == 0) {
      return failed.transientFailure();
    }
    return code == 408 || code == 409 || code == 429 || code >= 500;
  }

  /** Doubling from the policy's initial backoff up to its maximum, jittered down by up to 25%. */
  private Duration backoff(int retry) {
    double base = policy.initialBackoff().toNanos() * Math.pow(2, Math.min(retry - 1, 62));
    double capped = Math.min(base, policy.maxBackoff().toNanos());
    return Duration.ofNanos((long) (capped * (1 - 0.25 * jitter.getAsDouble())));
  }
}
