package io.github.bt4j.errors;

/**
 * The server answered with an HTTP error status. Subclasses name the common statuses; catch this
 * class to handle them all. Carries the status, the server's own message (from a {@code text/plain}
 * body or a JSON {@code {"error": ...}} body, never empty), the request id the server sent back if
 * any, and the method and URL of the request.
 */
public class ApiException extends BraintrustException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String serverMessage;
  private final String requestId;
  private final String method;
  private final String url;

  /** Creates the exception; {@code requestId} may be null. */
  public ApiException(
      int statusCode, String serverMessage, String requestId, String method, String url) {
    this(statusCode, serverMessage, requestId, method, url, Attempts.unknown());
  }

  /**
   * Creates the exception with the record of the call's attempts; {@code requestId} may be null.
   */
  public ApiException(
      int statusCode,
      String serverMessage,
      String requestId,
      String method,
      String url,
      Attempts attempts) {
    super(describe(statusCode, serverMessage, requestId, method, url), null, attempts);
    this.statusCode = statusCode;
    this.serverMessage = serverMessage;
    this.requestId = requestId;
    this.method = method;
    this.url = url;
  }

  private static String describe(
      int status, String message, String requestId, String method, String url) {
    StringBuilder sb = new StringBuilder();
    sb.append(status).append(" from ").append(method).append(' ').append(url).append(": ");
    sb.append(message);
    if (requestId != null) {
      sb.append(" (request id ").append(requestId).append(')');
    }
    return sb.toString();
  }

  /** The HTTP status code, such as 404. */
  public int statusCode() {
    return statusCode;
  }

  /** What the server said, as it said it; never null or empty. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The id the server gave the request, to quote to Braintrust support; null if none was sent. */
  public String requestId() {
    return requestId;
  }

  /** The HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** The URL of the failed request (it never carries credentials). */
  public String url() {
    return url;
  }
}
