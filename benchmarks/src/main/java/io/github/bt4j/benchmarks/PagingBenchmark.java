package io.github.bt4j.benchmarks;

import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.query.BtqlQuery;
import io.github.bt4j.query.EventFetch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a million synthetic rows of about 1 KB from a loopback server in another JVM, through the
 * fetch endpoint (cursor pages of 1000) and through {@code /btql} JSON lines, with the fluent
 * client (de-duplication on) and with a hand-written OkHttp + Gson loop (the floor), alternating,
 * in this JVM; prints rows per second, heap figures and the fluent/floor ratio.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests -Dbenchmark
 * </pre>
 */
public final class PagingBenchmark {
  private static final int PER_PAGE = 1000;
  private static final int ROUNDS = 3;
  private static final int LIVE_SAMPLE_EVERY = 100_000;

  private PagingBenchmark() {}

  /** One way of reading the rows. */
  private interface Reader {
    long read(long maxRows) throws IOException;
  }

  private record Run(double rowsPerSecond, long peakHeap) {}

  /**
   * Runs the benchmark.
   *
   * @param args total rows (default 1,000,000)
   * @throws Exception if the server does not start or a read fails
   */
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    try (ServerProcess server =
        new ServerProcess(
            "-Xmx256m",
            LoopbackServer.class,
            Long.toString(rows),
            Integer.toString(PER_PAGE),
            "100")) {
      run(server.baseUrl(), rows);
    }
  }

  private static void run(String baseUrl, long rows) throws Exception {
    RowSink sink = new RowSink(LIVE_SAMPLE_EVERY);
    FloorClient floor = new FloorClient(baseUrl);
    BraintrustClient client =
        BraintrustClient.builder().apiKey("bench").baseUrl(baseUrl).maxRetries(0).build();
    EventFetch fetch =
        client.queries().fetchProjectLogs(SyntheticPages.PROJECT).tracesPerPage(PER_PAGE);
    BtqlQuery btql =
        client
            .queries()
            .structured(JsonParser.parseString("{" + SyntheticPages.BTQL_FROM + "}"))
            .pageSize(PER_PAGE);
    String project = SyntheticPages.PROJECT.toString();

    Map<String, Reader> readers = new LinkedHashMap<>();
    readers.put(
        "fetch    floor (OkHttp+Gson)", n -> floor.fetchAll(project, PER_PAGE, n, sink::accept));
    readers.put("fetch    fluent, de-dup on", n -> sink.drain(fetch.events(), n));
    EventFetch raw = fetch.deduplicate(false);
    readers.put("fetch    fluent, de-dup off", n -> sink.drain(raw.events(), n));
    readers.put(
        "btql     floor (OkHttp+Gson)",
        n -> floor.btqlAll(SyntheticPages.BTQL_FROM, PER_PAGE, n, sink::accept));
    readers.put("btql     fluent", n -> sink.drain(btql.rows(), n));

    System.out.printf(
        Locale.ROOT,
        "%,d rows of %,d bytes, pages of %d; client JVM: Java %s, max heap %d MB, %d CPUs%n",
        rows,
        SyntheticPages.row().length(),
        PER_PAGE,
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        Runtime.getRuntime().availableProcessors());

    for (Map.Entry<String, Reader> r : readers.entrySet()) {
      r.getValue().read(Math.min(rows, 200_000));
    }
    long start = System.nanoTime();
    long bytes = floor.drainFetch(project, (int) (rows / PER_PAGE));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "server + socket alone (bytes read, not parsed): %,.0f rows/s, %,.0f MB/s%n",
        rows / seconds,
        bytes / seconds / 1e6);

    HeapMeter heap = new HeapMeter();
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Reader> r : readers.entrySet()) {
        heap.startPeak();
        long t0 = System.nanoTime();
        long read = r.getValue().read(Long.MAX_VALUE);
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = heap.peak();
        if (read != rows) {
          throw new IllegalStateException(r.getKey() + " read " + read + " rows, not " + rows);
        }
        runs.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(new Run(read / s, peak));
      }
    }
    Map<String, Long> live = new LinkedHashMap<>();
    sink.probe(heap);
    for (Map.Entry<String, Reader> r : readers.entrySet()) {
      heap.startLive();
      r.getValue().read(Long.MAX_VALUE);
      live.put(r.getKey(), heap.live());
    }
    sink.probe(null);

    System.out.printf(
        Locale.ROOT,
        "%-30s %14s %24s %13s %13s%n",
        "reader",
        "rows/s median",
        "min..max of " + ROUNDS,
        "peak heap MB",
        "live heap MB");
    Map<String, Double> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
      List<Double> rates = new ArrayList<>();
      long peak = 0;
      for (Run run : e.getValue()) {
        rates.add(run.rowsPerSecond());
        peak = Math.max(peak, run.peakHeap());
      }
      Collections.sort(rates);
      double median = rates.get(rates.size() / 2);
      medians.put(e.getKey(), median);
      System.out.printf(
          Locale.ROOT,
          "%-30s %,14.0f %,11.0f..%,-12.0f %13.1f %13.1f%n",
          e.getKey(),
          median,
          rates.get(0),
          rates.get(rates.size() - 1),
          peak / 1e6,
          live.get(e.getKey()) / 1e6);
    }
    List<Double> m = new ArrayList<>(medians.values());
    System.out.printf(
        Locale.ROOT,
        "fluent/floor: fetch %.2fx, btql %.2fx (checksum %d)%n",
        m.get(1) / m.get(0),
        m.get(4) / m.get(3),
        sink.checksum());
    client.close();
    floor.close();
  }
}
