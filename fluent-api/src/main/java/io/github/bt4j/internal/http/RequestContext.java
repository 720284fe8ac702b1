package io.github.bt4j.internal.http;

import io.github.bt4j.RequestOptions;

/**
 * What the transport chain needs to know about one call beyond its HTTP request: the caller's
 * options and whether sending it twice is safe. Travels as the OkHttp request's tag.
 *
 * @param options the caller's per-call options
 * @param retrySafe whether the operation cannot be applied twice by a retry
 */
public record RequestContext(RequestOptions options, boolean retrySafe) {
  /** Whether the transport may send this call again after a failure. */
  public boolean mayRetry() {
    Boolean override = options.retryNonIdempotent();
    return retrySafe || Boolean.TRUE.equals(override);
  }
}
