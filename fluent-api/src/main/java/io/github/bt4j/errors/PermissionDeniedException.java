package io.github.bt4j.errors;

/** 403: the API key may not perform this request. */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public PermissionDeniedException(ErrorResponse response, Attempts attempts) {
    super(response, attempts);
  }
}
