package io.github.bt4j.logging;

/** {@link AcknowledgementHandler#none()}: the writer skips reading the answers' row ids. */
final class NoAcknowledgementHandler implements AcknowledgementHandler {
  static final NoAcknowledgementHandler INSTANCE = new NoAcknowledgementHandler();

  private NoAcknowledgementHandler() {}

  @Override
  public void onAcknowledged(Acknowledgement acknowledgement) {}

  @Override
  public String toString() {
    return "AcknowledgementHandler.none()";
  }
}
