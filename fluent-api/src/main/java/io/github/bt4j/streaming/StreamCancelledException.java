package io.github.bt4j.streaming;

/**
 * The stream was closed by the caller before its end, so it cannot be read further. A thread
 * blocked reading the stream when another thread closes it gets this exception.
 */
public class StreamCancelledException extends StreamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param cause the failure the blocked read saw when the connection was cancelled, or null
   * @param eventsReceived how many events were read before the stream was closed
   * @param lastEventId the last event ID seen, or null
   */
  public StreamCancelledException(Throwable cause, long eventsReceived, String lastEventId) {
    super("The stream was closed before its end", cause, eventsReceived, lastEventId);
  }
}
