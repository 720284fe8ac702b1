package io.github.bt4j.internal.http;

import io.github.bt4j.core.RequestOptions;

/**
 * What the transport chain needs to know about one call beyond its HTTP request: the caller's
 * options, whether sending it twice is safe, and the record of its attempts. Travels as the OkHttp
 * request's tag, so that every interceptor and the exception mapping see the same one.
 *
 * @param options the caller's per-call options
 * @param retrySafe whether the request as sent cannot be applied twice by a retry
 * @param attempts what the retry machinery saw of the call
 */
public record RequestContext(RequestOptions options, boolean retrySafe, AttemptLog attempts) {
  /** A context with a fresh attempt log. */
  public RequestContext(RequestOptions options, boolean retrySafe) {
    this(options, retrySafe, new AttemptLog());
  }

  /** Whether the transport may send this call again after a failure. */
  public boolean mayRetry() {
    return retrySafe || Boolean.TRUE.equals(options.retryNonIdempotent());
  }
}
