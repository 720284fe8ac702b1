package io.github.bt4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures each workload of issue 15 against its hand-written OkHttp + Gson floor, and the jars a
 * consumer gets, and prints the table: floor, bt4j, the ratio of bt4j's time to the floor's (lower
 * is better) and the target. Each workload's fake server runs in a JVM of its own; each run of each
 * side is a fresh client JVM; the sides alternate which goes first; the table gives medians and the
 * spread (min..max). A cold start lasts well under a second, so one stall of a shared machine can
 * swing a pair of them: each of its runs is {@value #COLD_START_PAIRS} pairs of JVMs, every pair a
 * sample of the median.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am install -DskipTests -Dbenchmark.floor          (full: 5 runs)
 * mvn -B -q -pl benchmarks -am install -DskipTests -Dbenchmark.floor=quick    (smoke test)
 * </pre>
 *
 * <p>Arguments ({@code name=value}): {@code mode} (full or quick), {@code runs} (5 full, 1 quick),
 * {@code only} (workload keys and {@code jars}, comma-separated), {@code jfr} (a directory: one
 * more run of the library per workload, not counted, its timed passes recorded there with Java
 * Flight Recorder; the cold start's whole JVM), and for the jars: {@code target}, {@code
 * mavenHome}, {@code localRepo}, {@code offline}, {@code version}, {@code okhttp}, {@code gson},
 * {@code dependencyPlugin}.
 */
public final class FloorBenchmark {
  private FloorBenchmark() {}

  /**
   * Runs the comparison; see the class documentation for the arguments.
   *
   * @param args {@code name=value} arguments
   * @throws Exception if a server does not start or the consumer cannot be resolved
   */
  public static void main(String[] args) throws Exception {
    boolean quick = BenchArgs.string(args, "mode", "full").equals("quick");
    int runs = BenchArgs.integer(args, "runs", quick ? 1 : 5);
    Set<String> only =
        new LinkedHashSet<>(List.of(BenchArgs.string(args, "only", "all").split(",")));
    String jfr = BenchArgs.string(args, "jfr", null);
    System.out.printf(
        Locale.ROOT,
        "bt4j against the floor, %s mode, %d run(s) each; Java %s, %d CPUs, load average %.1f%n",
        quick ? "quick" : "full",
        runs,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    Map<Workload, FloorTable.Row> rows = new EnumMap<>(Workload.class);
    for (Workload workload : Workload.values()) {
      if (only.contains("all") || only.contains(workload.key)) {
        rows.put(
            workload,
            measure(workload, quick ? workload.quickUnits : workload.fullUnits, runs, jfr));
      }
    }
    FloorTable.Jars jars = null;
    if (only.contains("all") || only.contains("jars")) {
      jars = jars(args);
    }
    FloorTable.print(rows, jars);
    if (quick) {
      System.out.println(
          "quick mode: a smoke test with a tenth of the work and one run; do not judge the targets"
              + " by it.");
    }
    System.out.printf(
        Locale.ROOT,
        "load average at the end: %.1f (on %d CPUs: above that, other work competed)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  /** Pairs of cold starts (floor and library) in each run of that workload. */
  static final int COLD_START_PAIRS = 3;

  private static FloorTable.Row measure(Workload workload, long units, int runs, String jfr)
      throws Exception {
    System.out.printf(Locale.ROOT, "%n%s (%,d units a run):%n", workload.title, units);
    List<Sample> floor = new ArrayList<>();
    List<Sample> bt4j = new ArrayList<>();
    try (ServerProcess server =
        new ServerProcess(
            workload.serverHeap(), workload.serverClass(), workload.serverArgs(units))) {
      if (workload == Workload.COLD_START) {
        // Warm the server, so that every timed run meets the same one.
        ClientJvm.coldStart(Side.FLOOR, server.baseUrl(), List.of());
        ClientJvm.coldStart(Side.BT4J, server.baseUrl(), List.of());
      }
      if (jfr != null) {
        for (Side side : Side.values()) {
          record(workload, side, units, server.baseUrl(), Path.of(jfr));
        }
      }
      int pairs = workload == Workload.COLD_START ? runs * COLD_START_PAIRS : runs;
      for (int run = 1; run <= pairs; run++) {
        List<Side> order =
            run % 2 == 1 ? List.of(Side.FLOOR, Side.BT4J) : List.of(Side.BT4J, Side.FLOOR);
        for (Side side : order) {
          Sample sample =
              workload == Workload.COLD_START
                  ? ClientJvm.coldStart(side, server.baseUrl(), List.of())
                  : ClientJvm.measure(workload, side, server.baseUrl(), units, List.of());
          (side == Side.FLOOR ? floor : bt4j).add(sample);
        }
        System.out.println(
            "  run "
                + run
                + ": "
                + FloorTable.describe(workload, floor.get(run - 1), bt4j.get(run - 1)));
      }
    }
    return new FloorTable.Row(workload, floor, bt4j);
  }

  /** One more run of {@code side}, recorded with Java Flight Recorder and not counted. */
  private static void record(Workload workload, Side side, long units, String baseUrl, Path dir)
      throws Exception {
    Files.createDirectories(dir);
    Path file = dir.toAbsolutePath().resolve(workload.key + "-" + side.label() + ".jfr");
    // The cold start is recorded whole; the others only in their timed passes.
    List<String> record =
        List.of(
            workload == Workload.COLD_START
                ? "-XX:StartFlightRecording=settings=profile,filename=" + file
                : "-D" + WorkloadClient.RECORD_PROPERTY + "=" + file);
    Sample recorded =
        workload == Workload.COLD_START
            ? ClientJvm.coldStart(side, baseUrl, record)
            : ClientJvm.measure(workload, side, baseUrl, units, record);
    System.out.println(
        "  recorded " + file + (recorded.error() == null ? "" : ": " + recorded.error()));
  }

  private static FloorTable.Jars jars(String[] args) throws Exception {
    Footprint footprint =
        new Footprint(
            Path.of(BenchArgs.string(args, "target", "target")).resolve("consumers"),
            BenchArgs.string(args, "mavenHome", null),
            BenchArgs.string(args, "localRepo", null),
            Boolean.parseBoolean(BenchArgs.string(args, "offline", "false")),
            BenchArgs.string(args, "dependencyPlugin", "3.8.1"));
    String version = BenchArgs.string(args, "version", "0.1.0-SNAPSHOT");
    Footprint.Consumer floor =
        footprint.consumer(
            "floor",
            List.of(
                "com.squareup.okhttp3:okhttp:" + BenchArgs.string(args, "okhttp", "4.12.0"),
                "com.google.code.gson:gson:" + BenchArgs.string(args, "gson", "2.13.2")));
    Footprint.Consumer bt4j = footprint.consumer("bt4j", List.of("io.github.bt4j:bt4j:" + version));
    return new FloorTable.Jars(floor, bt4j);
  }
}
