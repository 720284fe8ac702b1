package io.github.bt4j.errors;

/** 429: too many requests; the client retries these by default. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public RateLimitException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
