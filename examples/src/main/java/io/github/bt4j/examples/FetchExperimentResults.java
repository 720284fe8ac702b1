package io.github.bt4j.examples;

import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.CreateExperiment;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Experiment;
import io.github.bt4j.models.InsertExperimentEvent;
import io.github.bt4j.models.Project;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API guide's "Fetch experiment results": a SQL query over an experiment that counts how many
 * traces have a review score. The example first logs a few events, some of them reviewed.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.FetchExperimentResults
 * </pre>
 */
public final class FetchExperimentResults {
  private FetchExperimentResults() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    Project project = client.projects().create(new CreateProject().name("rest_test"));
    Experiment experiment =
        client
            .experiments()
            .create(
                new CreateExperiment().projectId(project.getId()).name("review").ensureNew(true));
    List<InsertExperimentEvent> events = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      InsertExperimentEvent event = new InsertExperimentEvent().input(i).output(i * i);
      if (i % 3 == 0) {
        event.scores(Map.of("response quality", BigDecimal.ONE));
      }
      events.add(event);
    }
    client.experiments().insert(experiment.getId(), events);

    String sql =
        "SELECT\n"
            + "  sum(CASE WHEN scores.\"response quality\" IS NOT NULL THEN 1 ELSE 0 END) AS reviewed,\n"
            + "  sum(CASE WHEN is_root THEN 1 ELSE 0 END) AS total\n"
            + "FROM experiment('"
            + experiment.getId()
            + "')";
    for (JsonObject row : client.queries().sql(sql).rows()) {
      System.out.println(
          "Reviewed   " + row.get("reviewed") + " of " + row.get("total") + " traces");
    }
  }
}
