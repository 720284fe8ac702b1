package io.github.bt4j.errors;

/** 404: the object or route does not exist. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public NotFoundException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
