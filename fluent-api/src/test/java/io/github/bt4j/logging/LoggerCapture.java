package io.github.bt4j.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what is logged to {@code io.github.bt4j.logging} ({@link System.Logger} is backed by
 * java.util.logging unless another provider is installed). Close it to restore the logger.
 */
final class LoggerCapture implements AutoCloseable {
  private final Logger logger = Logger.getLogger("io.github.bt4j.logging");
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

  LoggerCapture() {
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  List<LogRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(previousUseParentHandlers);
  }
}
