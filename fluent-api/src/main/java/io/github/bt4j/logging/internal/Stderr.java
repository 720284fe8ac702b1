package io.github.bt4j.logging.internal;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The writer's last resort for a report that must be seen: standard error, which works when logging
 * does not (during JVM shutdown, or when a handler itself failed).
 */
public final class Stderr {
  private Stderr() {}

  /** Prints {@code message}, and {@code error}'s stack trace if any, as one block. */
  public static void print(String message, Throwable error) {
    PrintStream err = System.err;
    synchronized (err) {
      err.println(Instant.now() + " ERROR io.github.bt4j.logging: " + message);
      if (error != null) {
        error.printStackTrace(err);
      }
      err.flush();
    }
  }
}
