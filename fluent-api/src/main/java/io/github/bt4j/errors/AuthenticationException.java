package io.github.bt4j.errors;

/** 401: no valid API key was sent. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public AuthenticationException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
