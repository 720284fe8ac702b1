package io.github.bt4j.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.acceptAll;
import static io.github.bt4j.logging.WriterTestSupport.client;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.insertIds;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static io.github.bt4j.logging.WriterTestSupport.waits;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.QueuedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A full queue under each policy: the server answers slowly, one request at a time. */
@WireMockTest
class EventWriterQueueTest {
  private static final int SERVER_DELAY_MS = 500;

  /**
   * Each event's JSON is 300 bytes, 424 bytes of heap with its id and the objects holding them (see
   * {@link #eventsAre300BytesAnd424InTheQueue}); the queue holds three of them.
   */
  private static WriterOptions.Builder oneAtATime(List<WriteFailure> failures) {
    return options(failures)
        .maxBatchRows(1)
        .maxConcurrentRequests(1)
        .maxBatchBytes(1000)
        .maxRequestBytes(1000)
        .maxQueuedBytes(3 * 424 + 100);
  }

  private static Map<String, Object> event(int i) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", String.format("e%03d", i));
    event.put("input", "x".repeat(300 - 24));
    return event;
  }

  private static Set<String> delivered(WireMockRuntimeInfo wm) {
    Set<String> ids = new HashSet<>();
    insertIds(wm).forEach(ids::addAll);
    return ids;
  }

  @Test
  void eventsAre300BytesAnd424InTheQueue() {
    byte[] json = io.github.bt4j.internal.json.Json.gson().toJson(event(1)).getBytes(UTF_8);
    assertEquals(300, json.length);
    assertEquals(424, new QueuedEvent("e001", EventKind.INSERT, json).heapBytes());
  }

  @Test
  void blockingWaitsForRoomThenThrows(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll().willReturn(okJson("{}").withFixedDelay(SERVER_DELAY_MS)));
    List<WriteFailure> failures = failures();
    List<String> accepted = new ArrayList<>();
    QueueFullException refused = null;
    long refusedAfterNanos = 0;
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                oneAtATime(failures)
                    .whenFull(QueueFullPolicy.block(Duration.ofMillis(100)))
                    .build())) {
      for (int i = 0; i < 10 && refused == null; i++) {
        long start = System.nanoTime();
        try {
          accepted.add(logs.log(event(i)));
        } catch (QueueFullException e) {
          refused = e;
          refusedAfterNanos = System.nanoTime() - start;
        }
      }
      assertNotNull(refused, "one request in flight and three queued: the fifth event cannot fit");
      assertTrue(accepted.size() >= 3 && accepted.size() <= 4, "accepted " + accepted);
      assertTrue(refusedAfterNanos >= Duration.ofMillis(100).toNanos(), "it waited first");
      assertTrue(refused.getMessage().contains("queue stayed full"), refused.getMessage());
      logs.flush();
      assertEquals(accepted.size(), logs.stats().acknowledged());
    }
    assertEquals(new HashSet<>(accepted), delivered(wm));
    assertEquals(List.of(), failures);
  }

  @Test
  void blockingResumesOnceTheServerCatchesUp(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll().willReturn(okJson("{}").withFixedDelay(SERVER_DELAY_MS)));
    List<WriteFailure> failures = failures();
    Set<String> logged = new HashSet<>();
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                oneAtATime(failures)
                    .whenFull(QueueFullPolicy.block(Duration.ofSeconds(30)))
                    .build())) {
      long start = System.nanoTime();
      // At most one in flight and three queued: the fifth must wait for the first answer.
      for (int i = 0; i < 5; i++) {
        logged.add(logs.log(event(i)));
      }
      long elapsed = System.nanoTime() - start;
      assertTrue(
          elapsed >= Duration.ofMillis(SERVER_DELAY_MS - 100).toNanos(),
          "logging waited only " + elapsed / 1_000_000 + " ms");
      logs.flush();
      assertEquals(new WriterStats(5, 5, 0, 0, 5, 0, 0), logs.stats());
    }
    assertEquals(logged, delivered(wm));
    assertEquals(List.of(), failures);
  }

  @Test
  void droppingNeverWaitsAndReportsEachDroppedEvent(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll().willReturn(okJson("{}").withFixedDelay(SERVER_DELAY_MS)));
    List<WriteFailure> failures = failures();
    Set<String> logged = new HashSet<>();
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                oneAtATime(failures).whenFull(QueueFullPolicy.dropAndReport()).build())) {
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        logged.add(logs.log(event(i)));
      }
      assertTrue(
          System.nanoTime() - start < Duration.ofMillis(SERVER_DELAY_MS / 2).toNanos(),
          "dropping must not wait for the server");
      Set<String> dropped = new HashSet<>();
      for (WriteFailure failure : failures) {
        assertEquals(WriteFailure.Reason.QUEUE_FULL, failure.reason());
        assertFalse(failure.cause().isPresent());
        assertEquals(1, failure.events().size());
        dropped.add(failure.events().get(0).id());
      }
      assertTrue(dropped.size() >= 6, "dropped " + dropped);
      logs.flush();
      WriterStats stats = logs.stats();
      assertEquals(10 - dropped.size(), stats.accepted());
      assertEquals(stats.accepted(), stats.acknowledged());
      assertEquals(dropped.size(), stats.dropped());
      Set<String> expected = new HashSet<>(logged);
      expected.removeAll(dropped);
      assertEquals(expected, delivered(wm));
    }
  }
}
