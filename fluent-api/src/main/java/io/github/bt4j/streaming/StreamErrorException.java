package io.github.bt4j.streaming;

/** The server sent an error event in the middle of a stream. */
public class StreamErrorException extends StreamException {
  private static final long serialVersionUID = 1L;

  private final String errorMessage;
  private final String data;

  /**
   * Creates the exception.
   *
   * @param errorMessage the error message the server sent
   * @param data the raw data of the error event
   * @param eventsReceived how many events were read before the error event
   * @param lastEventId the last event ID seen, or null
   */
  public StreamErrorException(
      String errorMessage, String data, long eventsReceived, String lastEventId) {
    super("The server reported an error: " + errorMessage, null, eventsReceived, lastEventId);
    this.errorMessage = errorMessage;
    this.data = data;
  }

  /**
   * The error message the server sent.
   *
   * @return the message
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * The raw data of the error event, for details beyond the message.
   *
   * @return the data
   */
  public String data() {
    return data;
  }
}
