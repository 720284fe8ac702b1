package io.github.bt4j.errors;

/**
 * The root of every exception the client throws for a failed call. Unchecked, like Retrofit's and
 * OpenAI's. Its message never contains the API key or another secret.
 */
public class BraintrustException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and an optional cause. */
  public BraintrustException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message. */
  public BraintrustException(String message) {
    super(message);
  }
}
