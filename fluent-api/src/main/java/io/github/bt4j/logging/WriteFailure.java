package io.github.bt4j.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Events a writer accepted but did not deliver, and why. Handed to the {@link
 * WriterOptions.Builder#failureHandler failure handler}; each accepted event is either acknowledged
 * by the server or appears in exactly one failure.
 *
 * @param reason why the events were not delivered
 * @param cause the exception that ended the request ({@link io.github.bt4j.errors.ApiException} for
 *     a status, {@link io.github.bt4j.errors.ConnectionException} for the network), or null when
 *     there was no request
 * @param target where the events were going, e.g. {@code project_logs 3c90c3cc-...}
 * @param events the events concerned, in the order they were logged
 */
public record WriteFailure(
    Reason reason, Throwable cause, String target, List<FailedEvent> events) {
  static final System.Logger LOG = System.getLogger("io.github.bt4j.logging");

  /** Events whose JSON {@link #log()} prints; the ids of the others are listed. */
  static final int EVENTS_SHOWN = 20;

  /** The most characters of one event's JSON printed. */
  static final int JSON_SHOWN = 1000;

  /** The most ids listed for the events beyond {@link #EVENTS_SHOWN}. */
  static final int MORE_IDS_SHOWN = 200;

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

  /** Creates a failure report, copying the list. */
  public WriteFailure {
    events = List.copyOf(events);
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

  /**
   * Reports this failure as the default failure handler does: at {@code ERROR} level on the {@link
   * System.Logger} named {@code io.github.bt4j.logging}, with the reason, the server's message and
   * the events' JSON (the first {@value #EVENTS_SHOWN} events, each cut at {@value #JSON_SHOWN}
   * characters, then the ids of the rest). During JVM shutdown it prints on standard error instead,
   * since logging frameworks (java.util.logging included) shut themselves down in shutdown hooks of
   * their own and would lose it. The events are the application's own data; nothing of the client's
   * credentials or headers is in a failure.
   */
  public void log() {
    if (shutdownInProgress()) {
      printToStderr(describe(), cause);
    } else {
      LOG.log(System.Logger.Level.ERROR, describe(), cause);
    }
  }

  /** The report {@link #log()} writes: the summary, then the events' JSON, then the other ids. */
  String describe() {
    StringBuilder s = new StringBuilder(summary());
    int shown = Math.min(events.size(), EVENTS_SHOWN);
    for (FailedEvent e : events.subList(0, shown)) {
      String json = e.json();
      s.append("\n  ").append(e).append(": ").append(json, 0, Math.min(json.length(), JSON_SHOWN));
      if (json.length() > JSON_SHOWN) {
        s.append("... (").append(json.length() - JSON_SHOWN).append(" more characters)");
      }
    }
    int more = events.size() - shown;
    if (more > 0) {
      s.append("\n  and ").append(more).append(more == 1 ? " more: " : " more, ids: ");
      int listed = appendIds(s, events, shown, MORE_IDS_SHOWN) - shown;
      if (listed < more) {
        s.append(", ... (").append(more - listed).append(" not listed)");
      }
    }
    return s.toString();
  }

  /**
   * The writer's last resort for a report that must be seen: standard error, which works when
   * logging does not (during JVM shutdown, or when a handler itself failed). Prints {@code
   * message}, and {@code error}'s stack trace if any, as one block.
   */
  static void printToStderr(String message, Throwable error) {
    PrintStream err = System.err;
    synchronized (err) {
      err.println(Instant.now() + " ERROR io.github.bt4j.logging: " + message);
      if (error != null) {
        error.printStackTrace(err);
      }
      err.flush();
    }
  }

  /**
   * Whether the JVM has begun to shut down (its shutdown hooks are running). Then logging
   * frameworks, java.util.logging included, may already have closed their handlers in hooks of
   * their own, and a message logged through them is lost.
   */
  private static boolean shutdownInProgress() {
    Thread probe = new Thread(() -> {}, "bt4j-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException shuttingDown) {
      return true;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
    return false;
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
