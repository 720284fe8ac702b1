package io.github.bt4j.errors;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a failed call was tried: how many times its request was sent and the last wait the server
 * asked for ({@code Retry-After} or {@code Retry-After-Ms}). Carried by every {@link
 * BraintrustException} of a call ({@link BraintrustException#attempts()}), and part of its message
 * once the call was retried or the server asked for a wait.
 *
 * @param count how many times the request was sent, retries included; 0 if not known (a failure
 *     that did not come from sending, such as reading a body)
 * @param lastRetryAfter the last wait the server asked for, as a valid {@code Retry-After} or
 *     {@code Retry-After-Ms} header said it (malformed values are not waits and are not recorded);
 *     null if it asked for none
 * @param retryAfterCap the client's longest wait ({@link
 *     io.github.bt4j.core.RetryPolicy#maxRetryAfter()}), if the server asked for longer and the
 *     call therefore failed without waiting; null otherwise
 */
public record Attempts(int count, Duration lastRetryAfter, Duration retryAfterCap)
    implements Serializable {
  private static final Attempts UNKNOWN = new Attempts(0, null, null);

  /** Checks that the count is not negative. */
  public Attempts {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }

  /**
   * The record of a failure that did not come from sending a request (such as reading a body).
   *
   * @return a record with a count of 0
   */
  public static Attempts unknown() {
    return UNKNOWN;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(count).append(count == 1 ? " attempt" : " attempts");
    if (retryAfterCap != null) {
      s.append("; not retried: the server asked to wait ")
          .append(seconds(lastRetryAfter))
          .append(" (Retry-After), more than the client's limit of ")
          .append(seconds(retryAfterCap))
          .append(" (RetryPolicy.maxRetryAfter)");
    } else if (lastRetryAfter != null) {
      s.append("; last Retry-After ").append(seconds(lastRetryAfter));
    }
    return s.toString();
  }

  private static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : (millis / 1000.0) + " s";
  }
}
