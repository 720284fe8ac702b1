package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.CreateFunction;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Function;
import io.github.bt4j.models.FunctionData;
import io.github.bt4j.models.InvokeFunction;
import io.github.bt4j.models.Project;
import io.github.bt4j.streaming.FunctionEvent;
import io.github.bt4j.streaming.FunctionEventAccumulator;
import io.github.bt4j.streaming.ServerSentEventStream;

/**
 * Invoke a function and print its output as it streams in: each {@code text_delta} is printed the
 * moment it arrives, and an accumulator keeps the final text.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.StreamFunctionInvocation
 * </pre>
 */
public final class StreamFunctionInvocation {
  private StreamFunctionInvocation() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    Project project = client.projects().create(new CreateProject().name("streaming-demo"));
    Function function =
        client
            .functions()
            .create(
                new CreateFunction()
                    .projectId(project.getId())
                    .name("Storyteller")
                    .slug("storyteller")
                    .functionData(new FunctionData().type(FunctionData.TypeEnum.PROMPT)));
    System.out.println("Function   " + function.getName() + "  " + function.getId());

    FunctionEventAccumulator result = new FunctionEventAccumulator();
    System.out.print("Streaming  ");
    try (ServerSentEventStream<FunctionEvent> events =
        client
            .functions()
            .invokeStream(
                function.getId(), new InvokeFunction().input("a story about a lighthouse"))) {
      for (FunctionEvent event : events) {
        result.accept(event);
        if (event instanceof FunctionEvent.TextDelta delta) {
          System.out.print(delta.text());
          System.out.flush();
        }
      }
    }
    System.out.println();
    System.out.println("Final text " + result.text().length() + " characters");
  }
}
