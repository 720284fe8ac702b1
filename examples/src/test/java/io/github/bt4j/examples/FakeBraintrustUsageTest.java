package io.github.bt4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.Span;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.testing.FakeBraintrust;
import io.github.bt4j.testing.FakeBraintrustExtension;
import io.github.bt4j.testing.ObjectType;
import io.github.bt4j.testing.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * bt4j-testing as a user's tests would use it: a real bt4j client pointed at the fake, the code
 * under test run through it, then assertions on what the fake received and holds.
 */
@ExtendWith(FakeBraintrustExtension.class)
class FakeBraintrustUsageTest {
  private BraintrustClient client;
  private String projectId;

  @BeforeEach
  void connect(FakeBraintrust braintrust) {
    client =
        BraintrustClient.builder()
            .apiKey(braintrust.apiKey())
            .baseUrl(braintrust.baseUrl())
            .build();
    projectId =
        client.projects().create(new CreateProject().name("support-bot")).getId().toString();
  }

  @AfterEach
  void close() {
    client.close();
  }

  /** The code under test: answers each question and logs the exchange as one trace. */
  private void answerAll(List<String> questions) {
    try (var logs = EventWriter.projectLogs(client, projectId)) {
      for (String question : questions) {
        Span root = logs.startSpan("answer").input(question).metadata("user_id", "u1");
        root.startChild("llm").input(question).output("echo " + question).end();
        root.output("echo " + question).end();
      }
    }
  }

  /** README.md's example, as written there (it makes a client of its own). */
  @Test
  void logsEachAnswer(FakeBraintrust braintrust) {
    try (BraintrustClient client =
        BraintrustClient.builder()
            .apiKey(braintrust.apiKey())
            .baseUrl(braintrust.baseUrl())
            .build()) {
      String projectId =
          client.projects().create(new CreateProject().name("bot")).getId().toString();
      try (var logs = EventWriter.projectLogs(client, projectId)) {
        logs.log(new InsertProjectLogsEvent().input("q").output("a"));
      }
      List<JsonObject> rows = braintrust.projectLogs(projectId); // each row as a fetch returns it
      assertEquals("a", rows.get(0).get("output").getAsString());
    }
  }

  @Test
  void everyAnswerIsLoggedAsATraceOfTwoSpans(FakeBraintrust braintrust) {
    answerAll(List.of("q1", "q2"));

    List<JsonObject> rows = braintrust.projectLogs(projectId);
    assertEquals(4, rows.size());
    List<String> roots = new ArrayList<>();
    for (JsonObject row : rows) {
      String name = row.getAsJsonObject("span_attributes").get("name").getAsString();
      if (name.equals("answer")) {
        roots.add(row.get("input").getAsString());
        assertEquals("u1", row.getAsJsonObject("metadata").get("user_id").getAsString());
      } else {
        assertEquals("llm", name);
        assertEquals(row.get("root_span_id"), row.getAsJsonArray("span_parents").get(0));
      }
    }
    assertEquals(List.of("q1", "q2"), roots.stream().sorted().toList());
  }

  @Test
  void theRequestsAndQueriesAreThereToCheck(FakeBraintrust braintrust) {
    client.projects().create(new CreateProject().name("support-bot"));
    String sql = "SELECT id FROM project_logs('" + projectId + "') WHERE metadata.user_id = 'u1'";
    answerAll(List.of("q1"));
    long found = client.queries().sql(sql).rows().stream().count();

    List<RecordedRequest> creates =
        braintrust.requests().stream().filter(r -> r.path().equals("/v1/project")).toList();
    assertEquals(2, creates.size(), "this test's requests only: the fake was reset before it");
    assertEquals("POST", creates.get(1).method());
    assertEquals(
        "support-bot",
        JsonParser.parseString(creates.get(1).body()).getAsJsonObject().get("name").getAsString());
    assertTrue(
        braintrust.requests().stream()
            .anyMatch(r -> r.path().equals("/v1/project_logs/" + projectId + "/insert")));
    // Sent page by page: bt4j appends LIMIT and, after the first page, the OFFSET cursor.
    List<String> queries = braintrust.queries();
    assertEquals(2, queries.size(), queries.toString());
    assertEquals(sql + "\nLIMIT 1000", queries.get(0));
    assertEquals(1, found, "the root span carries the user's metadata");
    assertEquals(List.of("support-bot"), names(braintrust.objects(ObjectType.PROJECT)));
  }

  private static List<String> names(List<JsonObject> objects) {
    return objects.stream().map(o -> o.get("name").getAsString()).toList();
  }
}
