package io.github.bt4j.logging.internal;

/** Which endpoint of the event store a queued item goes to. */
public enum EventKind {
  /** {@code POST .../insert}, body {@code {"events": [...]}}. */
  INSERT("events"),
  /** {@code POST .../feedback}, body {@code {"feedback": [...]}}. */
  FEEDBACK("feedback");

  private final String bodyField;

  EventKind(String bodyField) {
    this.bodyField = bodyField;
  }

  /** The name of the array in the request body. */
  public String bodyField() {
    return bodyField;
  }
}
