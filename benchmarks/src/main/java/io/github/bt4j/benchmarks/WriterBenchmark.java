package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.WriteFailure;
import io.github.bt4j.logging.WriterOptions;
import io.github.bt4j.logging.WriterStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Inserts 100,000 events of about 1 KB into a fake server on loopback (its own JVM, see {@link
 * WriterBenchServer}), in the same run: the hand-written floor ({@link WriterBenchFloor}) and the
 * {@link EventWriter} with its defaults, with a queue large enough for the whole run, and with that
 * queue but one request at a time like the floor. Reports events per second, the writer's {@code
 * log()} latency, and then runs the writer once more against injected faults (503s, connection
 * resets, a {@code Retry-After}), checking that the server ends with every id exactly once.
 *
 * <p>Arguments ({@code name=value}): {@code events} (100000), {@code batchRows} (100), {@code
 * rounds} (3), {@code warmup} (20000). Exits with status 1 if any run loses an id or reports a
 * failure.
 */
public final class WriterBenchmark {
  private static final String PROJECT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static final long LARGE_QUEUE = 512L * 1024 * 1024;

  private WriterBenchmark() {}

  /** The result of one writer run. */
  private record WriterRun(
      double eventsPerSecond,
      long[] latencyNanos,
      WriterStats stats,
      List<WriteFailure> failures,
      WriterBenchControl.Stats server) {}

  /** Runs the benchmark; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    int count = BenchArgs.integer(args, "events", 100_000);
    int batchRows = BenchArgs.integer(args, "batchRows", 100);
    int rounds = BenchArgs.integer(args, "rounds", 3);
    int warmup = BenchArgs.integer(args, "warmup", 20_000);
    List<Map<String, Object>> events = WriterBenchEvents.events(count);
    System.out.printf(
        Locale.ROOT,
        "%d events of %.0f bytes of JSON on average (id included), %d rows per request, "
            + "Java %s, %d CPUs%n",
        count,
        averageSize(events),
        batchRows,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    List<Variant> variants =
        List.of(
            new Variant("writer, default options", WriterOptions.builder()),
            new Variant(
                "writer, 512 MiB queue", WriterOptions.builder().maxQueuedBytes(LARGE_QUEUE)),
            new Variant(
                "writer, 512 MiB queue, 1 request at a time",
                WriterOptions.builder().maxQueuedBytes(LARGE_QUEUE).maxConcurrentRequests(1)));
    boolean ok = true;
    try (ServerProcess process = new ServerProcess("-Xmx512m", WriterBenchServer.class);
        WriterBenchControl server = new WriterBenchControl(process.baseUrl());
        WriterBenchFloor floor = new WriterBenchFloor()) {
      String insertUrl = server.baseUrl() + "/v1/project_logs/" + PROJECT + "/insert";
      List<Map<String, Object>> warm = events.subList(0, Math.min(warmup, count));
      runFloor(server, floor, insertUrl, warm, batchRows);
      for (Variant variant : variants) {
        runWriter(server, warm, variant.options(batchRows), false);
      }

      List<Double> floorRates = new ArrayList<>();
      List<List<WriterRun>> runs = new ArrayList<>();
      variants.forEach(v -> runs.add(new ArrayList<>()));
      for (int round = 1; round <= rounds; round++) {
        double floorRate = runFloor(server, floor, insertUrl, events, batchRows);
        floorRates.add(floorRate);
        StringBuilder line =
            new StringBuilder(
                String.format(Locale.ROOT, "round %d: floor %,.0f ev/s", round, floorRate));
        for (int v = 0; v < variants.size(); v++) {
          WriterRun run = runWriter(server, events, variants.get(v).options(batchRows), false);
          runs.get(v).add(run);
          ok &= complete(run, count);
          line.append(
              String.format(
                  Locale.ROOT,
                  " | %s %,.0f ev/s, log() p99 %.1f µs",
                  variants.get(v).name(),
                  run.eventsPerSecond(),
                  percentile(run.latencyNanos(), 0.99) / 1000.0));
        }
        System.out.println(line);
      }
      double floorMedian = Stats.median(floorRates);
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "median of %d rounds:%nfloor (OkHttp + Gson loop): %,.0f events/s%n",
          rounds,
          floorMedian);
      for (int v = 0; v < variants.size(); v++) {
        report(variants.get(v).name(), medianRun(runs.get(v)), floorMedian);
      }

      System.out.println();
      System.out.println(
          "faults: 503 on every 5th insert, connection reset (after storing) on 1 in 20,"
              + " one 429 with Retry-After: 1; client's default retry policy");
      WriterRun faulty = runWriter(server, events, variants.get(0).options(batchRows), true);
      WriterBenchControl.Stats s = faulty.server();
      System.out.printf(
          Locale.ROOT,
          "  %,.0f events/s; server: %,d insert requests (%d answered 503, %d reset, %d 429),"
              + " %,d rows received, %,d distinct ids, %,d missing, %,d rows received twice"
              + " (same id: upserted once); writer: %,d acknowledged, %,d failed%n",
          faulty.eventsPerSecond(),
          s.inserts(),
          s.injected503(),
          s.injectedResets(),
          s.injectedRetryAfter(),
          s.rows(),
          s.distinct(),
          count - s.distinct(),
          s.rows() - s.distinct(),
          faulty.stats().acknowledged(),
          faulty.stats().failed());
      faulty.failures().forEach(f -> System.out.println("  reported: " + f));
      ok &= complete(faulty, count);
    }
    System.out.println(ok ? "OK: every id arrived, none lost" : "FAILED: ids lost or reported");
    System.exit(ok ? 0 : 1);
  }

  /** A configuration of the writer to measure. */
  private record Variant(String name, WriterOptions.Builder base) {
    WriterOptions options(int batchRows) {
      return base.maxBatchRows(batchRows).flushOnShutdown(false).build();
    }
  }

