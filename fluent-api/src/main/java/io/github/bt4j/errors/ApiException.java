package io.github.bt4j.errors;

import java.util.StringJoiner;

/**
 * The server answered with an HTTP error status. Subclasses name the common statuses; catch this
 * class to handle them all. Carries the status, the server's own message (never empty) and error
 * code (if it sent one), the body it answered with, the request id the server sent back if any, and
 * the method and URL of the request.
 *
 * <p>The message and code are found in whichever shape the server used: a {@code text/plain} body,
 * or JSON such as {@code {"error": "..."}}, {@code {"error": {"message": "...", "code": "..."}}},
 * {@code {"message": "..."}}, {@code {"Message": "...", "Code": "..."}} or {@code {"detail": ...}}.
 */
public class ApiException extends BraintrustException {
  private static final long serialVersionUID = 1L;

  private final ErrorResponse response;

  /**
   * Creates the exception.
   *
   * @param response what the server answered
   * @param attempts how the call was tried
   */
  public ApiException(ErrorResponse response, Attempts attempts) {
    super(describe(response), null, attempts);
    this.response = response;
  }

  private static String describe(ErrorResponse r) {
    StringJoiner said = new StringJoiner(", ", " (", ")").setEmptyValue("");
    if (r.errorCode() != null) {
      said.add("code " + r.errorCode());
    }
    if (r.requestId() != null) {
      said.add("request id " + r.requestId());
    }
    return r.statusCode() + " from " + r.method() + " " + r.url() + ": " + r.serverMessage() + said;
  }

  /** The HTTP status code, such as 404. */
  public int statusCode() {
    return response.statusCode();
  }

  /**
   * What the server said: the message field of a JSON body, or a plain-text body as it is; never
   * null or empty (an empty body gives {@code "HTTP 404 Not Found (empty body)"} and the like).
   */
  public String serverMessage() {
    return response.serverMessage();
  }

  /**
   * The server's machine-readable error code, such as {@code ForbiddenError} or {@code
   * invalid_request_error} (a JSON body's {@code code}, else its {@code type}); null if it sent
   * none.
   */
  public String errorCode() {
    return response.errorCode();
  }

  /**
   * The body the server answered with, for callers who want more than the message: its first 64
   * KiB, decoded with the charset of its content type (UTF-8 by default), with the API key masked
   * should the server echo it; "" if there was no body. Never part of {@link #getMessage()}.
   */
  public String responseBody() {
    return response.responseBody();
  }

  /** The id the server gave the request, to quote to Braintrust support; null if none was sent. */
  public String requestId() {
    return response.requestId();
  }

  /** The HTTP method of the failed request. */
  public String method() {
    return response.method();
  }

  /** The URL of the failed request (it never carries credentials). */
  public String url() {
    return response.url();
  }
}
