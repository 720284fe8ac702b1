package io.github.bt4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints the floor comparison: per workload the floor's and the library's medians with their
 * spread, the ratio of the library's time to the floor's (the median of the runs' ratios, with
 * their spread; lower is better), the target and whether the median meets it; then the jars a
 * consumer gets, with the consumer's dependency tree.
 */
final class FloorTable {
  private static final double MIB = 1024 * 1024;
  private static final double MAX_LIVE_MIB = 7;
  private static final double MAX_THIRD_PARTY_MIB = 3.3;
  private static final double MAX_TOTAL_MIB = 4.4;
  private static final String FORMAT = "%-40s | %-38s | %-38s | %-20s | %-20s | %-28s | %s%n";

  private FloorTable() {}

  /** The runs of one workload. */
  record Row(Workload workload, List<Sample> floor, List<Sample> bt4j) {}

  /** The consumers of the jar comparison. */
  record Jars(Footprint.Consumer floor, Footprint.Consumer bt4j) {}

  /** One run's line of progress. */
  static String describe(Workload w, Sample floor, Sample bt4j) {
    if (floor.error() != null || bt4j.error() != null) {
      return "floor " + outcome(w, floor) + ", bt4j " + outcome(w, bt4j);
    }
    return String.format(
        Locale.ROOT,
        "floor %s, bt4j %s, bt4j/floor time %.2fx%s%s",
        outcome(w, floor),
        outcome(w, bt4j),
        ratio(w, floor, bt4j),
        floor.liveMb() == null
            ? ""
            : String.format(Locale.ROOT, "; live %.1f / %.1f MiB", floor.liveMb(), bt4j.liveMb()),
        floor.firstEventMs() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; first event %.2f / %.2f ms",
                floor.firstEventMs(),
                bt4j.firstEventMs()));
  }

  /** Prints the table. */
  static void print(Map<Workload, Row> rows, Jars jars) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        FORMAT,
        "workload",
        "floor: median (min..max)",
        "bt4j: median (min..max)",
        "bt4j/floor time",
        "bt4j/floor CPU",
        "target",
        "");
    System.out.println("-".repeat(205));
    for (Row row : rows.values()) {
      printRow(row);
    }
    if (jars != null) {
      printJars(jars);
    }
    System.out.println();
    System.out.println(
        "bt4j/floor time: the library's wall-clock time over the floor's, the median of the runs'"
            + " ratios (min..max); lower is better. bt4j/floor CPU: the same for the CPU time the"
            + " client JVM used (all threads; for the cold start, the whole JVM up to the"
            + " acknowledgement), which moves less when other work shares the cores. MiB = 2^20"
            + " bytes.");
    if (jars != null) {
      System.out.println();
      System.out.println("The bt4j consumer's dependency tree:");
      System.out.println(jars.bt4j().tree());
      System.out.println("The floor consumer's dependency tree:");
      System.out.println(jars.floor().tree());
    }
  }

  private static void printRow(Row row) {
    Workload w = row.workload();
    List<String> failures = new ArrayList<>();
    row.floor().stream()
        .filter(s -> s.error() != null)
        .forEach(s -> failures.add("floor: " + s.error()));
    row.bt4j().stream()
        .filter(s -> s.error() != null)
        .forEach(s -> failures.add("bt4j: " + s.error()));
    List<Sample> floor = row.floor().stream().filter(s -> s.error() == null).toList();
    List<Sample> bt4j = row.bt4j().stream().filter(s -> s.error() == null).toList();
    String unit = w.unit;
    ToDoubleFunction<Sample> value =
        w == Workload.COLD_START ? s -> s.seconds() * 1000 : Sample::rate;
    List<Double> ratios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int i = 0; i < Math.min(row.floor().size(), row.bt4j().size()); i++) {
      Sample f = row.floor().get(i);
      Sample b = row.bt4j().get(i);
      if (f.error() == null && b.error() == null) {
        ratios.add(ratio(w, f, b));
        if (f.cpuSeconds() > 0 && b.cpuSeconds() > 0) {
          cpuRatios.add(b.cpuSeconds() / f.cpuSeconds());
        }
      }
    }
    String verdict = "";
    if (!ratios.isEmpty() && w.maxRatio != null) {
      verdict = Stats.median(ratios) <= w.maxRatio ? "meets" : "misses";
    }
    if (!failures.isEmpty()) {
      verdict =
          "FAILS ("
              + failures.size()
              + " of "
              + (row.floor().size() + row.bt4j().size())
              + " runs)";
    }
    System.out.printf(
        Locale.ROOT,
        FORMAT,
        w.title,
        summary(floor, value, unit),
        summary(bt4j, value, unit),
        ratios.isEmpty() ? "-" : ratioSummary(ratios),
        cpuRatios.isEmpty() ? "-" : ratioSummary(cpuRatios),
        w.target,
        verdict);
    if (w == Workload.FETCH) {
      List<Double> floorLive = values(floor, Sample::liveMb);
      List<Double> bt4jLive = values(bt4j, Sample::liveMb);
      String liveVerdict =
          bt4jLive.isEmpty() ? "" : Stats.median(bt4jLive) <= MAX_LIVE_MIB ? "meets" : "misses";
      System.out.printf(
          Locale.ROOT,
          FORMAT,
          "  live heap after a full GC",
          summary(floorLive, "MiB"),
          summary(bt4jLive, "MiB"),
          "",
          "",
          "<= " + MAX_LIVE_MIB + " MiB",
          liveVerdict);
    }
    if (w == Workload.SSE) {
      List<Double> f = values(floor, Sample::firstEventMs);
      List<Double> b = values(bt4j, Sample::firstEventMs);
      System.out.printf(
          Locale.ROOT,
          FORMAT,
          "  time to first event",
          summary(f, "ms"),
          summary(b, "ms"),
          f.isEmpty() || b.isEmpty()
              ? "-"
              : String.format(Locale.ROOT, "%.2fx", Stats.median(b) / Stats.median(f)),
          "",
          "keep (4.5 ms)",
          "");
    }
    failures.forEach(f -> System.out.println("    " + f));
  }

  private static void printJars(Jars jars) {
    Footprint.Consumer f = jars.floor();
    Footprint.Consumer b = jars.bt4j();
    boolean meets = b.thirdParty() / MIB <= MAX_THIRD_PARTY_MIB && b.total() / MIB <= MAX_TOTAL_MIB;
    System.out.printf(
        Locale.ROOT,
        FORMAT,
        "runtime jars a consumer gets",
        String.format(Locale.ROOT, "%d jars, %.2f MiB", f.jars().size(), f.total() / MIB),
        String.format(
            Locale.ROOT,
            "%d jars, %.2f MiB; 3rd party %.2f",
            b.jars().size(),
            b.total() / MIB,
            b.thirdParty() / MIB),
        String.format(Locale.ROOT, "%.2fx (size)", b.total() / (double) f.total()),
        "",
        "3rd party <= " + MAX_THIRD_PARTY_MIB + ", all <= " + MAX_TOTAL_MIB,
        meets ? "meets" : "misses");
    for (Footprint.Jar jar : b.jars()) {
      System.out.printf(
          Locale.ROOT,
          "    %-50s %,10d bytes%s%n",
          jar.name(),
          jar.bytes(),
          jar.ours() ? "  (ours)" : "");
    }
  }

  /** The library's time over the floor's in one run. */
  private static double ratio(Workload w, Sample floor, Sample bt4j) {
    return w == Workload.COLD_START ? bt4j.seconds() / floor.seconds() : floor.rate() / bt4j.rate();
  }

  private static String outcome(Workload w, Sample s) {
    if (s.error() != null) {
      return "FAILED (" + s.error() + ")";
    }
    return w == Workload.COLD_START
        ? String.format(Locale.ROOT, "%.0f ms", s.seconds() * 1000)
        : String.format(Locale.ROOT, "%,.0f %s", s.rate(), w.unit);
  }

  private static List<Double> values(
      List<Sample> samples, java.util.function.Function<Sample, Double> field) {
    return samples.stream().map(field).filter(v -> v != null).toList();
  }

  private static String summary(List<Sample> samples, ToDoubleFunction<Sample> value, String unit) {
    List<Double> values = new ArrayList<>();
    samples.forEach(s -> values.add(value.applyAsDouble(s)));
    return summary(values, unit);
  }

  private static String summary(List<Double> values, String unit) {
    if (values.isEmpty()) {
      return "-";
    }
    Stats s = Stats.of(values);
    String pattern = s.median() >= 100 ? "%,.0f %s (%,.0f..%,.0f)" : "%.2f %s (%.2f..%.2f)";
    return String.format(Locale.ROOT, pattern, s.median(), unit, s.min(), s.max());
  }

  private static String ratioSummary(List<Double> ratios) {
    Stats s = Stats.of(ratios);
    return String.format(Locale.ROOT, "%.2fx (%.2f..%.2f)", s.median(), s.min(), s.max());
  }
}
