package io.github.bt4j.errors;

/** 413: the request body is larger than the server accepts. */
public class PayloadTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public PayloadTooLargeException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
