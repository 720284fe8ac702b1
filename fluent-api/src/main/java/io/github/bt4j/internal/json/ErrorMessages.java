package io.github.bt4j.internal.json;

/** Finds the human-readable message in the data of an error event, as {@link ErrorBody} does. */
public final class ErrorMessages {
  private ErrorMessages() {}

  /**
   * The message in error event data: a JSON string, the message of a JSON error object (see {@link
   * ErrorBody}), or failing that the data as it is.
   *
   * @param data the event data
   * @return the message, never null
   */
  public static String fromData(String data) {
    String message = ErrorBody.parse(data).message();
    return message.isEmpty() ? data : message;
  }
}
