package io.github.bt4j.logging;

import java.util.List;
import java.util.Optional;

/**
 * Events a writer accepted but did not deliver, and why. Handed to the {@link FailureHandler}; each
 * accepted event is either acknowledged by the server or appears in exactly one failure.
 */
public final class WriteFailure {
  /** Why the events were not delivered. */
  public enum Reason {
    /**
     * The request failed for good: the server refused these rows (a 4xx other than 408/409/429; for
     * a 400, 422 or 413, the rows it refused once the others were stored), or the {@link
     * WriterOptions#retryBudget() retry budget} ran out on a 5xx, 429 or connection failure, or the
     * server asked to wait longer than the budget had left. The rows may or may not have been
     * stored; logging them again with the same ids is safe.
     */
    REQUEST_FAILED,
    /** The queue was full and the policy is {@link QueueFullPolicy#dropAndReport()}; never sent. */
    QUEUE_FULL,
    /**
     * The writer was closed, or the JVM shut down, before the events could be delivered within the
     * close timeout: they were never sent, or their request was cancelled (and may or may not have
     * been stored).
     */
    CLOSED
  }

  private final Reason reason;
  private final Throwable cause;
  private final String target;
  private final List<FailedEvent> events;

  /** Creates a failure report; {@code cause} may be null when there was no request. */
  public WriteFailure(Reason reason, Throwable cause, String target, List<FailedEvent> events) {
    this.reason = reason;
    this.cause = cause;
    this.target = target;
    this.events = List.copyOf(events);
  }

  /** Why the events were not delivered. */
  public Reason reason() {
    return reason;
  }

  /**
   * The exception that ended the request ({@link io.github.bt4j.errors.ApiException} for a status,
   * {@link io.github.bt4j.errors.ConnectionException} for the network), if there was a request.
   */
  public Optional<Throwable> cause() {
    return Optional.ofNullable(cause);
  }

  /** Where the events were going, e.g. {@code project_logs 3c90c3cc-...}. */
  public String target() {
    return target;
  }

  /** The events concerned, in the order they were logged. */
  public List<FailedEvent> events() {
    return events;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(summary()).append("; ids: ");
    int listed = appendIds(s, events, 0, 20);
    if (listed < events.size()) {
      s.append(", ... (").append(events.size() - listed).append(" more)");
    }
    return s.toString();
  }

  /** How many events failed, where they were going, why and the cause's message. */
  String summary() {
    String causeText = cause == null ? "" : ": " + cause.getMessage();
    return String.format(
        "%d event%s not delivered to %s (%s)%s",
        events.size(), events.size() == 1 ? "" : "s", target, reason, causeText);
  }

  /** Appends the ids of up to {@code max} events from {@code from}; returns the index reached. */
  static int appendIds(StringBuilder s, List<FailedEvent> events, int from, int max) {
    int to = Math.min(events.size(), from + max);
    for (int i = from; i < to; i++) {
      s.append(i == from ? "" : ", ").append(events.get(i).id());
    }
    return to;
  }
}
