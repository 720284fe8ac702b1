package io.github.bt4j.logging;

import io.github.bt4j.logging.internal.JvmShutdown;
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
    if (JvmShutdown.inProgress()) {
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
    StringBuilder s =
        new StringBuilder()
            .append(events.size())
            .append(events.size() == 1 ? " event" : " events")
            .append(" not delivered to ")
            .append(failure.target())
            .append(" (")
            .append(failure.reason())
            .append(')');
    failure.cause().ifPresent(c -> s.append(": ").append(c.getMessage()));
    int shown = Math.min(events.size(), EVENTS_SHOWN);
    for (int i = 0; i < shown; i++) {
      FailedEvent e = events.get(i);
      String json = e.json();
      s.append("\n  ").append(e).append(": ");
      if (json.length() <= JSON_SHOWN) {
        s.append(json);
      } else {
        s.append(json, 0, JSON_SHOWN)
            .append("... (")
            .append(json.length() - JSON_SHOWN)
            .append(" more characters)");
      }
    }
    if (shown < events.size()) {
      int more = events.size() - shown;
      s.append("\n  and ").append(more).append(more == 1 ? " more: " : " more, ids: ");
      int listed = Math.min(more, MORE_IDS_SHOWN);
      for (int i = 0; i < listed; i++) {
        s.append(i == 0 ? "" : ", ").append(events.get(shown + i).id());
      }
      if (listed < more) {
        s.append(", ... (").append(more - listed).append(" not listed)");
      }
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "FailureHandler.logging()";
  }
}
