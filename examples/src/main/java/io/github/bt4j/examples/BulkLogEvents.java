package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.WriterOptions;
import io.github.bt4j.logging.WriterStats;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.InsertProjectLogsEventMetadata;
import io.github.bt4j.models.Project;
import java.util.Map;

/**
 * Log 10,000 events through the batching writer: {@code log()} returns at once, a background sender
 * packs the events into insert requests (100 rows or 3 MiB each, by default), and {@code close()}
 * returns when every event is acknowledged; failures would reach the failure handler.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.BulkLogEvents</pre>
 */
public final class BulkLogEvents {
  private BulkLogEvents() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client, 10_000);
    }
  }

  static void run(BraintrustClient client, int count) {
    Project project = client.projects().create(new CreateProject().name("bulk_logging"));
    WriterOptions options =
        WriterOptions.builder()
            .failureHandler(
                failure ->
                    System.err.println(
                        "Not delivered: " + failure.events().size() + " events, " + failure))
            .build();
    long start = System.nanoTime();
    WriterStats stats;
    try (var logs = EventWriter.projectLogs(client, project.getId().toString(), options)) {
      for (int i = 0; i < count; i++) {
        logs.log(
            new InsertProjectLogsEvent()
                .input(Map.of("question", "q" + i))
                .output("a" + i)
                .metadata(new InsertProjectLogsEventMetadata().model("gpt-4o-mini")));
      }
      logs.flush();
      stats = logs.stats();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "Logged     %d events in %d requests, %.2f s (%.0f events/s)%n",
        stats.acknowledged(), stats.requests(), seconds, stats.acknowledged() / seconds);
    System.out.println("Failed     " + stats.failed() + ", dropped " + stats.dropped());
  }
}
