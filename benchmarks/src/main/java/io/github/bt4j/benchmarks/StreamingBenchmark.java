package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads server-sent event streams from a loopback server in another JVM ({@link StreamingServer})
 * with the fluent client and with a hand-written OkHttp floor ({@link StreamingFloor}),
 * alternating, in this JVM: (a) a function invocation of 100,000 {@code text_delta} events, typed
 * and accumulated into the final text; (b) a proxy chat completion of 100,000 chunks until {@code
 * [DONE]}, typed and accumulated; (c) the time from the call until the first event reaches user
 * code when the server pauses 2 s after it. Prints medians and the fluent/floor ratios, and checks
 * that every reader assembled exactly the text that was sent.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests -Dbenchmark.streaming
 * </pre>
 *
 * <p>Arguments ({@code name=value}): {@code events} (100000), {@code rounds} (5), {@code tries}
 * (5).
 */
public final class StreamingBenchmark {
  private static final int WARM_UP_ROUNDS = 3;
  private static final String FLOOR = "floor (OkHttp lines + Gson)";
  private static final String FLOOR_SHORTCUT = "floor + no-escape shortcut";

  private StreamingBenchmark() {}

  /** One way of reading a stream to its end. */
  private interface Reader {
    StreamReaders.Outcome read() throws IOException;
  }

  /** One way of reading the pausing stream: returns the nanoseconds until the first event. */
  private interface FirstEventTimer {
    long time() throws IOException;
  }

  /**
   * Runs the benchmark; see the class documentation for the arguments.
   *
   * @param args {@code name=value} arguments
   * @throws Exception if the server does not start or a read fails
   */
  public static void main(String[] args) throws Exception {
    int events = BenchArgs.integer(args, "events", 100_000);
    int rounds = BenchArgs.integer(args, "rounds", 5);
    int tries = BenchArgs.integer(args, "tries", 5);
    String functionText = StreamingBodies.text(events);
    String chatText = StreamingBodies.text(events - 3);
    try (ServerProcess server =
            new ServerProcess("-Xmx512m", StreamingServer.class, Integer.toString(events));
        StreamingFloor floor = new StreamingFloor(server.baseUrl());
        BraintrustClient client =
            BraintrustClient.builder()
                .apiKey("bench")
                .baseUrl(server.baseUrl())
                .maxRetries(0)
                .build()) {
      System.out.printf(
          Locale.ROOT,
          "%,d events per stream; client JVM: Java %s, max heap %d MB, %d CPUs%n",
          events,
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          Runtime.getRuntime().availableProcessors());
      serverAlone(floor, events, rounds);

      Map<String, Reader> functionReaders = new LinkedHashMap<>();
      functionReaders.put(FLOOR, () -> StreamReaders.floorInvoke(floor, false));
      functionReaders.put(FLOOR_SHORTCUT, () -> StreamReaders.floorInvoke(floor, true));
      functionReaders.put(
          "fluent invokeStream + accumulator", () -> StreamReaders.fluentInvoke(client));

      Map<String, Reader> chatReaders = new LinkedHashMap<>();
      chatReaders.put(FLOOR, () -> StreamReaders.floorChat(floor));
      chatReaders.put(
          "fluent chatCompletionsStream + acc.", () -> StreamReaders.fluentChat(client));

      System.out.println();
      System.out.printf(Locale.ROOT, "(a) function invoke stream, %,d text_delta events%n", events);
      throughput(functionReaders, rounds, events, functionText, "events/s");
      System.out.println();
      System.out.printf(Locale.ROOT, "(b) proxy chat stream, %,d chunks then [DONE]%n", events);
      throughput(chatReaders, rounds, events, chatText, "chunks/s");

      Map<String, FirstEventTimer> timers = new LinkedHashMap<>();
      timers.put(FLOOR, () -> StreamReaders.floorFirstEvent(floor));
      timers.put("fluent invokeStream", () -> StreamReaders.fluentFirstEvent(client));
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "(c) time from the call to the first event in user code; the server pauses %d ms after"
              + " it (pooled connection, median of %d)%n",
          StreamingBodies.PAUSE_MILLIS,
          tries);
      firstEvent(timers, tries);
    }
  }

  /** Reads the raw bytes of both streams: the rate the server and the socket allow. */
  private static void serverAlone(StreamingFloor floor, int events, int rounds) throws IOException {
    String function = "/v1/function/" + StreamingBodies.FUNCTION + "/invoke";
    String chat = "/v1/proxy/chat/completions";
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      floor.drain(function);
      floor.drain(chat);
    }
    List<Double> functionRates = new ArrayList<>();
    List<Double> chatRates = new ArrayList<>();
    long functionBytes = 0;
    long chatBytes = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      functionBytes = floor.drain(function);
      long t1 = System.nanoTime();
      chatBytes = floor.drain(chat);
      long t2 = System.nanoTime();
      functionRates.add(events * 1e9 / (t1 - t0));
      chatRates.add(events * 1e9 / (t2 - t1));
    }
    double functionRate = Stats.median(functionRates);
    double chatRate = Stats.median(chatRates);
    System.out.printf(
        Locale.ROOT,
        "server + socket alone (bytes read, not parsed): function stream %,.0f events/s"
            + " (%.0f bytes each, %,.0f MB/s), chat stream %,.0f chunks/s (%.0f bytes each,"
            + " %,.0f MB/s)%n",
        functionRate,
        functionBytes / (double) events,
        functionRate * functionBytes / events / 1e6,
        chatRate,
        chatBytes / (double) events,
        chatRate * chatBytes / events / 1e6);
  }

  private static void throughput(
      Map<String, Reader> readers, int rounds, int events, String text, String unit)
      throws IOException {
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      for (Map.Entry<String, Reader> r : readers.entrySet()) {
        StreamReaders.check(r.getKey(), r.getValue().read(), events, text);
      }
    }
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Reader> r : readers.entrySet()) {
        long t0 = System.nanoTime();
        StreamReaders.Outcome outcome = r.getValue().read();
        long elapsed = System.nanoTime() - t0;
        StreamReaders.check(r.getKey(), outcome, events, text);
        rates.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(events * 1e9 / elapsed);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  %-36s %16s %26s %9s%n",
        "reader",
        unit + " median",
        "min..max of " + rounds,
        "vs floor");
    Double floor = null;
    for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
      List<Double> sorted = new ArrayList<>(e.getValue());
      Collections.sort(sorted);
      double median = Stats.median(sorted);
      floor = floor == null ? median : floor;
      System.out.printf(
          Locale.ROOT,
          "  %-36s %,16.0f %,12.0f..%,-13.0f %8.2fx%n",
          e.getKey(),
          median,
          sorted.get(0),
          sorted.get(sorted.size() - 1),
          median / floor);
    }
  }

  private static void firstEvent(Map<String, FirstEventTimer> timers, int tries)
      throws IOException {
    for (FirstEventTimer timer : timers.values()) {
      timer.time();
    }
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    for (int i = 0; i < tries; i++) {
      for (Map.Entry<String, FirstEventTimer> t : timers.entrySet()) {
        double ms = t.getValue().time() / 1e6;
        millis.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(ms);
      }
    }
    System.out.printf(
        Locale.ROOT, "  %-36s %16s %26s%n", "reader", "ms median", "min..max of " + tries);
    for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
      List<Double> sorted = new ArrayList<>(e.getValue());
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "  %-36s %16.2f %12.2f..%-13.2f%n",
          e.getKey(),
          Stats.median(sorted),
          sorted.get(0),
          sorted.get(sorted.size() - 1));
    }
  }
}
