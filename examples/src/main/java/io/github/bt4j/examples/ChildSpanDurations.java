package io.github.bt4j.examples;

import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.Span;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;

/**
 * The API guide's "Fetch specific child spans based on trace-level metadata": find the traces whose
 * metadata has {@code orgName = 'qawolf'}, keep their spans named {@code llm-call}, and average how
 * long those took. The example logs a few traces first.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.ChildSpanDurations
 * </pre>
 */
public final class ChildSpanDurations {
  private ChildSpanDurations() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    Project project = client.projects().create(new CreateProject().name("span_durations"));
    try (var logs = EventWriter.projectLogs(client, project.getId().toString())) {
      for (int i = 0; i < 6; i++) {
        Span root = logs.startSpan("request").metadata("orgName", i % 2 == 0 ? "qawolf" : "acme");
        root.startChild("llm-call").input("question " + i).output("answer " + i).end();
        root.end();
      }
    }

    String sql =
        "SELECT span_attributes, metrics\n"
            + "FROM project_logs('"
            + project.getId()
            + "', shape => 'traces')\n"
            + "WHERE metadata.orgName = 'qawolf'\n"
            + "LIMIT 10";
    double total = 0;
    int count = 0;
    for (JsonObject span : client.queries().sql(sql).rows()) {
      if (!"llm-call".equals(span.getAsJsonObject("span_attributes").get("name").getAsString())) {
        continue;
      }
      JsonObject metrics = span.getAsJsonObject("metrics");
      double ms = (metrics.get("end").getAsDouble() - metrics.get("start").getAsDouble()) * 1000;
      System.out.printf("Duration   %.3f ms%n", ms);
      total += ms;
      count++;
    }
    System.out.printf(
        "Average    %.3f ms over %d llm-call spans%n", count == 0 ? 0 : total / count, count);
  }
}
