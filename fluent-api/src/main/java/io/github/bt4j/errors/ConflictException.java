package io.github.bt4j.errors;

/** 409: the request conflicts with the object's current state. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code requestId} may be null. */
  public ConflictException(
      int statusCode, String serverMessage, String requestId, String method, String url) {
    super(statusCode, serverMessage, requestId, method, url);
  }

  /**
   * Creates the exception with the record of the call's attempts; {@code requestId} may be null.
   */
  public ConflictException(
      int statusCode,
      String serverMessage,
      String requestId,
      String method,
      String url,
      Attempts attempts) {
    super(statusCode, serverMessage, requestId, method, url, attempts);
  }
}
