package io.github.bt4j.core;

import java.time.Duration;
import java.util.Objects;

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
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(
      int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff == null");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff == null");
    this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter == null");
  }

  /** Two retries, 0.5 s doubling to 8 s, server waits honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** No retries at all. */
  public static RetryPolicy none() {
    return DEFAULT.withMaxRetries(0);
  }

  /** This policy with another number of retries. */
  public RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** This policy with other backoff bounds. */
  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxRetries, initial, max, maxRetryAfter);
  }

  /**
   * This policy with another cap on how long a server may ask the client to wait; a longer wait
   * fails the call at once instead.
   */
  public RetryPolicy withMaxRetryAfter(Duration cap) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, cap);
  }

  /** How many times a failed call is retried. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The wait before the first retry, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest computed wait between two attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The longest server wait ({@code Retry-After}) the client waits out; longer ones fail at once.
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", backoff="
        + initialBackoff
        + ".."
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + "}";
  }
}
