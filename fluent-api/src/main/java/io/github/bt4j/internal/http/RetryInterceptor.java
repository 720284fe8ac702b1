package io.github.bt4j.internal.http;

import io.github.bt4j.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries a call that failed in a way a later attempt may not: 408, 409, 429 and 5xx answers, and
 * connection failures. Never 413 or another 4xx, and never a call that could be applied twice (see
 * {@link RequestContext#mayRetry()}). Waits as {@link RetryPolicy} describes; the waiting is done
 * by the configured {@link io.github.bt4j.Sleeper}, so tests observe the schedule without sleeping.
 * A wait that would outlast the call's whole-call timeout ends the retries instead.
 */
final class RetryInterceptor implements Interceptor {
  private final ClientConfig config;

  RetryInterceptor(ClientConfig config) {
    this.config = config;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestContext context = Transport.contextOf(request);
    RetryPolicy policy = config.retryPolicy();
    int maxRetries =
        context.options().maxRetries() != null
            ? context.options().maxRetries()
            : policy.maxRetries();
    if (!context.mayRetry()) {
      maxRetries = 0;
    }
    long deadline = deadlineOf(chain);
    for (int attempt = 0; ; attempt++) {
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
      boolean retry =
          attempt < maxRetries && (failure != null || isRetryableStatus(response.code()));
      Duration wait = retry ? waitBefore(attempt + 1, response) : Duration.ZERO;
      if (retry && deadline != 0 && System.nanoTime() + wait.toNanos() >= deadline) {
        retry = false;
      }
      if (!retry) {
        if (failure != null) {
          throw failure;
        }
        return response;
      }
      if (response != null) {
        response.close();
      }
      sleep(wait, chain.call());
    }
  }

  private static long deadlineOf(Chain chain) {
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    return timeoutNanos == 0 ? 0 : System.nanoTime() + timeoutNanos;
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

  /** Whether a status is worth another attempt. */
  static boolean isRetryableStatus(int code) {
    return code == 408 || code == 409 || code == 429 || code >= 500;
  }

  /** Whether a transport failure may pass on a later attempt. */
  static boolean isRetryable(IOException e) {
    if (e instanceof UnknownHostException
        || e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException) {
      return false;
    }
    // A cancelled or timed-out call is interrupted; a socket read timeout is not.
    return !(e instanceof InterruptedIOException) || e instanceof java.net.SocketTimeoutException;
  }

  /** The wait before retry number {@code retry} (1-based), after {@code response} if any. */
  Duration waitBefore(int retry, Response response) {
    RetryPolicy policy = config.retryPolicy();
    Duration serverWait = response == null ? null : serverRequestedWait(response);
    if (serverWait != null
        && !serverWait.isNegative()
        && serverWait.compareTo(policy.maxRetryAfter()) <= 0) {
      return serverWait;
    }
    double base = policy.initialBackoff().toNanos() * Math.pow(2, retry - 1);
    double capped = Math.min(base, policy.maxBackoff().toNanos());
    double jittered = capped * (1 - 0.25 * config.jitter().getAsDouble());
    return Duration.ofNanos((long) jittered);
  }

  private Duration serverRequestedWait(Response response) {
    String ms = response.header("Retry-After-Ms");
    if (ms != null) {
      try {
        return Duration.ofNanos((long) (Double.parseDouble(ms.trim()) * 1_000_000));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String after = response.header("Retry-After");
    if (after == null) {
      return null;
    }
    try {
      return Duration.ofNanos((long) (Double.parseDouble(after.trim()) * 1_000_000_000L));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Duration.between(config.clock().instant(), at.toInstant());
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
