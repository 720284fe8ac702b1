package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.generated.model.InvokeApi;
import io.github.bt4j.streaming.ChatCompletionAccumulator;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.FunctionEvent;
import io.github.bt4j.streaming.FunctionEventAccumulator;
import io.github.bt4j.streaming.ServerSentEventStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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

  /** What one read of a stream produced. */
  private record Outcome(long events, String text) {}

  /** One way of reading a stream to its end. */
  private interface Reader {
    Outcome read() throws IOException;
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
    int events = intArg(args, "events", 100_000);
    int rounds = intArg(args, "rounds", 5);
    int tries = intArg(args, "tries", 5);
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

      InvokeApi invoke = new InvokeApi().input(Map.of("question", "How did the deployment go?"));
      Map<String, Object> chat =
          Map.of(
              "model",
              "gpt-4o-mini",
              "messages",
              List.of(Map.of("role", "user", "content", "How did the deployment go?")));

      Map<String, Reader> functionReaders = new LinkedHashMap<>();
      functionReaders.put(
          FLOOR,
          () -> {
            StringBuilder text = new StringBuilder();
            long n = floor.invoke(StreamingBodies.FUNCTION, false, text::append);
            return new Outcome(n, text.toString());
          });
      functionReaders.put(
          FLOOR_SHORTCUT,
          () -> {
            StringBuilder text = new StringBuilder();
            long n = floor.invoke(StreamingBodies.FUNCTION, true, text::append);
            return new Outcome(n, text.toString());
          });
      functionReaders.put(
          "fluent invokeStream + accumulator",
          () -> {
            FunctionEventAccumulator text = new FunctionEventAccumulator();
            long n = 0;
            try (ServerSentEventStream<FunctionEvent> stream =
                client.functions().invokeStream(StreamingBodies.FUNCTION, invoke)) {
              for (FunctionEvent event : stream) {
                text.accept(event);
                n += event instanceof FunctionEvent.TextDelta ? 1 : 0;
              }
            }
            return new Outcome(n, text.text());
          });

      Map<String, Reader> chatReaders = new LinkedHashMap<>();
      chatReaders.put(
          FLOOR,
          () -> {
            StringBuilder text = new StringBuilder();
            long n = floor.chat(text);
            return new Outcome(n, text.toString());
          });
      chatReaders.put(
          "fluent chatCompletionsStream + acc.",
          () -> {
            ChatCompletionAccumulator result = new ChatCompletionAccumulator();
            long n = 0;
            try (ServerSentEventStream<ChatCompletionChunk> stream =
                client.proxy().chatCompletionsStream(chat)) {
              for (ChatCompletionChunk chunk : stream) {
                result.accept(chunk);
                n++;
              }
            }
            return new Outcome(n, result.result().content());
          });

      System.out.println();
      System.out.printf(Locale.ROOT, "(a) function invoke stream, %,d text_delta events%n", events);
      throughput(functionReaders, rounds, events, functionText, "events/s");
      System.out.println();
      System.out.printf(Locale.ROOT, "(b) proxy chat stream, %,d chunks then [DONE]%n", events);
      throughput(chatReaders, rounds, events, chatText, "chunks/s");

      Map<String, FirstEventTimer> timers = new LinkedHashMap<>();
      timers.put(FLOOR, () -> floorFirstEvent(floor));
      timers.put("fluent invokeStream", () -> fluentFirstEvent(client, invoke));
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
    double functionRate = median(functionRates);
    double chatRate = median(chatRates);
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
        check(r.getKey(), r.getValue().read(), events, text);
      }
    }
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Reader> r : readers.entrySet()) {
        long t0 = System.nanoTime();
        Outcome outcome = r.getValue().read();
        long elapsed = System.nanoTime() - t0;
        check(r.getKey(), outcome, events, text);
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
      double median = median(sorted);
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
          median(sorted),
          sorted.get(0),
          sorted.get(sorted.size() - 1));
    }
  }

  private static long floorFirstEvent(StreamingFloor floor) throws IOException {
    long[] first = new long[1];
    StringBuilder text = new StringBuilder();
    long start = System.nanoTime();
    long n =
        floor.invoke(
            StreamingBodies.PAUSING_FUNCTION,
            false,
            delta -> {
              if (first[0] == 0) {
                first[0] = System.nanoTime();
              }
              text.append(delta);
            });
    checkPausing(FLOOR, n, text.toString());
    return first[0] - start;
  }

  private static long fluentFirstEvent(BraintrustClient client, InvokeApi invoke) {
    FunctionEventAccumulator text = new FunctionEventAccumulator();
    long start = System.nanoTime();
    long first;
    long n = 0;
    try (ServerSentEventStream<FunctionEvent> stream =
        client.functions().invokeStream(StreamingBodies.PAUSING_FUNCTION, invoke)) {
      Iterator<FunctionEvent> events = stream.iterator();
      FunctionEvent event = events.next();
      first = System.nanoTime();
      while (true) {
        text.accept(event);
        n += event instanceof FunctionEvent.TextDelta ? 1 : 0;
        if (!events.hasNext()) {
          break;
        }
        event = events.next();
      }
    }
    checkPausing("fluent", n, text.text());
    return first - start;
  }

  private static void checkPausing(String reader, long deltas, String text) {
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < StreamingBodies.PAUSING_EVENTS; i++) {
      expected.append(StreamingBodies.token(i));
    }
    check(reader, new Outcome(deltas, text), StreamingBodies.PAUSING_EVENTS, expected.toString());
  }

  private static void check(String reader, Outcome outcome, long events, String text) {
    if (outcome.events() != events || !outcome.text().equals(text)) {
      throw new IllegalStateException(
          reader
              + " read "
              + outcome.events()
              + " events and "
              + outcome.text().length()
              + " characters, not "
              + events
              + " and "
              + text.length()
              + (outcome.text().length() == text.length() ? " (same length, different text)" : ""));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 1));
      }
    }
    return fallback;
  }
}
