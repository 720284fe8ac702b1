package io.github.bt4j.examples;

import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.Span;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The API guide's "Tracing with the REST API": one trace in the project {@code tracing_test}, a
 * root span "User Interaction" with two child spans, each timed, then the trace read back.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.TraceWithRestApi
 * </pre>
 */
public final class TraceWithRestApi {
  private TraceWithRestApi() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    Project project = client.projects().create(new CreateProject().name("tracing_test"));
    String rootSpanId;
    try (var logs = EventWriter.projectLogs(client, project.getId().toString())) {
      Span root = logs.startSpan("User Interaction").metadata("user_id", "user123");

      Span first = root.startChild("Interaction 0").input("hello world");
      String output0 = "output0"; // your model call here
      first.output(output0).end();

      Span second = root.startChild("Interaction 1").input(output0);
      second.output("output1").end();

      root.end();
      rootSpanId = root.rootSpanId();
    } // close() waits until the three rows are acknowledged
    System.out.println("Logged trace " + rootSpanId);

    List<JsonObject> spans =
        client.queries().fetchProjectLogs(project.getId()).events().stream()
            .filter(row -> rootSpanId.equals(row.get("root_span_id").getAsString()))
            .sorted(Comparator.comparingDouble(row -> start(row)))
            .collect(Collectors.toList());
    for (JsonObject span : spans) {
      JsonObject metrics = span.getAsJsonObject("metrics");
      double seconds = metrics.get("end").getAsDouble() - start(span);
      System.out.printf(
          "  %-17s parents=%-40s %.3f ms%n",
          span.getAsJsonObject("span_attributes").get("name").getAsString(),
          span.has("span_parents") ? span.get("span_parents") : "[]",
          seconds * 1000);
    }
  }

  private static double start(JsonObject span) {
    return span.getAsJsonObject("metrics").get("start").getAsDouble();
  }
}
