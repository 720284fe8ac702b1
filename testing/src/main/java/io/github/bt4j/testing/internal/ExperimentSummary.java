package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes an experiment's summary from its stored rows, in the shape of the spec's {@code
 * SummarizeExperimentResponse}. An example is a trace (the rows sharing a root span); its value for
 * a score is the mean of that score over the trace's rows, and a score's summary is the mean over
 * the examples that have it. Metrics are per trace too: {@code duration} (root span's {@code
 * metrics.end - metrics.start}, in seconds) and the token counts summed over the trace. Against a
 * comparison experiment, examples are matched by their root span's {@code input}: {@code diff} is
 * the difference of the means, and each matched example is an improvement or a regression when its
 * score went up or down (a metric: down or up).
 */
final class ExperimentSummary {
  private static final Map<String, String> TOKEN_METRICS =
      Map.of(
          "prompt_tokens", "prompt_tokens",
          "completion_tokens", "completion_tokens",
          "tokens", "total_tokens");

  /** One trace's values, keyed by the {@code input} of its root span. */
  private record Example(String input, Map<String, Double> scores, Map<String, Double> metrics) {}

  private ExperimentSummary() {}

  /** The {@code scores} and {@code metrics} members of a summary of {@code rows}. */
  static void addScoresAndMetrics(
      JsonObject summary, List<JsonObject> rows, List<JsonObject> comparisonRows) {
    List<Example> examples = examples(rows);
    Map<String, Example> baseline = new LinkedHashMap<>();
    if (comparisonRows != null) {
      examples(comparisonRows).forEach(e -> baseline.put(e.input(), e));
    }
    JsonObject scores = new JsonObject();
    for (String name : names(examples, true)) {
      JsonObject s = compare(name, examples, baseline, true);
      s.addProperty("name", name);
      scores.add(name, s);
    }
    JsonObject metrics = new JsonObject();
    for (String name : names(examples, false)) {
      JsonObject m = compare(name, examples, baseline, false);
      m.addProperty("name", name);
      m.addProperty("unit", name.equals("duration") ? "s" : "tok");
      metrics.add(name, m);
    }
    summary.add("scores", scores);
    summary.add("metrics", metrics);
  }

  /** A score's summary (higher is better) or a metric's (lower is better). */
  private static JsonObject compare(
      String name, List<Example> examples, Map<String, Example> baseline, boolean score) {
    List<Double> values = new ArrayList<>();
    List<Double> baseValues = new ArrayList<>();
    int improvements = 0;
    int regressions = 0;
    for (Example e : examples) {
      Double v = valueOf(e, name, score);
      if (v == null) {
        continue;
      }
      values.add(v);
      Example before = baseline.get(e.input());
      Double b = before == null ? null : valueOf(before, name, score);
      if (b != null && !b.equals(v)) {
        if ((v > b) == score) {
          improvements++;
        } else {
          regressions++;
        }
      }
    }
    baseline.values().stream()
        .map(e -> valueOf(e, name, score))
        .filter(v -> v != null)
        .forEach(baseValues::add);
    JsonObject s = new JsonObject();
    s.add(score ? "score" : "metric", JsonValues.number(mean(values)));
    if (!baseValues.isEmpty()) {
      s.add("diff", JsonValues.number(mean(values) - mean(baseValues)));
    }
    s.addProperty("improvements", improvements);
    s.addProperty("regressions", regressions);
    return s;
  }

  private static Double valueOf(Example e, String name, boolean score) {
    return score ? e.scores().get(name) : e.metrics().get(name);
  }

  private static List<String> names(List<Example> examples, boolean scores) {
    TreeSet<String> names = new TreeSet<>();
    for (Example e : examples) {
      names.addAll((scores ? e.scores() : e.metrics()).keySet());
    }
    return new ArrayList<>(names);
  }

  private static List<Example> examples(List<JsonObject> rows) {
    Map<String, List<JsonObject>> traces = new LinkedHashMap<>();
    for (JsonObject row : rows) {
      traces
          .computeIfAbsent(row.get("root_span_id").getAsString(), k -> new ArrayList<>())
          .add(row);
    }
    List<Example> examples = new ArrayList<>();
    for (List<JsonObject> trace : traces.values()) {
      JsonObject root =
          trace.stream()
              .filter(r -> r.get("is_root").getAsBoolean())
              .findFirst()
              .orElse(trace.get(0));
      examples.add(
          new Example(String.valueOf(root.get("input")), scores(trace), metrics(root, trace)));
    }
    return examples;
  }

  private static Map<String, Double> scores(List<JsonObject> trace) {
    Map<String, List<Double>> values = new TreeMap<>();
    for (JsonObject row : trace) {
      JsonElement scores = row.get("scores");
      if (scores != null && scores.isJsonObject()) {
        for (Map.Entry<String, JsonElement> s : scores.getAsJsonObject().entrySet()) {
          if (!JsonValues.isNull(s.getValue())) {
            values
                .computeIfAbsent(s.getKey(), k -> new ArrayList<>())
                .add(s.getValue().getAsDouble());
          }
        }
      }
    }
    Map<String, Double> means = new TreeMap<>();
    values.forEach((name, list) -> means.put(name, mean(list)));
    return means;
  }

  private static Map<String, Double> metrics(JsonObject root, List<JsonObject> trace) {
    Map<String, Double> metrics = new TreeMap<>();
    Double start = metric(root, "start");
    Double end = metric(root, "end");
    if (start != null && end != null) {
      metrics.put("duration", end - start);
    }
    for (Map.Entry<String, String> t : TOKEN_METRICS.entrySet()) {
      double sum = 0;
      boolean any = false;
      for (JsonObject row : trace) {
        Double v = metric(row, t.getKey());
        if (v != null) {
          sum += v;
          any = true;
        }
      }
      if (any) {
        metrics.put(t.getValue(), sum);
      }
    }
    return metrics;
  }

  private static Double metric(JsonObject row, String name) {
    JsonElement v = JsonValues.at(row, List.of("metrics", name));
    return v == null ? null : v.getAsDouble();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
