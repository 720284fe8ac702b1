package io.github.bt4j.errors;

/** A 5xx status: something went wrong on the server's side. */
public class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public InternalServerException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
