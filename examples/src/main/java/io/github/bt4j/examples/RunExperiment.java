package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.CreateExperiment;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Experiment;
import io.github.bt4j.models.ExperimentSummarizeParams;
import io.github.bt4j.models.InsertEventsResponse;
import io.github.bt4j.models.InsertExperimentEvent;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.ScoreSummary;
import io.github.bt4j.models.SummarizeExperimentResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API guide's first use case, "Run an experiment": create a project (or get it, if it exists),
 * create a new experiment in it, log ten scored events, then print the experiment's summary.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.RunExperiment</pre>
 */
public final class RunExperiment {
  private RunExperiment() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    // Creating a project that exists returns the existing one.
    Project project = client.projects().create(new CreateProject().name("rest_test"));
    System.out.println("Project    " + project.getName() + "  " + project.getId());

    Experiment experiment =
        client
            .experiments()
            .create(
                new CreateExperiment()
                    .projectId(project.getId())
                    .name("rest_test")
                    .ensureNew(true)); // always a new experiment, as in the guide
    System.out.println("Experiment " + experiment.getName() + "  " + experiment.getId());

    List<InsertExperimentEvent> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(
          new InsertExperimentEvent()
              .input(Map.of("question", "What is " + i + " + " + i + "?"))
              .output(String.valueOf(2 * i))
              .expected(String.valueOf(2 * i))
              .scores(
                  Map.of(
                      "accuracy", BigDecimal.valueOf(i % 2 == 0 ? 1 : 0.5),
                      "brevity", BigDecimal.valueOf(0.9))));
    }
    // Events without ids get one before sending, so a retried insert cannot duplicate rows.
    InsertEventsResponse inserted = client.experiments().insert(experiment.getId(), events);
    System.out.println("Inserted   " + inserted.getRowIds().size() + " events");

    SummarizeExperimentResponse summary =
        client
            .experiments()
            .summarize(
                experiment.getId(),
                ExperimentSummarizeParams.builder().summarizeScores(true).build());
    System.out.println();
    System.out.printf("%-10s %8s%n", "score", "mean");
    for (Map.Entry<String, ScoreSummary> score : summary.getScores().entrySet()) {
      System.out.printf("%-10s %8.3f%n", score.getKey(), score.getValue().getScore());
    }
  }
}
