package io.github.bt4j.errors;

/** A 5xx status: something went wrong on the server's side. */
public class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code requestId} may be null. */
  public InternalServerException(
      int statusCode, String serverMessage, String requestId, String method, String url) {
    super(statusCode, serverMessage, requestId, method, url);
  }

  /**
   * Creates the exception with the record of the call's attempts; {@code requestId} may be null.
   */
  public InternalServerException(
      int statusCode,
      String serverMessage,
      String requestId,
      String method,
      String url,
      Attempts attempts) {
    super(statusCode, serverMessage, requestId, method, url, attempts);
  }
}
