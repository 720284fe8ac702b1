package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.TestHooks;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.logging.ScriptedServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The writer's own retries: a time budget rather than a few attempts, the server's Retry-After, and
 * one pause for every sender. Time is {@link FakeTime}: no test waits for real.
 */
class EventWriterRetryTest {
  private static final Duration LINGER = Duration.ofMinutes(5);

  private static BraintrustClient client(ScriptedServer server, FakeTime time) {
    return TestHooks.time(
            BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()), time, time)
        .build();
  }

  private static Duration total(List<Duration> waits) {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Test
  void anOutageOf25SecondsLosesNothingAndStoresEachRowOnce() throws Exception {
    FakeTime time = new FakeTime();
    Instant up = time.instant().plusSeconds(25);
    Map<String, Integer> stored = new ConcurrentHashMap<>();
    List<WriteFailure> failures = failures();
    Set<String> logged = new HashSet<>();
    try (ScriptedServer server =
            new ScriptedServer(
                request -> {
                  if (time.instant().isBefore(up)) {
                    return Reply.status(503, "{\"error\":\"unavailable\"}");
                  }
                  request.ids().forEach(id -> stored.merge(id, 1, Integer::sum));
                  return Reply.stored(request);
                });
        BraintrustClient client = client(server, time);
        // One sender, so that the fake clock moves by its waits alone: concurrent senders'
        // sleeps would add up on the one timeline instead of overlapping as they do in real time.
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures).maxConcurrentRequests(1).build())) {
      for (int i = 0; i < 1000; i++) {
        logged.add(logs.log(Map.of("input", i)));
      }
      logs.flush();
      assertEquals(List.of(), failures, "an outage the budget covers fails nothing");
      assertEquals(1000, logs.stats().acknowledged());
      assertFalse(time.instant().isBefore(up), "the writer waited the outage out");
    }
    assertEquals(logged, stored.keySet());
    assertEquals(Set.of(1), new HashSet<>(stored.values()), "every row stored exactly once");
  }

  @Test
  void whenTheBudgetRunsOutTheBatchIsReportedWithTheLastError() throws Exception {
    FakeTime time = new FakeTime();
    List<WriteFailure> failures = failures();
    try (ScriptedServer server =
            new ScriptedServer(request -> Reply.status(503, "{\"error\":\"down\"}"));
        BraintrustClient client = client(server, time);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .retryBudget(Duration.ofMinutes(1))
                    .maxConcurrentRequests(1)
                    .build())) {
      String id = logs.log(Map.of("input", 1));
      logs.flush();
      assertEquals(1, failures.size());
      WriteFailure failure = failures.get(0);
      assertEquals(WriteFailure.Reason.REQUEST_FAILED, failure.reason());
      assertInstanceOf(InternalServerException.class, failure.cause());
      assertEquals(List.of(id), failure.events().stream().map(FailedEvent::id).toList());
      // Backoff 0.5 s doubling to 8 s, the last wait cut to what was left of the minute.
      assertEquals(Duration.ofMinutes(1), total(time.sleeps()));
      assertEquals(time.sleeps().size() + 1, server.received().size());
      assertTrue(time.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(8)) <= 0));
    }
  }

  @Test
  void aRetryAfterBeyondTheBudgetFailsAtOnce() throws Exception {
    FakeTime time = new FakeTime();
    List<WriteFailure> failures = failures();
    try (ScriptedServer server =
            new ScriptedServer(
                request ->
                    Reply.status(503, "{\"error\":\"maintenance\"}").header("Retry-After", "120"));
        BraintrustClient client = client(server, time);
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures).retryBudget(Duration.ofMinutes(1)).build())) {
      logs.log(Map.of("input", 1));
      logs.flush();
      assertEquals(1, failures.size());
      assertEquals(1, server.received().size());
      assertEquals(List.of(), time.sleeps());
    }
  }

  @Test
  void aRetryAfterWithinTheBudgetIsWaitedExactly() throws Exception {
    FakeTime time = new FakeTime();
    AtomicInteger calls = new AtomicInteger();
    List<WriteFailure> failures = failures();
    try (ScriptedServer server =
            new ScriptedServer(
                request ->
                    calls.getAndIncrement() == 0
                        ? Reply.status(503, "{\"error\":\"busy\"}").header("Retry-After", "42")
                        : Reply.stored(request));
        BraintrustClient client = client(server, time);
        var logs = EventWriter.projectLogs(client, PROJECT, options(failures).build())) {
      logs.log(Map.of("input", 1));
      logs.flush();
      assertEquals(List.of(Duration.ofSeconds(42)), time.sleeps());
      assertEquals(2, server.received().size());
      assertEquals(server.received().get(0).body(), server.received().get(1).body());
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void requestOptionsMaxRetriesZeroSendsOnce() throws Exception {
    FakeTime time = new FakeTime();
    List<WriteFailure> failures = failures();
    try (ScriptedServer server = new ScriptedServer(request -> Reply.status(500, "{}"));
        BraintrustClient client = client(server, time);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .requestOptions(RequestOptions.builder().maxRetries(0).build())
                    .build())) {
      logs.log(Map.of("input", 1));
      logs.flush();
      assertEquals(1, server.received().size());
      assertEquals(1, failures.size());
    }
  }

  @Test
  void a429PausesEverySenderUntilTheServersTime() throws Exception {
    FakeTime time = new FakeTime().holdSleeps();
    List<WriteFailure> failures = failures();
    Set<String> logged = new HashSet<>();
    Set<String> stored = ConcurrentHashMap.newKeySet();
    try (ScriptedServer server =
            new ScriptedServer(
                request -> {
                  if (request.index() == 0) {
                    return Reply.status(429, "{\"error\":\"slow down\"}")
                        .header("Retry-After", "1");
                  }
                  stored.addAll(request.ids());
                  return Reply.stored(request);
                });
        BraintrustClient client = client(server, time);
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures).maxConcurrentRequests(4).build())) {
      logged.add(logs.log(Map.of("input", "first")));
      assertTrue(time.awaitSleeps(1), "the sender that met the 429 waits");
      // Three full batches for the three idle senders.
      for (int i = 0; i < 300; i++) {
        logged.add(logs.log(Map.of("input", i)));
      }
      assertTrue(time.awaitSleeps(4), "every sender waits out the server's Retry-After");
      assertEquals(1, server.received().size(), "nothing is sent before the server's time");
      time.releaseSleeps();
      logs.flush();
      assertEquals(5, server.received().size(), "the retried request and three batches");
      assertTrue(
          time.sleeps().stream().allMatch(d -> d.equals(Duration.ofSeconds(1))),
          "each waited the server's 1 s: " + time.sleeps());
    }
    assertEquals(logged, stored);
    assertEquals(List.of(), failures);
  }

  @Test
  void aRetryAfterTheTransportWouldNotReadFallsBackToTheBackoffHereToo() throws Exception {
    FakeTime time = new FakeTime();
    AtomicInteger calls = new AtomicInteger();
    List<WriteFailure> failures = failures();
    try (ScriptedServer server =
            new ScriptedServer(
                request ->
                    calls.getAndIncrement() == 0
                        ? Reply.status(503, "{\"error\":\"busy\"}").header("Retry-After", "3e1")
                        : Reply.stored(request));
        BraintrustClient client = client(server, time);
        var logs = EventWriter.projectLogs(client, PROJECT, options(failures).build())) {
      logs.log(Map.of("input", 1));
      logs.flush();
      assertEquals(1, time.sleeps().size());
      assertTrue(
          time.sleeps().get(0).compareTo(Duration.ofMillis(500)) <= 0,
          "not a plain number of seconds, so the first backoff: " + time.sleeps());
      assertEquals(2, server.received().size());
    }
    assertEquals(List.of(), failures);
  }

  @Test
  @Timeout(60) // a close() that waited out the retries would take the whole budget: fail, not hang
  void closeEndsAWaitBetweenRetriesAndReportsTheBatchAsClosed() throws Exception {
    FakeTime time = new FakeTime().holdSleeps(); // a wait between retries lasts until interrupted
    List<WriteFailure> failures = failures();
    try (ScriptedServer server =
            new ScriptedServer(
                request -> Reply.status(503, "{\"error\":\"busy\"}").header("Retry-After", "5"));
        BraintrustClient client = client(server, time)) {
      var logs =
          EventWriter.projectLogs(
              client, PROJECT, options(failures).closeTimeout(Duration.ofMillis(100)).build());
      String id = logs.log(Map.of("input", 1));
      assertTrue(time.awaitSleeps(1), "the sender waits the server's 5 s before resending");
      assertFalse(logs.close(Duration.ofMillis(100)), "the event was not delivered in time");
      assertEquals(1, failures.size());
      assertEquals(WriteFailure.Reason.CLOSED, failures.get(0).reason());
      assertEquals(List.of(id), failures.get(0).events().stream().map(FailedEvent::id).toList());
      assertEquals(1, server.received().size(), "nothing is resent after close");
      assertEquals(new WriterStats(1, 0, 1, 0, 1, 0, 0), logs.stats());
    }
  }
}
