package io.github.bt4j.logging;

import io.github.bt4j.logging.internal.Stderr;
import java.util.List;

/**
 * The default {@link FailureHandler}: one error report per failure, with the content of the events
 * concerned, through the {@link System.Logger} {@code io.github.bt4j.logging}; during JVM shutdown
 * on standard error instead, since logging frameworks (java.util.logging included) shut themselves
 * down in shutdown hooks of their own and would lose it.
 */
final class LoggingFailureHandler implements FailureHandler {
  static final LoggingFailureHandler INSTANCE = new LoggingFailureHandler();
  static final System.Logger LOG = System.getLogger("io.github.bt4j.logging");

  /** Events whose JSON is printed; the ids of the others are listed. */
  static final int EVENTS_SHOWN = 20;

  /** The most characters of one event's JSON printed. */
  static final int JSON_SHOWN = 1000;

  /** The most ids listed for the events beyond {@link #EVENTS_SHOWN}. */
  static final int MORE_IDS_SHOWN = 200;

  private LoggingFailureHandler() {}

  @Override
  public void onFailure(WriteFailure failure) {
    String text = describe(failure);
    if (shutdownInProgress()) {
      Stderr.print(text, failure.cause().orElse(null));
    } else {
      LOG.log(System.Logger.Level.ERROR, text, failure.cause().orElse(null));
    }
  }

  /**
   * The report: what failed and why, then each event's JSON as it would have been sent (the first
   * {@value #EVENTS_SHOWN} events, each cut at {@value #JSON_SHOWN} characters), then the ids of
   * the rest. The events are the application's own data; nothing of the client's credentials or
   * headers is in a failure.
   */
  static String describe(WriteFailure failure) {
    List<FailedEvent> events = failure.events();
    StringBuilder s = new StringBuilder(failure.summary());
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
      int listed = WriteFailure.appendIds(s, events, shown, MORE_IDS_SHOWN) - shown;
      if (listed < more) {
        s.append(", ... (").append(more - listed).append(" not listed)");
      }
    }
    return s.toString();
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

  @Override
  public String toString() {
    return "FailureHandler.logging()";
  }
}
