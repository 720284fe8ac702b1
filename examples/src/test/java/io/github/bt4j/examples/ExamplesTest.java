package io.github.bt4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.BraintrustClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example, run end to end against a fresh local stand-in, must finish and print what shows
 * the library working (each pattern below is a line a user would look for).
 */
class ExamplesTest {
  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("RunExperiment", "(?s)Inserted   10 events.*accuracy\\s+0\\.750"),
          Map.entry("FetchExperimentResults", "Reviewed   3 of 8 traces"),
          Map.entry("ChildSpanDurations", "Average    [0-9.]+ ms over 3 llm-call spans"),
          Map.entry("PaginateDataset", "Read       250 rows of dataset questions"),
          Map.entry("DeleteLogs", "(?s)Deleted    5 rows.*Left       15 rows"),
          Map.entry("ImpersonateUser", "Read back  impersonation-demo as alice@example.com"),
          Map.entry("TraceWithRestApi", "(?s)User Interaction.*Interaction 0.*Interaction 1"),
          Map.entry("StreamFunctionInvocation", "Final text 49 characters"),
          Map.entry("StreamChatCompletion", "finish reason stop"),
          Map.entry("BulkLogEvents", "(?s)Logged     10000 events.*Failed     0, dropped 0"),
          Map.entry("IterateProjects", "Total      25 projects"),
          Map.entry("HandleErrors", "(?s)404 .*Rejected .*401 "));

  @TestFactory
  Stream<DynamicTest> everyExampleRunsAgainstTheStandIn() {
    assertTrue(
        EXPECTED.keySet().equals(RunAllExamples.examples().keySet()),
        "every example has an expectation: " + RunAllExamples.examples().keySet());
    return RunAllExamples.examples().entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> run(e.getKey(), e.getValue())));
  }

  private static void run(String name, Consumer<BraintrustClient> example) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (BraintrustClient client =
        ExampleSupport.client(n -> null, new PrintStream(captured, true, StandardCharsets.UTF_8))) {
      example.accept(client);
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println("=== " + name + "\n" + output);
    assertTrue(
        Pattern.compile(EXPECTED.get(name)).matcher(output).find(), name + " printed:\n" + output);
  }
}
