package io.github.bt4j.errors;

/**
 * 400 or 422: the request was malformed, missed a required parameter, or was well-formed but could
 * not be processed. Retrying the same request does not help.
 */
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
