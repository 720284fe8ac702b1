package io.github.bt4j.logging;

import io.github.bt4j.errors.BraintrustException;

/**
 * Thrown by a writer's {@code log} methods under {@link QueueFullPolicy#block(java.time.Duration)}
 * when the queue stayed full for the whole timeout (or the wait was interrupted). The event was not
 * accepted: nothing of it will be sent, and the caller decides what to do with it.
 */
public class QueueFullException extends BraintrustException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code cause} is the interruption, if that ended the wait. */
  public QueueFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
