package io.github.bt4j.core;

import io.github.bt4j.internal.Validation;
import java.time.Duration;

/**
 * When and how long the client waits before retrying a failed call. Retries happen on 408, 409, 429
 * and 5xx answers and on connection failures, never on 413 or another 4xx, and only for calls that
 * cannot be applied twice. The wait doubles from {@link #initialBackoff()} up to {@link
 * #maxBackoff()}, with jitter (a random 75 to 100% of it), unless the server says how long to wait
 * with {@code Retry-After} (seconds or an HTTP date) or {@code Retry-After-Ms}; the server's wait
 * is honoured in full up to {@link #maxRetryAfter()}. A longer server wait ends the call at once,
 * with the wait in the exception ({@link io.github.bt4j.errors.BraintrustException#attempts()}); a
 * malformed one (NaN, negative, garbage) is ignored in favour of the backoff. A 429's wait pauses
 * every call of the client, not only the one that received it.
 *
 * @param maxRetries how many times a failed call is retried, at least 0
 * @param initialBackoff the wait before the first retry, before jitter
 * @param maxBackoff the longest computed wait between two attempts
 * @param maxRetryAfter the longest server wait ({@code Retry-After}) the client waits out; longer
 *     ones fail at once
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
  private static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  /** Checks the policy: no negative retry count, every duration present. */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
    }
    Validation.required(initialBackoff, "initialBackoff");
    Validation.required(maxBackoff, "maxBackoff");
    Validation.required(maxRetryAfter, "maxRetryAfter");
  }

  /** Two retries, 0.5 s doubling to 8 s, server waits honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** This policy with another number of retries. */
  public RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }
}
