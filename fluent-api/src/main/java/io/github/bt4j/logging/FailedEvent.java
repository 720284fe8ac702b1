package io.github.bt4j.logging;

import java.nio.charset.StandardCharsets;

/**
 * An accepted event that could not be delivered, as it was serialised when logged: its id (for
 * feedback, the id of the row the feedback is about) and its JSON. Sending the same JSON again is
 * safe for inserts: a row with the same id is replaced, not duplicated.
 */
public final class FailedEvent {
  private final String id;
  private final boolean feedback;
  private final byte[] json;

  /** Creates the description of a failed event from its JSON bytes (UTF-8). */
  public FailedEvent(String id, boolean feedback, byte[] json) {
    this.id = id;
    this.feedback = feedback;
    this.json = json;
  }

  /** The row id. */
  public String id() {
    return id;
  }

  /** Whether this was a feedback item rather than an inserted row. */
  public boolean isFeedback() {
    return feedback;
  }

  /** The event's JSON exactly as it would have been sent. */
  public String json() {
    return new String(json, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return (feedback ? "feedback on " : "event ") + id;
  }
}
