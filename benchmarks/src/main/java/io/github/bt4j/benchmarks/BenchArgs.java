package io.github.bt4j.benchmarks;

/** The {@code name=value} arguments of the benchmark programs. */
final class BenchArgs {
  private BenchArgs() {}

  /**
   * The value of {@code name=...} in {@code args}, or {@code fallback} if it is absent or empty (as
   * a Maven property left unset is).
   */
  static String string(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=") && arg.length() > name.length() + 1) {
        return arg.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  /** The integer value of {@code name=...} in {@code args}, or {@code fallback}. */
  static int integer(String[] args, String name, int fallback) {
    String value = string(args, name, null);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
