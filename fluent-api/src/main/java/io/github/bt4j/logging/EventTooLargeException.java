package io.github.bt4j.logging;

/**
 * Thrown by a writer's {@code log} methods for an event whose JSON would make a request larger than
 * {@link WriterOptions#maxRequestBytes()} even on its own. The event was not accepted; other events
 * are not affected.
 */
public class EventTooLargeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String eventId;
  private final long eventBytes;
  private final long limitBytes;

  /** Creates the exception for the event {@code eventId} of {@code eventBytes} bytes. */
  public EventTooLargeException(String eventId, long eventBytes, long limitBytes) {
    super(
        String.format(
            "event %s is %d bytes of JSON, more than one request may carry (%d bytes,"
                + " WriterOptions.maxRequestBytes); it was not accepted. Store large values"
                + " elsewhere (e.g. as attachments) and log a reference",
            eventId, eventBytes, limitBytes));
    this.eventId = eventId;
    this.eventBytes = eventBytes;
    this.limitBytes = limitBytes;
  }

  /** The id the event had or was given. */
  public String eventId() {
    return eventId;
  }

  /** The size of the event's JSON in bytes. */
  public long eventBytes() {
    return eventBytes;
  }

  /** The limit it exceeded: the request size minus the request's own envelope. */
  public long limitBytes() {
    return limitBytes;
  }
}
