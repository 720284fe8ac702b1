package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.client;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.QueuedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A full queue under each policy: the server holds its answers until the test opens a gate, and the
 * writer sends one request at a time.
 */
class EventWriterQueueTest {
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

  @Test
  void eventsAre300BytesAnd424InTheQueue() {
    byte[] json = io.github.bt4j.json.BraintrustJson.gson().toJson(event(1)).getBytes(UTF_8);
    assertEquals(300, json.length);
    assertEquals(424, new QueuedEvent("e001", EventKind.INSERT, json).heapBytes());
  }

  @Test
  void blockingWaitsForRoomThenThrows() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<WriteFailure> failures = failures();
    List<String> accepted = new ArrayList<>();
    QueueFullException refused = null;
    try (ScriptedServer server = ScriptedServer.storingOnceOpen(gate);
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                oneAtATime(failures)
                    .whenFull(QueueFullPolicy.block(Duration.ofMillis(100)))
                    .build())) {
      // The server answers nothing until the gate opens: the queue cannot drain meanwhile.
      for (int i = 0; i < 10 && refused == null; i++) {
        try {
          accepted.add(logs.log(event(i)));
        } catch (QueueFullException e) {
          refused = e;
        }
      }
      gate.countDown();
      assertNotNull(refused, "one request in flight and three queued: the fifth event cannot fit");
      assertTrue(accepted.size() >= 3 && accepted.size() <= 4, "accepted " + accepted);
      assertTrue(refused.getMessage().contains("queue stayed full"), refused.getMessage());
      logs.flush();
      assertEquals(accepted.size(), logs.stats().acknowledged());
      assertEquals(new HashSet<>(accepted), delivered(server));
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void blockingResumesOnceTheServerCatchesUp() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<WriteFailure> failures = failures();
    Set<String> logged = ConcurrentHashMap.newKeySet();
    ExecutorService producer = Executors.newSingleThreadExecutor();
    try (ScriptedServer server = ScriptedServer.storingOnceOpen(gate);
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                oneAtATime(failures)
                    .whenFull(QueueFullPolicy.block(Duration.ofMinutes(5)))
                    .build())) {
      AtomicReference<Thread> producerThread = new AtomicReference<>();
      // At most one in flight and three queued: the fifth must wait for the first answer.
      Future<?> fiveLogged =
          producer.submit(
              () -> {
                producerThread.set(Thread.currentThread());
                for (int i = 0; i < 5; i++) {
                  logged.add(logs.log(event(i)));
                }
              });
      awaitParkedAfter(4, logged, producerThread, fiveLogged);
      assertFalse(fiveLogged.isDone(), "the fifth event waits while the server has not answered");
      assertEquals(4, logged.size());

      gate.countDown();
      fiveLogged.get(30, TimeUnit.SECONDS);
      logs.flush();
      assertEquals(new WriterStats(5, 5, 0, 0, 5, 0, 0), logs.stats());
      assertEquals(logged, delivered(server));
    } finally {
      producer.shutdownNow();
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void droppingNeverWaitsAndReportsEachDroppedEvent() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<WriteFailure> failures = failures();
    Set<String> logged = new HashSet<>();
    try (ScriptedServer server = ScriptedServer.storingOnceOpen(gate);
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                oneAtATime(failures).whenFull(QueueFullPolicy.dropAndReport()).build())) {
      // The gate opens only after the ten calls return: a log() that waited for the server would
      // never return.
      for (int i = 0; i < 10; i++) {
        logged.add(logs.log(event(i)));
      }
      gate.countDown();
      Set<String> dropped = new HashSet<>();
      for (WriteFailure failure : failures) {
        assertEquals(WriteFailure.Reason.QUEUE_FULL, failure.reason());
        assertNull(failure.cause());
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
      assertEquals(expected, delivered(server));
    }
  }

  private static Set<String> delivered(ScriptedServer server) {
    Set<String> ids = new HashSet<>();
    server.received().forEach(r -> ids.addAll(r.ids()));
    return ids;
  }

  /**
   * Waits until {@code count} events are logged and the producer is parked inside the next {@code
   * log()}, or until the producer has ended.
   */
  private static void awaitParkedAfter(
      int count, Set<String> logged, AtomicReference<Thread> thread, Future<?> task) {
    while (!task.isDone()) {
      Thread t = thread.get();
      if (logged.size() == count
          && t != null
          && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
          && Arrays.stream(t.getStackTrace())
              .anyMatch(f -> f.getClassName().startsWith("io.github.bt4j.logging"))) {
        return;
      }
      Thread.yield();
    }
  }
}
