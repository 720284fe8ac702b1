package io.github.bt4j.benchmarks;

import com.google.gson.Gson;

/**
 * What one client JVM measured for one side of one workload, sent to the orchestrator as a line
 * {@code RESULT <json>} on standard output.
 *
 * @param units what was moved in the timed pass: events, rows, projects, chunks (0 for a time)
 * @param seconds how long the timed pass took (wall clock)
 * @param cpuSeconds the CPU time the client JVM spent in it, all threads (JIT and GC included): on
 *     a shared machine this moves less than the wall clock when other work competes for the cores
 * @param liveMb the live heap after a full collection, sampled while reading, or null
 * @param firstEventMs the time from the call to the first streamed event, or null
 * @param error why the run failed, or null if it did not
 */
record Sample(
    long units,
    double seconds,
    double cpuSeconds,
    Double liveMb,
    Double firstEventMs,
    String error) {
  static final String PREFIX = "RESULT ";
  private static final Gson GSON = new Gson();

  /** A timed pass that moved {@code units} in {@code nanos}, using {@code cpuNanos} of CPU. */
  static Sample timed(long units, long nanos, long cpuNanos) {
    return new Sample(units, nanos / 1e9, cpuNanos / 1e9, null, null, null);
  }

  /** A run that failed. */
  static Sample failed(Throwable error) {
    return new Sample(0, 0, 0, null, null, String.valueOf(error));
  }

  /** Units per second. */
  double rate() {
    return units / seconds;
  }

  Sample withLiveMb(double mb) {
    return new Sample(units, seconds, cpuSeconds, mb, firstEventMs, error);
  }

  Sample withFirstEventMs(double ms) {
    return new Sample(units, seconds, cpuSeconds, liveMb, ms, error);
  }

  /** The output line. */
  String line() {
    return PREFIX + GSON.toJson(this);
  }

  /** The sample in an output line that starts with {@link #PREFIX}. */
  static Sample parse(String line) {
    return GSON.fromJson(line.substring(PREFIX.length()), Sample.class);
  }
}
