package io.github.bt4j.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The benchmark's events: about 1 KB of JSON each, shaped like an LLM call's log row. */
final class WriterBenchEvents {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz      ";

  private WriterBenchEvents() {}

  /** {@code count} events without ids, the same for every run (fixed seed). */
  static List<Map<String, Object>> events(int count) {
    Random random = new Random(42);
    List<Map<String, Object>> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("input", Map.of("question", "question " + i + ": " + text(random, 330)));
      event.put("output", text(random, 400));
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("model", "gpt-4o");
      metadata.put("user_id", "user-" + (i % 1000));
      metadata.put("request", i);
      event.put("metadata", metadata);
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("prompt_tokens", 120 + i % 50);
      metrics.put("completion_tokens", 240 + i % 70);
      event.put("metrics", metrics);
      event.put("scores", Map.of("accuracy", (i % 10) / 10.0));
      event.put("tags", List.of("bench", "writer"));
      event.put("span_attributes", Map.of("name", "llm-call", "type", "llm"));
      events.add(event);
    }
    return events;
  }

  private static String text(Random random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = LETTERS.charAt(random.nextInt(LETTERS.length()));
    }
    return new String(chars);
  }
}
