package io.github.bt4j.logging;

/**
 * Receives what the server confirmed, one {@link Acknowledgement} per successful request: set one
 * with {@link WriterOptions.Builder#onAcknowledged} to record which rows were stored (for example
 * to link them elsewhere, or to check a run afterwards). Called on one of the writer's threads,
 * before {@link EventWriter#flush()} returns for those events; keep it short and do not call the
 * writer's {@code flush} or {@code close} from it. Anything it throws is printed and otherwise
 * ignored: the events stay acknowledged.
 */
@FunctionalInterface
public interface AcknowledgementHandler {
  /** Called with the rows one request stored. */
  void onAcknowledged(Acknowledgement acknowledgement);

  /** The default: ignores acknowledgements (the answer's row ids are then not even read). */
  static AcknowledgementHandler none() {
    return NoAcknowledgementHandler.INSTANCE;
  }
}
