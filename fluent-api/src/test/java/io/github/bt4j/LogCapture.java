package io.github.bt4j;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records everything logged to {@code io.github.bt4j.http}: {@link System.Logger} is backed by
 * java.util.logging unless another provider is installed. Close it to restore the logger.
 */
final class LogCapture implements AutoCloseable {
  // A strong reference, so that the configured logger is not collected during the test.
  private final Logger logger = Logger.getLogger("io.github.bt4j.http");
  private final Level previousLevel = logger.getLevel();
  private final boolean previousUseParentHandlers = logger.getUseParentHandlers();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  LogCapture() {
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    // Keep the captured lines out of the build's console.
    logger.setUseParentHandlers(false);
  }

  List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** All messages, joined by newlines. */
  String text() {
    StringBuilder sb = new StringBuilder();
    for (LogRecord r : records) {
      sb.append(r.getMessage()).append('\n');
    }
    return sb.toString();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
    logger.setUseParentHandlers(previousUseParentHandlers);
  }
}
