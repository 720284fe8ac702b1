package io.github.bt4j.logging.internal;

import io.github.bt4j.internal.http.Retries;
import java.time.Duration;

/**
 * The one place that decides whether the writer sends a request again, and when. The writer's
 * requests go through the transport with retries off, so that neither the client's retry
 * interceptor nor OkHttp's connection recovery repeats them behind this decision; the decision
 * itself rests on the transport's primitives ({@link Retries} for what is worth another attempt and
 * the backoff, {@link io.github.bt4j.internal.http.ServerWait} for the server's wait), so the
 * writer differs from other calls only in how long it keeps trying: a time budget instead of the
 * client's few retries.
 *
 * <p>Inserts are retried on 408, 409, 429 and 5xx answers and on connection failures, as long as
 * the batch's {@link RetryBudget} lasts and {@code maxRetries} allows: after the server's {@code
 * Retry-After} if it gives one that fits in the budget (one that does not fails the batch at once),
 * otherwise after the client's backoff, cut to what is left of the budget. A 429 pauses the whole
 * client (every sender of every writer, and every other call) through the client's {@link
 * io.github.bt4j.internal.http.RateLimitGate}. Feedback is never sent twice.
 */
public final class Resends {
  private final Retries retries;
  private final int maxRetries;

  public Resends(Retries retries, int maxRetries) {
    this.retries = retries;
    this.maxRetries = maxRetries;
  }

  /**
   * The wait before retry number {@code retry} (from 1) of a request that ended as {@code failed},
   * or null to give up.
   */
  public Duration waitBefore(Attempt failed, EventKind kind, int retry, RetryBudget budget) {
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
    Duration backoff = retries.backoff(retry);
    return backoff.compareTo(left) <= 0 ? backoff : left;
  }

  /** Whether the failure should hold every request of the client, not only this one: a 429. */
  public static boolean pausesEveryone(Attempt failed) {
    return failed.status() == 429;
  }

  private static boolean isTransient(Attempt failed) {
    int code = failed.status();
    if (code == 0) {
      return failed.transientFailure();
    }
    return Retries.isRetryableStatus(code);
  }
}
