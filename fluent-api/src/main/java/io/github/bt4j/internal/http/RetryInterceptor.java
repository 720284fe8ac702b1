package io.github.bt4j.internal.http;

import io.github.bt4j.core.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The only place that decides whether a request is sent again (OkHttp's own connection recovery is
 * off, see {@link Transport}). Retries 408, 409, 429 and 5xx answers and connection failures, never
 * 413 or another 4xx, and never a request that could be applied twice (see {@link
 * RequestContext#mayRetry()}), except when it never left: a refused connection sent nothing. What
 * is worth a retry: 408, 409, 429 and 5xx; a transport failure that is not a DNS or TLS failure.
 *
 * <p>Waits as {@link RetryPolicy} describes: the server's {@code Retry-After}/{@code
 * Retry-After-Ms} up to {@link RetryPolicy#maxRetryAfter()}; a longer wait ends the call at once
 * (the exception says what the server asked for); a malformed one falls back to the backoff. A
 * request tagged with a {@link RetryBudget} (the event writer's) is retried while that lasts
 * instead, the server's wait limited and the backoff cut to what is left of it. A 429 pauses every
 * attempt of the client until the server's time ({@link RateLimitGate}). A wait that would outlast
 * the call's whole-call timeout ends the retries instead. The waiting is done by the configured
 * {@link io.github.bt4j.internal.Sleeper}, so tests observe the schedule without sleeping.
 *
 * <p>A DELETE answered 404 after an earlier attempt may have reached the server (a connection lost
 * after sending, or a 5xx) is done: the earlier attempt deleted the object. The call then ends as
 * if answered 204, with no body.
 */
final class RetryInterceptor implements Interceptor {
  private final ClientConfig config;
  private final RateLimitGate gate;

  RetryInterceptor(ClientConfig config, RateLimitGate gate) {
    this.config = config;
    this.gate = gate;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestContext context = Transport.contextOf(request);
    AttemptLog log = context.attempts();
    RetryPolicy policy = config.retryPolicy();
    int maxRetries =
        context.options().maxRetries() != null
            ? context.options().maxRetries()
            : policy.maxRetries();
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    long deadline = timeoutNanos == 0 ? 0 : System.nanoTime() + timeoutNanos;
    boolean mayHaveBeenApplied = false;
    RetryBudget budget = request.tag(RetryBudget.class);
    Duration wait = awaitGate(chain.call());
    for (int retried = 0; ; retried++) {
      if (budget != null) {
        budget.spent(wait);
      }
      if (!wait.isZero() && retried > 0) {
        sleep(wait, chain.call());
      }
      log.attempted();
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (chain.call().isCanceled() || !isRetryable(e)) {
          throw e;
        }
        failure = e;
      }
      Duration asked = response == null ? null : ServerWait.of(response, config.clock());
      if (asked != null) {
        log.serverAsked(asked);
      }
      if (response != null && isDone(request, response, mayHaveBeenApplied)) {
        return deleted(response);
      }
      Duration limit = budget != null ? budget.left() : policy.maxRetryAfter();
      boolean beyondLimit = asked != null && asked.compareTo(limit) > 0;
      boolean retry =
          retried < maxRetries
              && isWorthRetrying(context, failure, response)
              && (budget == null || !(limit.isNegative() || limit.isZero()));
      if (retry && beyondLimit) {
        log.beyondLimit(limit);
        retry = false;
      }
      wait = asked != null && !beyondLimit ? asked : backoff(retried + 1);
      if (budget != null && wait.compareTo(limit) > 0) {
        wait = limit;
      }
      if (response != null && response.code() == 429 && (retry || asked != null) && !beyondLimit) {
        gate.pauseFor(wait, config.clock());
      }
      Duration paused = gate.remaining(config.clock());
      wait = paused.compareTo(wait) > 0 ? paused : wait;
      if (retry && deadline != 0 && System.nanoTime() + wait.toNanos() >= deadline) {
        retry = false;
      }
      if (!retry) {
        if (failure != null) {
          throw failure;
        }
        return response;
      }
      mayHaveBeenApplied |= failure != null ? !neverSent(failure) : response.code() >= 500;
      if (response != null) {
        response.close();
      }
    }
  }

  /**
   * Whether a transport failure may pass on a later attempt: not a DNS or TLS failure, and not a
   * cancelled or interrupted call (a socket read timeout is one that may pass).
   */
  private static boolean isRetryable(IOException e) {
    if (e instanceof UnknownHostException
        || e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException) {
      return false;
    }
    return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
  }

  /** Whether a failure happened before any byte of the request left: no connection was made. */
  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof PortUnreachableException;
  }

  /**
   * The computed wait before retry number {@code retry} (from 1): doubling from the policy's
   * initial backoff up to its maximum, jittered down by up to 25%.
   */
  private Duration backoff(int retry) {
    RetryPolicy policy = config.retryPolicy();
    double base = policy.initialBackoff().toNanos() * Math.pow(2, Math.min(retry - 1, 62));
    double capped = Math.min(base, policy.maxBackoff().toNanos());
    return Duration.ofNanos((long) (capped * (1 - 0.25 * config.jitter().getAsDouble())));
  }

  /**
   * Whether a later attempt may succeed: after a failure that sent nothing, or if the request may
   * be sent twice, after another failure or an answer of 408, 409, 429 or 5xx (never 413 or another
   * 4xx).
   */
  private static boolean isWorthRetrying(
      RequestContext context, IOException failure, Response response) {
    if (failure != null) {
      return context.mayRetry() || neverSent(failure);
    }
    int code = response.code();
    return context.mayRetry() && (code == 408 || code == 409 || code == 429 || code >= 500);
  }

  /** A retried DELETE whose object is gone: an earlier attempt that may have arrived deleted it. */
  private static boolean isDone(Request request, Response response, boolean mayHaveBeenApplied) {
    return mayHaveBeenApplied && response.code() == 404 && request.method().equals("DELETE");
  }

  private static Response deleted(Response notFound) {
    notFound.close();
    return notFound
        .newBuilder()
        .code(204)
        .message("No Content (404 after an earlier attempt that may have deleted it)")
        .body(ResponseBody.create(new byte[0], null))
        .build();
  }

  private void sleep(Duration wait, okhttp3.Call call) throws IOException {
    try {
      config.sleeper().sleep(wait, call::isCanceled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
    if (call.isCanceled()) {
      throw new IOException("Canceled");
    }
  }

  /** Waits out the client's rate-limit pause, if one is on, before the first attempt. */
  private Duration awaitGate(okhttp3.Call call) throws IOException {
    try {
      return gate.await(config.clock(), config.sleeper(), call::isCanceled);
    } catch (InterruptedException e) {
      if (call.isCanceled()) {
        throw new IOException("Canceled");
      }
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the rate-limit pause");
    }
  }
}
