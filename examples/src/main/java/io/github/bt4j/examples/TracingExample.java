package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.generated.model.CreateProject;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.Span;

/**
 * The tracing use case of Braintrust's API guide, in Java: one trace in the project {@code
 * tracing_test}, a root span "User Interaction" with two child spans. Needs {@code
 * BRAINTRUST_API_KEY}.
 */
public final class TracingExample {
  private TracingExample() {}

  /** Logs the trace, then waits for it to be delivered. */
  public static void main(String[] args) {
    try (BraintrustClient client = BraintrustClient.fromEnv()) {
      // Creating a project that exists returns the existing one.
      String projectId =
          client.projects().create(new CreateProject().name("tracing_test")).getId().toString();
      try (var logs = EventWriter.projectLogs(client, projectId)) {
        Span root = logs.startSpan("User Interaction").metadata("user_id", "user123");

        Span first = root.startChild("Interaction 0").input("hello world");
        String output0 = runInteraction0("hello world");
        first.output(output0).end();

        Span second = root.startChild("Interaction 1").input(output0);
        second.output(runInteraction1(output0)).end();

        root.end();
        System.out.println("logged trace " + root.rootSpanId());
      } // close() delivers the three rows
    }
  }

  private static String runInteraction0(String input) {
    return "output0";
  }

  private static String runInteraction1(String input) {
    return "output1";
  }
}
