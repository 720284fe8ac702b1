package io.github.bt4j.logging;

/** The default {@link FailureHandler}: one error log line per failure. */
final class LoggingFailureHandler implements FailureHandler {
  static final LoggingFailureHandler INSTANCE = new LoggingFailureHandler();
  static final System.Logger LOG = System.getLogger("io.github.bt4j.logging");

  private LoggingFailureHandler() {}

  @Override
  public void onFailure(WriteFailure failure) {
    LOG.log(System.Logger.Level.ERROR, failure.toString(), failure.cause().orElse(null));
  }

  @Override
  public String toString() {
    return "FailureHandler.logging()";
  }
}
