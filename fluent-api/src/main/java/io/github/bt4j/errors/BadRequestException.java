package io.github.bt4j.errors;

/** 400: the request was malformed or missed a required parameter. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code requestId} may be null. */
  public BadRequestException(
      int statusCode, String serverMessage, String requestId, String method, String url) {
    super(statusCode, serverMessage, requestId, method, url);
  }

  /**
   * Creates the exception with the record of the call's attempts; {@code requestId} may be null.
   */
  public BadRequestException(
      int statusCode,
      String serverMessage,
      String requestId,
      String method,
      String url,
      Attempts attempts) {
    super(statusCode, serverMessage, requestId, method, url, attempts);
  }
}
