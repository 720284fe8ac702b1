package io.github.bt4j.errors;

/**
 * The root of every exception the client throws for a failed call. Unchecked, like Retrofit's and
 * OpenAI's. Its message never contains the API key or another secret. After retries, or when the
 * server asked for a wait, the message ends with how the call was tried (see {@link #attempts()}).
 */
public class BraintrustException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Attempts attempts;

  /** Creates an exception with a message and an optional cause. */
  public BraintrustException(String message, Throwable cause) {
    this(message, cause, Attempts.unknown());
  }

  /**
   * Creates an exception with a message, an optional cause and the record of the call's attempts,
   * which the message then ends with if the call was retried or the server asked for a wait.
   */
  public BraintrustException(String message, Throwable cause, Attempts attempts) {
    super(withAttempts(message, attempts), cause);
    this.attempts = attempts == null ? Attempts.unknown() : attempts;
  }

  private static String withAttempts(String message, Attempts attempts) {
    if (attempts == null || (attempts.count() <= 1 && attempts.lastRetryAfter() == null)) {
      return message;
    }
    return message + " [" + attempts + "]";
  }

  /**
   * How the failed call was tried: the number of attempts and the last wait the server asked for.
   *
   * @return the record; {@link Attempts#count()} is 0 if the failure did not come from sending
   */
  public Attempts attempts() {
    return attempts;
  }
}
