package io.github.bt4j.errors;

/** 400: the request was malformed or missed a required parameter. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public BadRequestException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
