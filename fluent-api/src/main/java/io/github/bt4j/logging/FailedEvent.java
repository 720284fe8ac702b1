package io.github.bt4j.logging;

import java.nio.charset.StandardCharsets;

/**
 * An accepted event that could not be delivered, as it was serialised when logged. Sending the same
 * JSON again is safe for inserts: a row with the same id is replaced, not duplicated.
 *
 * @param id the row id (for feedback, the id of the row the feedback is about)
 * @param feedback whether this was a feedback item rather than an inserted row
 * @param json the event's JSON exactly as it would have been sent
 */
public record FailedEvent(String id, boolean feedback, String json) {

  /** Creates the description of a failed event from its JSON bytes (UTF-8). */
  public FailedEvent(String id, boolean feedback, byte[] json) {
    this(id, feedback, new String(json, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return (feedback ? "feedback on " : "event ") + id;
  }
}
