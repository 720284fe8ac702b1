package io.github.bt4j.internal.http;

import io.github.bt4j.core.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What every resend decision of the client rests on: which answers and transport failures a later
 * attempt may pass, and the backoff between attempts, used by the transport's {@link
 * RetryInterceptor}, the one resend loop of the client (the event writer's included: it only adds a
 * {@link Budget}).
 *
 * @param policy the client's retry policy, whose backoff bounds apply
 * @param jitter returns a fraction in [0, 1) that spreads the waits
 */
public record Retries(RetryPolicy policy, DoubleSupplier jitter) {
  /**
   * Whether an answer with this status may succeed on a later attempt: 408, 409, 429 and 5xx; never
   * 413 or another 4xx.
   */
  public static boolean isRetryableStatus(int code) {
    return code == 408 || code == 409 || code == 429 || code >= 500;
  }

  /**
   * Whether a transport failure may pass on a later attempt: not a DNS or TLS failure, and not a
   * cancelled or interrupted call (a socket read timeout is one that may pass).
   */
  public static boolean isRetryable(IOException e) {
    if (e instanceof UnknownHostException
        || e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException) {
      return false;
    }
    return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
  }

  /** Whether a failure happened before any byte of the request left: no connection was made. */
  static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof PortUnreachableException;
  }

  /**
   * The computed wait before retry number {@code retry} (from 1): doubling from the policy's
   * initial backoff up to its maximum, jittered down by up to 25%.
   */
  public Duration backoff(int retry) {
    double base = policy.initialBackoff().toNanos() * Math.pow(2, Math.min(retry - 1, 62));
    double capped = Math.min(base, policy.maxBackoff().toNanos());
    return Duration.ofNanos((long) (capped * (1 - 0.25 * jitter.getAsDouble())));
  }

  /**
   * A time budget for the resends of one or more calls (an event writer's batch, then its halves),
   * carried as the request's tag: while it lasts, the calls are retried as the policy says, the
   * server's wait is honoured if it fits in what is left (a longer one ends the call at once) and a
   * backoff is cut to what is left. Time spent is the larger of the clock's elapsed time and the
   * sum of the waits, so that a sleeper that does not move the clock (a test's) still uses it up.
   * Used by one thread at a time.
   */
  public static final class Budget {
    private final Clock clock;
    private final Instant start;
    private final Duration budget;
    private Duration waited = Duration.ZERO;

    /** A budget of {@code budget} from now. */
    public Budget(Clock clock, Duration budget) {
      this.clock = clock;
      this.start = clock.instant();
      this.budget = budget;
    }

    void spent(Duration wait) {
      waited = waited.plus(wait);
    }

    /** What is left; zero or negative when the budget is used up. */
    Duration left() {
      Duration elapsed = Duration.between(start, clock.instant());
      return budget.minus(elapsed.compareTo(waited) > 0 ? elapsed : waited);
    }
  }
}
