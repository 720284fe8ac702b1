package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.testing.FakeBraintrust;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every example in turn, each with a client of its own (a fresh local stand-in when {@code
 * BRAINTRUST_API_KEY} is not set), and exits with status 1 if any failed.
 *
 * <pre>mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl examples exec:java</pre>
 */
public final class RunAllExamples {
  private RunAllExamples() {}

  /** Every example, by name, in the order of the API guide. */
  static Map<String, Consumer<BraintrustClient>> examples() {
    Map<String, Consumer<BraintrustClient>> all = new LinkedHashMap<>();
    all.put("RunExperiment", RunExperiment::run);
    all.put("FetchExperimentResults", FetchExperimentResults::run);
    all.put("ChildSpanDurations", ChildSpanDurations::run);
    all.put("PaginateDataset", PaginateDataset::run);
    all.put("DeleteLogs", client -> DeleteLogs.run(client, "user-42"));
    all.put(
        "ImpersonateUser",
        client -> ImpersonateUser.run(client, FakeBraintrust.MEMBER_EMAILS.get(0)));
    all.put("TraceWithRestApi", TraceWithRestApi::run);
    all.put("StreamFunctionInvocation", StreamFunctionInvocation::run);
    all.put("StreamChatCompletion", StreamChatCompletion::run);
    all.put("BulkLogEvents", client -> BulkLogEvents.run(client, 10_000));
    all.put("IterateProjects", IterateProjects::run);
    all.put("HandleErrors", HandleErrors::run);
    return all;
  }

  /** Runs them all; the exit status is the number of failures, at most 1. */
  public static void main(String[] args) {
    int failed = 0;
    for (Map.Entry<String, Consumer<BraintrustClient>> example : examples().entrySet()) {
      System.out.println();
      System.out.println("=== " + example.getKey());
      try (BraintrustClient client = ExampleSupport.client()) {
        example.getValue().accept(client);
      } catch (RuntimeException e) {
        failed++;
        System.out.println("FAILED: " + e);
        e.printStackTrace(System.out);
      }
    }
    System.out.println();
    System.out.println(failed == 0 ? "All examples passed." : failed + " example(s) failed.");
    System.exit(failed == 0 ? 0 : 1);
  }
}