  private static double runFloor(
      WriterBenchControl server,
      WriterBenchFloor floor,
      String insertUrl,
      List<Map<String, Object>> events,
      int batchRows)
      throws IOException {
    server.reset(false);
    long start = System.nanoTime();
    long acknowledged = floor.run(insertUrl, events, batchRows);
    long elapsed = System.nanoTime() - start;
    WriterBenchControl.Stats stats = server.stats();
    if (acknowledged != events.size() || stats.distinct() != events.size()) {
      throw new IllegalStateException("floor lost rows: " + stats);
    }
    return events.size() * 1e9 / elapsed;
  }

  private static WriterRun runWriter(
      WriterBenchControl server,
      List<Map<String, Object>> events,
      WriterOptions options,
      boolean faults)
      throws IOException {
    server.reset(faults);
    List<WriteFailure> failures = new CopyOnWriteArrayList<>();
    WriterOptions withHandler = options.toBuilder().failureHandler(failures::add).build();
    long[] latency = new long[events.size()];
    long elapsed;
    WriterStats stats;
    try (BraintrustClient client =
            BraintrustClient.builder().apiKey("bench-key").baseUrl(server.baseUrl()).build();
        var writer = EventWriter.projectLogs(client, PROJECT, withHandler)) {
      long start = System.nanoTime();
      for (int i = 0; i < latency.length; i++) {
        long before = System.nanoTime();
        writer.log(events.get(i));
        latency[i] = System.nanoTime() - before;
      }
      writer.flush();
      elapsed = System.nanoTime() - start;
      stats = writer.stats();
    }
    return new WriterRun(events.size() * 1e9 / elapsed, latency, stats, failures, server.stats());
  }

  private static boolean complete(WriterRun run, int count) {
    return run.server().distinct() == count
        && run.stats().acknowledged() == count
        && run.failures().isEmpty();
  }

  private static void report(String name, WriterRun run, double floor) {
    long[] l = run.latencyNanos();
    System.out.printf(
        Locale.ROOT,
        "%s: %,.0f events/s = %.2fx the floor; log() p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs,"
            + " max %.1f ms; %,d requests%n",
        name,
        run.eventsPerSecond(),
        run.eventsPerSecond() / floor,
        percentile(l, 0.50) / 1000.0,
        percentile(l, 0.99) / 1000.0,
        percentile(l, 0.999) / 1000.0,
        percentile(l, 1.0) / 1e6,
        run.stats().requests());
  }

  private static WriterRun medianRun(List<WriterRun> runs) {
    List<WriterRun> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> Double.compare(a.eventsPerSecond(), b.eventsPerSecond()));
    return sorted.get(sorted.size() / 2);
  }

  private static long percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)];
  }

  private static double averageSize(List<Map<String, Object>> events) {
    long bytes = 0;
    int sample = Math.min(events.size(), 1000);
    for (int i = 0; i < sample; i++) {
      bytes += BraintrustJson.gson().toJson(events.get(i)).getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes / (double) sample + "\"id\":\"00000000-0000-0000-0000-000000000000\",".length();
  }
}
