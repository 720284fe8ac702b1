package io.github.bt4j.streaming;

import java.util.Objects;

/**
 * One event of a {@code text/event-stream} response, as dispatched by the WHATWG event-stream
 * rules.
 *
 * @param event the event type; {@code "message"} when the server named none
 * @param data the data lines of the event, joined with {@code "\n"}; never null, may be empty
 * @param id the last event ID in effect when the event was dispatched (it carries over from earlier
 *     events, as the WHATWG rules say), or null when none is set
 * @param retry the reconnection time in milliseconds most recently sent with {@code retry:}, or
 *     null when none was sent
 */
public record SseEvent(String event, String data, String id, Long retry) {

  /** The event type used when the server names none. */
  public static final String DEFAULT_EVENT = "message";

  /** Checks that the event type and data are present. */
  public SseEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
  }
}
