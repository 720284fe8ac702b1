package io.github.bt4j.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.bt4j.logging.WriterTestSupport.INSERT_PATH;
import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.acceptAll;
import static io.github.bt4j.logging.WriterTestSupport.bodies;
import static io.github.bt4j.logging.WriterTestSupport.client;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.insertIds;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static io.github.bt4j.logging.WriterTestSupport.waits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.PayloadTooLargeException;
import io.github.bt4j.json.BraintrustJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** How events are grouped into requests: limits, oversize events, 413 splits, folding by id. */
@WireMockTest
class EventWriterBatchingTest {
  /** Long enough that only a full batch, a flush or a close sends anything. */
  private static final Duration LINGER = Duration.ofMinutes(5);

  private static Map<String, Object> event(String id, int padding) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id);
    event.put("input", "x".repeat(padding));
    return event;
  }

  private static int jsonSize(Map<String, Object> event) {
    return BraintrustJson.gson().toJson(event).getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void batchesAreCutAtTheRowLimit(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    List<WriteFailure> failures = failures();
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .maxBatchRows(3)
                    .maxConcurrentRequests(1)
                    .linger(LINGER)
                    .build())) {
      for (int i = 0; i < 7; i++) {
        logs.log(event("e" + i, 10));
      }
      logs.flush();
      assertEquals(new WriterStats(7, 7, 0, 0, 3, 0, 0), logs.stats());
    }
    assertEquals(
        List.of(List.of("e0", "e1", "e2"), List.of("e3", "e4", "e5"), List.of("e6")),
        insertIds(wm));
    assertEquals(List.of(), failures);
  }

  @Test
  void withoutLingerBatchesFillWhileRequestsAreInFlight() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Integer> sizes;
    // The server answers nothing until every event is logged: the first requests stay in flight.
    try (ScriptedServer server = ScriptedServer.storingOnceOpen(gate);
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures()).maxConcurrentRequests(4).build())) {
      for (int i = 0; i < 251; i++) {
        logs.log(event("e" + i, 10));
      }
      gate.countDown();
      logs.flush();
      assertEquals(251, logs.stats().acknowledged());
      sizes = server.received().stream().map(r -> r.ids().size()).toList();
    }
    // The first events go at once; the rest wait for full batches, the tail for the flush. (The
    // server may receive concurrent requests in any order.)
    assertTrue(sizes.size() <= 5, "requests: " + sizes);
    assertTrue(sizes.stream().filter(n -> n != 100).count() <= 2, "requests: " + sizes);
  }

  @Test
  void batchesAreCutAtTheByteLimit(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    int size = jsonSize(event("e0", 100));
    // {"events":[ + two rows + a comma + ]}: exactly two rows fit.
    long twoRows = 13 + 2L * size + 1;
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures())
                    .maxBatchBytes(twoRows)
                    .maxRequestBytes(twoRows)
                    .maxConcurrentRequests(1)
                    .linger(LINGER)
                    .build())) {
      for (int i = 0; i < 5; i++) {
        logs.log(event("e" + i, 100));
      }
      logs.flush();
    }
    assertEquals(List.of(List.of("e0", "e1"), List.of("e2", "e3"), List.of("e4")), insertIds(wm));
    for (var request : wm.getWireMock().getServeEvents()) {
      assertTrue(request.getRequest().getBody().length <= twoRows);
    }
    var requests = wm.getWireMock().getServeEvents();
    assertEquals(twoRows, requests.get(requests.size() - 1).getRequest().getBody().length);
  }

  @Test
  void anEventTooLargeForAnyRequestIsRefusedAndTheOthersAreSent(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    List<WriteFailure> failures = failures();
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .maxBatchBytes(512)
                    .maxRequestBytes(1024)
                    .maxQueuedBytes(4096)
                    .maxConcurrentRequests(1)
                    .linger(LINGER)
                    .build())) {
      logs.log(event("small-1", 10));
      EventTooLargeException tooLarge =
          assertThrows(EventTooLargeException.class, () -> logs.log(event("huge", 2000)));
      assertEquals("huge", tooLarge.eventId());
      assertEquals(jsonSize(event("huge", 2000)), tooLarge.eventBytes());
      assertEquals(1024 - 13, tooLarge.limitBytes());
      assertTrue(tooLarge.getMessage().contains("maxRequestBytes"), tooLarge.getMessage());
      logs.log(event("medium", 700));
      logs.log(event("small-2", 10));
      logs.flush();
      assertEquals(new WriterStats(3, 3, 0, 0, 3, 0, 0), logs.stats());
    }
    // Larger than a batch but within a request: sent on its own.
    assertEquals(List.of(List.of("small-1"), List.of("medium"), List.of("small-2")), insertIds(wm));
    assertEquals(List.of(), failures);
  }

  @Test
  void a413SplitsTheBatchUntilItFits(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    // The "server" takes at most two rows per request.
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .withRequestBody(matchingJsonPath("$.events[2]"))
                .atPriority(1)
                .willReturn(status(413).withBody("payload too large")));
    List<WriteFailure> failures = failures();
    List<String> logged = new ArrayList<>();
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .maxBatchRows(8)
                    .maxConcurrentRequests(1)
                    .linger(LINGER)
                    .build())) {
      for (int i = 0; i < 8; i++) {
        logged.add(logs.log(event("e" + i, 10)));
      }
      logs.flush();
      assertEquals(new WriterStats(8, 8, 0, 0, 7, 0, 0), logs.stats());
    }
    List<List<String>> requests = insertIds(wm);
    List<Integer> sizes = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    for (List<String> ids : requests) {
      sizes.add(ids.size());
      if (ids.size() <= 2) {
        accepted.addAll(ids);
      }
    }
    assertEquals(List.of(8, 4, 2, 2, 4, 2, 2), sizes);
    assertEquals(logged, accepted);
    assertEquals(List.of(), failures);
  }

  @Test
  void aSingleEventAnswered413IsReportedAndItsNeighboursDelivered(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .withRequestBody(matchingJsonPath("$.events[?(@.id == 'big')]"))
                .atPriority(1)
                .willReturn(status(413)));
    List<WriteFailure> failures = failures();
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .maxBatchRows(3)
                    .maxConcurrentRequests(1)
                    .linger(LINGER)
                    .build())) {
      logs.log(event("a", 10));
      logs.log(event("big", 10));
      logs.log(event("b", 10));
      logs.flush();
      assertEquals(new WriterStats(3, 2, 1, 0, 5, 0, 0), logs.stats());
    }
    assertEquals(1, failures.size());
    WriteFailure failure = failures.get(0);
    assertEquals(WriteFailure.Reason.REQUEST_FAILED, failure.reason());
    assertInstanceOf(PayloadTooLargeException.class, failure.cause());
    assertEquals(List.of("big"), failure.events().stream().map(FailedEvent::id).toList());
    assertEquals(
        List.of(
            List.of("a", "big", "b"),
            List.of("a"),
            List.of("big", "b"),
            List.of("big"),
            List.of("b")),
        insertIds(wm));
  }

  @Test
  void eventsWithTheSameIdInOneBatchAreFoldedIntoOneRow(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures()).maxConcurrentRequests(1).linger(LINGER).build())) {
      String id = logs.log(Map.of("input", "q", "metadata", Map.of("a", 1)));
      logs.log(event("other", 1));
      logs.merge(id, Map.of("output", "r", "metadata", Map.of("b", 2)));
      logs.merge(id, Map.of("scores", Map.of("s", 1)));
      logs.flush();
      assertEquals(new WriterStats(4, 4, 0, 0, 1, 0, 0), logs.stats());
      List<JsonObject> rows = new ArrayList<>();
      bodies(wm, INSERT_PATH)
          .get(0)
          .getAsJsonArray("events")
          .forEach(r -> rows.add(r.getAsJsonObject()));
      assertEquals(2, rows.size());
      JsonObject expected = new JsonObject();
      expected.addProperty("id", id);
      expected.add(
          "metadata", BraintrustJson.gson().toJsonTree(Map.of("a", 1, "b", 2)).getAsJsonObject());
      expected.addProperty("input", "q");
      expected.addProperty("output", "r");
      expected.add("scores", BraintrustJson.gson().toJsonTree(Map.of("s", 1)));
      assertEquals(expected, rows.get(0));
      assertEquals("other", rows.get(1).get("id").getAsString());
    }
  }
}
