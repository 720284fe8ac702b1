package io.github.bt4j.errors;

/** 413: the request body is larger than the server accepts. */
public class PayloadTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code requestId} may be null. */
  public PayloadTooLargeException(
      int statusCode, String serverMessage, String requestId, String method, String url) {
    super(statusCode, serverMessage, requestId, method, url);
  }

  /**
   * Creates the exception with the record of the call's attempts; {@code requestId} may be null.
   */
  public PayloadTooLargeException(
      int statusCode,
      String serverMessage,
      String requestId,
      String method,
      String url,
      Attempts attempts) {
    super(statusCode, serverMessage, requestId, method, url, attempts);
  }
}
