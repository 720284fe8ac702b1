package io.github.bt4j.logging;

/**
 * Receives the events a writer accepted but could not deliver. Called on one of the writer's
 * threads (for {@link WriteFailure.Reason#QUEUE_FULL}, on the thread that logged), once per failed
 * request or drop, before {@link EventWriter#flush()} returns for those events. Keep it short and
 * do not call the writer's {@code flush} or {@code close} from it. An exception it throws is logged
 * and otherwise ignored.
 */
@FunctionalInterface
public interface FailureHandler {
  /** Called with the events concerned and the reason. */
  void onFailure(WriteFailure failure);

  /**
   * The default: logs each failure, with the ids concerned, at {@code ERROR} level on the {@link
   * System.Logger} named {@code io.github.bt4j.logging}.
   */
  static FailureHandler logging() {
    return LoggingFailureHandler.INSTANCE;
  }
}
