package io.github.bt4j.logging.internal;

/** Tells whether the JVM is shutting down. */
public final class JvmShutdown {
  private JvmShutdown() {}

  /**
   * Whether the JVM has begun to shut down (its shutdown hooks are running). Then logging
   * frameworks, java.util.logging included, may already have closed their handlers in hooks of
   * their own, and a message logged through them is lost.
   */
  public static boolean inProgress() {
    Thread probe = new Thread(() -> {}, "bt4j-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException shuttingDown) {
      return true;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
    return false;
  }
}
