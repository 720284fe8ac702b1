package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.ScriptedServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the user's handlers see, and what the writer does when they misbehave. */
class EventWriterHandlersTest {
  private static final Duration LINGER = Duration.ofMinutes(5);

  private static BraintrustClient client(ScriptedServer server) {
    return BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
  }

  @Test
  void aFailureHandlerThrowingAnErrorNeitherKillsASenderNorLosesAReport() throws Exception {
    List<String> reported = new CopyOnWriteArrayList<>();
    Consumer<WriteFailure> throwing =
        failure -> {
          failure.events().forEach(e -> reported.add(e.id()));
          throw new AssertionError("a handler bug");
        };
    List<String> logged = new ArrayList<>();
    try (ScriptedServer server =
            new ScriptedServer(r -> Reply.status(413, "{\"error\":\"too large\"}"));
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                WriterOptions.builder()
                    .flushOnShutdown(false)
                    .failureHandler(throwing)
                    .maxConcurrentRequests(1)
                    .linger(LINGER)
                    .build())) {
      for (int i = 0; i < 8; i++) {
        logged.add(logs.log(Map.of("input", i)));
      }
      assertTrue(logs.flush(Duration.ofSeconds(10)));
      assertEquals(logged, reported, "flush() returned, so every event was reported");
      assertEquals(new WriterStats(8, 0, 8, 0, 15, 0, 0), logs.stats());
      String later = logs.log(Map.of("input", "later"));
      assertTrue(logs.flush(Duration.ofSeconds(10)), "the only sender is still alive");
      assertEquals(later, reported.get(8));
    }
  }

  @Test
  void anAcknowledgementHandlerThrowingAnErrorLeavesTheEventsAcknowledged() throws Exception {
    List<WriteFailure> failures = failures();
    try (ScriptedServer server = new ScriptedServer(Reply::stored);
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .maxConcurrentRequests(1)
                    .onAcknowledged(
                        ack -> {
                          throw new OutOfMemoryError("a handler bug");
                        })
                    .build())) {
      logs.log(Map.of("input", 1));
      assertTrue(logs.flush(Duration.ofSeconds(10)));
      logs.log(Map.of("input", 2));
      assertTrue(logs.flush(Duration.ofSeconds(10)), "the only sender is still alive");
      assertEquals(new WriterStats(2, 2, 0, 0, 2, 0, 0), logs.stats());
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void everyAcceptedEventIsInExactlyOneAcknowledgementOrFailure() throws Exception {
    List<WriteFailure> failures = failures();
    List<Acknowledgement> acks = new CopyOnWriteArrayList<>();
    Set<String> logged = new HashSet<>();
    String bad;
    String merged;
    try (ScriptedServer server =
            new ScriptedServer(
                r ->
                    r.rows().stream().anyMatch(row -> row.has("output"))
                        ? Reply.status(422, "{\"error\":\"no output allowed\"}")
                        : Reply.stored(r));
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .maxBatchRows(10)
                    .maxConcurrentRequests(2)
                    .onAcknowledged(acks::add)
                    .build())) {
      for (int i = 0; i < 95; i++) {
        logged.add(logs.log(Map.of("input", i)));
      }
      merged = logs.log(Map.of("input", "to merge"));
      logs.merge(merged, Map.of("metadata", Map.of("k", 1)));
      bad = logs.log(Map.of("output", "refused"));
      logs.flush();
      logged.add(merged);
    }
    Set<String> acknowledged = new HashSet<>();
    int events = 0;
    for (Acknowledgement ack : acks) {
      assertEquals("project_logs " + PROJECT, ack.target());
      assertFalse(ack.feedback());
      assertEquals(ack.ids(), ack.serverRowIds(), "the server's row_ids, as it answered");
      ack.ids().forEach(id -> assertTrue(acknowledged.add(id), "acknowledged twice: " + id));
      events += ack.events();
    }
    assertEquals(logged, acknowledged);
    assertEquals(97, events, "the merge folded into its row counts as an event of its own");
    assertEquals(1, failures.size());
    assertEquals(bad, failures.get(0).events().get(0).id());
  }

  @Test
  void feedbackIsAcknowledgedByTheIdsItIsAbout() throws Exception {
    List<Acknowledgement> acks = new CopyOnWriteArrayList<>();
    try (ScriptedServer server =
            new ScriptedServer(
                r ->
                    r.path().endsWith("/feedback")
                        ? Reply.status(200, "{\"status\":\"success\"}")
                        : Reply.stored(r));
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures()).onAcknowledged(acks::add).build())) {
      String id = logs.log(Map.of("input", 1));
      logs.feedback(Map.of("id", id, "comment", "good"));
      logs.flush();
      Acknowledgement feedback = acks.stream().filter(Acknowledgement::feedback).findFirst().get();
      assertEquals(List.of(id), feedback.ids());
      assertEquals(List.of(), feedback.serverRowIds());
      assertEquals(1, feedback.events());
    }
  }
}
