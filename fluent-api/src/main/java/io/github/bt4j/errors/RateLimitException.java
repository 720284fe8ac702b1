package io.github.bt4j.errors;

/** 429: too many requests; the client retries these by default. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code requestId} may be null. */
  public RateLimitException(
      int statusCode, String serverMessage, String requestId, String method, String url) {
    super(statusCode, serverMessage, requestId, method, url);
  }

  /**
   * Creates the exception with the record of the call's attempts; {@code requestId} may be null.
   */
  public RateLimitException(
      int statusCode,
      String serverMessage,
      String requestId,
      String method,
      String url,
      Attempts attempts) {
    super(statusCode, serverMessage, requestId, method, url, attempts);
  }
}
