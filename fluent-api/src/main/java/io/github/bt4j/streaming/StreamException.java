package io.github.bt4j.streaming;

/**
 * A server-sent event stream failed part way: the connection broke, an event could not be read or
 * decoded, or the server reported an error. Carries how far the stream had got.
 */
public class StreamException extends io.github.bt4j.errors.BraintrustException {
  private static final long serialVersionUID = 1L;

  private final long eventsReceived;
  private final String lastEventId;

  /**
   * Creates the exception.
   *
   * @param message what went wrong; how far the stream got is appended
   * @param cause the underlying failure, or null
   * @param eventsReceived how many events were read before the failure
   * @param lastEventId the last event ID seen before the failure, or null
   */
  public StreamException(String message, Throwable cause, long eventsReceived, String lastEventId) {
    super(
        message
            + " (after "
            + eventsReceived
            + (eventsReceived == 1 ? " event" : " events")
            + (lastEventId == null ? "" : ", last event id '" + lastEventId + "'")
            + ")",
        cause);
    this.eventsReceived = eventsReceived;
    this.lastEventId = lastEventId;
  }

  /**
   * How many events were read before the failure, not counting the one that failed.
   *
   * @return the number of events
   */
  public long eventsReceived() {
    return eventsReceived;
  }

  /**
   * The last event ID the server had set before the failure; a client can resume from it where the
   * endpoint supports {@code Last-Event-ID}.
   *
   * @return the ID, or null when the server set none
   */
  public String lastEventId() {
    return lastEventId;
  }
}
