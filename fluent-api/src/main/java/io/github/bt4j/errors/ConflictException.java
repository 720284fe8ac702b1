package io.github.bt4j.errors;

/** 409: the request conflicts with the object's current state. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public ConflictException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
