package io.github.bt4j.errors;

/**
 * The request could not be completed at the transport level: connection refused or reset, DNS
 * failure, TLS failure, or a timeout. The cause is the underlying {@link java.io.IOException}.
 */
public class ConnectionException extends BraintrustException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a request ({@code METHOD url}) that failed with {@code cause}. */
  public ConnectionException(String method, String url, Throwable cause) {
    this(method, url, cause, Attempts.unknown());
  }

  /** As {@link #ConnectionException(String, String, Throwable)}, with the call's attempts. */
  public ConnectionException(String method, String url, Throwable cause, Attempts attempts) {
    super(method + " " + url + " failed: " + describe(cause), cause, attempts);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
