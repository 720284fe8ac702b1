package io.github.bt4j.errors;

/**
 * The server answered with a success status but a body the client could not read as the operation's
 * documented type (malformed JSON, wrong shape, or a stream cut short).
 */
public class UnexpectedResponseException extends BraintrustException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /** Creates the exception for a response with {@code statusCode} to {@code METHOD url}. */
  public UnexpectedResponseException(
      int statusCode, String method, String url, String detail, Throwable cause) {
    super(statusCode + " from " + method + " " + url + " had an unreadable body: " + detail, cause);
    this.statusCode = statusCode;
  }

  /** The HTTP status of the response whose body could not be read. */
  public int statusCode() {
    return statusCode;
  }
}
