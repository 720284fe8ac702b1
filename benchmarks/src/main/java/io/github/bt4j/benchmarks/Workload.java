package io.github.bt4j.benchmarks;

/**
 * The workloads of the floor comparison (issue 15's table): for each, the fake server it needs (run
 * in a JVM of its own), the client JVM's heap, how many units a run moves in full and in quick
 * mode, how the client JVM warms up and repeats, and the target (the largest ratio of the library's
 * time to the floor's, where the issue sets one).
 */
enum Workload {
  INSERT(
      "insert",
      "insert 100k events of 1.1 KB",
      "events/s",
      "<= 1.1x",
      1.1,
      "-Xmx1g",
      100_000,
      10_000,
      20_000,
      2,
      1),
  LIST(
      "list",
      "list 20k projects, 100 a page",
      "projects/s",
      "<= 1.1x",
      1.1,
      "-Xmx256m",
      20_000,
      2_000,
      Long.MAX_VALUE,
      15, // both sides speed up for ~25 passes (JIT tiers): with 3, timed passes still compiled
      25), // a pass is about 0.05 s: the median of 25 instead of 3 steadies it
  CHAT(
      "chat",
      "proxy chat stream, 100k chunks",
      "chunks/s",
      "<= 1.1x",
      1.1,
      "-Xmx64m",
      100_000,
      10_000,
      Long.MAX_VALUE,
      3,
      7),
  COLD_START(
      "coldstart",
      "JVM start to first acknowledged insert",
      "ms",
      "<= 1.3x",
      1.3,
      "",
      1,
      1,
      0,
      0,
      1),
  FETCH(
      "fetch",
      "fetch 200k rows at -Xmx128m",
      "rows/s",
      "<= 1.0x, live <= 7 MiB",
      1.0,
      "-Xmx128m",
      200_000,
      20_000,
      Long.MAX_VALUE, // whole passes: bt4j's second pass was still ~15% slower than its fourth
      2,
      3), // the median of 3 passes of about 1.5 s instead of one
  BTQL(
      "btql",
      "BTQL 1M rows of 1.2 KB at -Xmx64m",
      "rows/s",
      "all rows, <= 1.1x",
      1.1,
      "-Xmx64m",
      1_000_000,
      50_000,
      100_000,
      2,
      1),
  SSE(
      "sse",
      "SSE 100k text_delta; first event",
      "events/s",
      "keep (0.86x; 4.5 ms)",
      null,
      "-Xmx64m",
      100_000,
      10_000,
      Long.MAX_VALUE,
      3,
      15);

  final String key;
  final String title;
  final String unit;
  final String target;
  final Double maxRatio;
  final String clientHeap;
  final long fullUnits;
  final long quickUnits;
  final long warmUnits;
  final int warmUps;
  final int repeats;

  Workload(
      String key,
      String title,
      String unit,
      String target,
      Double maxRatio,
      String clientHeap,
      long fullUnits,
      long quickUnits,
      long warmUnits,
      int warmUps,
      int repeats) {
    this.key = key;
    this.title = title;
    this.unit = unit;
    this.target = target;
    this.maxRatio = maxRatio;
    this.clientHeap = clientHeap;
    this.fullUnits = fullUnits;
    this.quickUnits = quickUnits;
    this.warmUnits = warmUnits;
    this.warmUps = warmUps;
    this.repeats = repeats;
  }

  /** The workload named {@code key}. */
  static Workload of(String key) {
    for (Workload w : values()) {
      if (w.key.equals(key)) {
        return w;
      }
    }
    throw new IllegalArgumentException("no workload named " + key);
  }

  /** The fake server's main class. */
  Class<?> serverClass() {
    return switch (this) {
      case INSERT, COLD_START -> WriterBenchServer.class;
      case LIST, FETCH, BTQL -> LoopbackServer.class;
      case CHAT, SSE -> StreamingServer.class;
    };
  }

  /** The fake server's heap option. */
  String serverHeap() {
    return serverClass() == LoopbackServer.class ? "-Xmx256m" : "-Xmx512m";
  }

  /** The fake server's arguments for a run of {@code units}. */
  String[] serverArgs(long units) {
    return switch (this) {
      case INSERT, COLD_START -> new String[0];
      case LIST -> new String[] {"1000", "1000", Long.toString(units)};
      case FETCH, BTQL -> new String[] {Long.toString(units), "1000", "100"};
      case CHAT, SSE -> new String[] {Long.toString(units)};
    };
  }

  /** This workload's {@code side} in a client JVM, against the server at {@code baseUrl}. */
  ClientWorkload client(Side side, String baseUrl, long units) {
    return switch (this) {
      case INSERT -> new InsertWorkload(side, baseUrl, units);
      case LIST -> new ListWorkload(side, baseUrl, units);
      case CHAT -> new StreamWorkload(side, baseUrl, units, true);
      case SSE -> new StreamWorkload(side, baseUrl, units, false);
      case FETCH -> new RowsWorkload(side, baseUrl, units, false);
      case BTQL -> new RowsWorkload(side, baseUrl, units, true);
      case COLD_START -> throw new IllegalStateException("cold start runs ColdStartClient");
    };
  }
}
