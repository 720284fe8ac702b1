package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;

/**
 * One side of one workload inside a client JVM: it holds its clients, and each {@link #pass} moves
 * some units (events, rows, chunks...) through them, checks that all arrived, and says how long
 * that took.
 */
interface ClientWorkload extends AutoCloseable {
  /**
   * Moves {@code units} units (or fewer if the workload has fewer) and checks the result.
   *
   * @return the nanoseconds the pass took
   */
  long pass(long units) throws Exception;

  /** Adds what this workload measures besides time (live heap, first event) to {@code timed}. */
  default Sample extras(Sample timed) throws Exception {
    return timed;
  }

  @Override
  default void close() throws Exception {}

  /**
   * The library's client for the runs of {@code side}, or null for the floor's: default options, as
   * a user gets them (retries on, so the cost of being able to retry is measured too).
   */
  static BraintrustClient libraryClient(Side side, String baseUrl) {
    return side == Side.BT4J
        ? BraintrustClient.builder().apiKey("bench-key").baseUrl(baseUrl).build()
        : null;
  }

  /** Closes each of {@code resources} that is not null. */
  static void closeAll(AutoCloseable... resources) throws Exception {
    for (AutoCloseable resource : resources) {
      if (resource != null) {
        resource.close();
      }
    }
  }
}
