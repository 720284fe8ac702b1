package io.github.bt4j.errors;

/** 422: the request was well-formed but could not be processed. */
public class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public UnprocessableEntityException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
