package io.github.bt4j.logging;

/**
 * Receives the events a writer accepted but could not deliver. Called on one of the writer's
 * threads (for {@link WriteFailure.Reason#QUEUE_FULL}, on the thread that logged), once per failed
 * request or drop, before {@link EventWriter#flush()} returns for those events. Keep it short and
 * do not call the writer's {@code flush} or {@code close} from it. Anything it throws, {@link
 * Error}s included, is caught (the writer's thread lives on) and the failure it was given is
 * printed on standard error.
 */
@FunctionalInterface
public interface FailureHandler {
  /** Called with the events concerned and the reason. */
  void onFailure(WriteFailure failure);

  /**
   * The default: logs each failure at {@code ERROR} level on the {@link System.Logger} named {@code
   * io.github.bt4j.logging}, with the reason, the server's message and the events' JSON (the first
   * 20 events, each cut at 1000 characters, then the ids of the rest). During JVM shutdown it
   * prints on standard error instead, where the report is still seen.
   */
  static FailureHandler logging() {
    return LoggingFailureHandler.INSTANCE;
  }
}
