package io.github.bt4j.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.models.InsertProjectLogsEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Acknowledgement, retries, failure reports, flush, close and shutdown. */
@WireMockTest
class EventWriterDeliveryTest {
  private static final Duration LINGER = Duration.ofMinutes(5);

  @Test
  void flushReturnsOnlyOnceTheServerHasAnswered() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    try (ScriptedServer server = ScriptedServer.storingOnceOpen(gate);
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures()).maxConcurrentRequests(2).build())) {
      for (int i = 0; i < 10; i++) {
        logs.log(Map.of("input", i));
      }
      assertFalse(logs.flush(Duration.ofMillis(1)), "the server has not answered yet");
      gate.countDown();
      logs.flush();
      WriterStats stats = logs.stats();
      assertEquals(10, stats.accepted());
      assertEquals(10, stats.acknowledged());
      assertEquals(0, stats.queuedEvents());
      int rows = 0;
      for (ScriptedServer.Received request : server.received()) {
        rows += request.ids().size();
      }
      assertEquals(10, rows);
    }
  }

  @Test
  void closeDeliversThenRefusesEvents(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    List<WriteFailure> failures = failures();
    try (BraintrustClient client = client(wm, waits())) {
      var logs = EventWriter.projectLogs(client, PROJECT, options(failures).linger(LINGER).build());
      String a = logs.log(Map.of("input", 1));
      String b = logs.log(Map.of("input", 2));
      assertTrue(logs.close(Duration.ofSeconds(10)));
      assertEquals(List.of(List.of(a, b)), insertIds(wm));
      IllegalStateException closed =
          assertThrows(IllegalStateException.class, () -> logs.log(Map.of("input", 3)));
      assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
      logs.close();
      assertEquals(1, insertIds(wm).size());
      assertEquals(new WriterStats(2, 2, 0, 0, 1, 0, 0), logs.stats());
    }
    assertEquals(List.of(), failures);
  }

  @Test
  @Timeout(60) // a close() that waited for the server would never return: fail, do not hang
  void closeReportsWhatItCouldNotDeliverInTime() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<WriteFailure> failures = failures();
    List<String> logged = new ArrayList<>();
    // The server answers nothing until close() has returned.
    try (ScriptedServer server = ScriptedServer.storingOnceOpen(gate);
        BraintrustClient client = client(server)) {
      var logs =
          EventWriter.projectLogs(
              client,
              PROJECT,
              options(failures)
                  .maxBatchRows(2)
                  .maxConcurrentRequests(1)
                  .closeTimeout(Duration.ofMillis(200))
                  .build());
      for (int i = 0; i < 5; i++) {
        logged.add(logs.log(Map.of("input", i)));
      }
      logs.close();
      gate.countDown();
      assertEquals(new WriterStats(5, 0, 5, 0, 1, 0, 0), logs.stats());
    }
    Set<String> reported = new HashSet<>();
    for (WriteFailure failure : failures) {
      assertEquals(WriteFailure.Reason.CLOSED, failure.reason());
      failure.events().forEach(e -> assertTrue(reported.add(e.id()), "reported twice: " + e));
    }
    assertEquals(new HashSet<>(logged), reported);
  }

  @Test
  void aRetriedInsertCarriesTheSameIds(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(status(503))
                .willSetStateTo("up"));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{}")));
    List<Duration> waits = waits();
    List<WriteFailure> failures = failures();
    InsertProjectLogsEvent event = new InsertProjectLogsEvent().input("q").output("a");
    try (BraintrustClient client = client(wm, waits);
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures).maxBatchRows(3).linger(LINGER).build())) {
      String first = logs.log(event);
      String second = logs.log(event);
      String third = logs.log(Map.of("input", "r"));
      logs.flush();
      assertEquals(new WriterStats(3, 3, 0, 0, 1, 0, 0), logs.stats());
      List<List<String>> requests = insertIds(wm);
      assertEquals(List.of(List.of(first, second, third), List.of(first, second, third)), requests);
      assertEquals(3, new HashSet<>(List.of(first, second, third)).size());
    }
    List<JsonObject> bodies = bodies(wm, INSERT_PATH);
    assertEquals(bodies.get(0), bodies.get(1));
    assertEquals(1, waits.size());
    assertNull(event.getId(), "the caller's model must not be modified");
    assertEquals(List.of(), failures);
  }

  @Test
  void anInsertRetriedAfterAConnectionResetCarriesTheSameIds(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .inScenario("reset")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("up"));
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .inScenario("reset")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{}")));
    List<WriteFailure> failures = failures();
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures).maxBatchRows(2).linger(LINGER).build())) {
      String a = logs.log(Map.of("input", 1));
      String b = logs.log(Map.of("input", 2));
      logs.flush();
      assertEquals(List.of(List.of(a, b), List.of(a, b)), insertIds(wm));
      assertEquals(2, logs.stats().acknowledged());
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void aBatchRefusedForEveryRowReportsEachRowWithItsContent(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .willReturn(status(400).withBody("{\"error\":\"metadata must be an object\"}")));
    List<WriteFailure> failures = failures();
    List<Duration> waits = waits();
    String a;
    String b;
    try (BraintrustClient client = client(wm, waits);
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures).maxBatchRows(2).linger(LINGER).build())) {
      a = logs.log(Map.of("input", "one"));
      b = logs.log(Map.of("input", "two"));
      logs.flush();
      // The pair, then each row alone to find which the server refuses.
      assertEquals(new WriterStats(2, 0, 2, 0, 3, 0, 0), logs.stats());
    }
    assertEquals(List.of(List.of(a, b), List.of(a), List.of(b)), insertIds(wm));
    assertEquals(2, failures.size());
    for (WriteFailure failure : failures) {
      assertEquals(WriteFailure.Reason.REQUEST_FAILED, failure.reason());
      BadRequestException cause = assertInstanceOf(BadRequestException.class, failure.cause());
      assertEquals("metadata must be an object", cause.serverMessage());
      assertEquals("project_logs " + PROJECT, failure.target());
      assertEquals(1, failure.events().size());
    }
    assertEquals(a, failures.get(0).events().get(0).id());
    assertEquals(
        "{\"id\":\"" + a + "\",\"input\":\"one\"}", failures.get(0).events().get(0).json());
    assertEquals(b, failures.get(1).events().get(0).id());
    assertEquals(List.of(), waits, "a 400 is not retried");
  }

  @Test
  void aBatchIsReportedOnceTheRetriesRunOut(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post(urlPathEqualTo(INSERT_PATH)).willReturn(status(500)));
    List<WriteFailure> failures = failures();
    List<Duration> waits = waits();
    try (BraintrustClient client = client(wm, waits);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures)
                    .requestOptions(RequestOptions.builder().maxRetries(2).build())
                    .build())) {
      String id = logs.log(Map.of("input", 1));
      logs.flush();
      assertEquals(1, failures.size());
      assertInstanceOf(InternalServerException.class, failures.get(0).cause());
      assertEquals(List.of(id), failures.get(0).events().stream().map(FailedEvent::id).toList());
    }
    assertEquals(3, insertIds(wm).size());
    assertEquals(2, waits.size());
  }

  @Test
  void aFailureHandlerThatThrowsDoesNotStopTheWriter(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    wm.getWireMock()
        .register(
            post(urlPathEqualTo(INSERT_PATH))
                .inScenario("once")
                .whenScenarioStateIs(STARTED)
                .willReturn(status(400))
                .willSetStateTo("up"));
    List<WriteFailure> seen = failures();
    Consumer<WriteFailure> throwing =
        failure -> {
          seen.add(failure);
          throw new IllegalStateException("handler bug");
        };
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                WriterOptions.builder()
                    .flushOnShutdown(false)
                    .failureHandler(throwing)
                    .maxConcurrentRequests(1)
                    .build())) {
      logs.log(Map.of("input", 1));
      logs.flush();
      logs.log(Map.of("input", 2));
      logs.flush();
      assertEquals(new WriterStats(2, 1, 1, 0, 2, 0, 0), logs.stats());
    }
    assertEquals(1, seen.size());
  }

  @Test
  void flushAndCloseFromTheFailureHandlerAreRefused(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post(urlPathEqualTo(INSERT_PATH)).willReturn(status(400)));
    List<Throwable> refusals = new ArrayList<>();
    EventWriter<?, ?>[] writer = new EventWriter<?, ?>[1];
    Consumer<WriteFailure> reentrant =
        failure -> {
          try {
            writer[0].flush();
          } catch (IllegalStateException e) {
            refusals.add(e);
          }
          try {
            writer[0].close();
          } catch (IllegalStateException e) {
            refusals.add(e);
          }
        };
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                WriterOptions.builder().flushOnShutdown(false).failureHandler(reentrant).build())) {
      writer[0] = logs;
      logs.log(Map.of("input", 1));
      logs.flush();
    }
    assertEquals(2, refusals.size());
  }

  @Test
  void theShutdownHookDeliversQueuedEvents(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits())) {
      var logs =
          EventWriter.projectLogs(
              client,
              PROJECT,
              WriterOptions.builder()
                  .failureHandler(failure -> {})
                  .linger(LINGER)
                  .closeTimeout(Duration.ofSeconds(10))
                  .build());
      Thread hook = logs.shutdownHook();
      assertNotNull(hook);
      String id = logs.log(Map.of("input", 1));
      // What the JVM does on exit.
      hook.run();
      assertEquals(List.of(List.of(id)), insertIds(wm));
      assertThrows(IllegalStateException.class, () -> logs.log(Map.of("input", 2)));
      assertFalse(
          Runtime.getRuntime().removeShutdownHook(hook), "close() must deregister the hook");
    }
  }

  @Test
  void anEventWhoseIdIsAnExplicitNullIsSentWithTheIdTheWriterGaveIt(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    InsertProjectLogsEvent event =
        io.github.bt4j.json.BraintrustJson.gson()
            .fromJson("{\"id\":null,\"input\":\"q\"}", InsertProjectLogsEvent.class);
    String before = io.github.bt4j.json.BraintrustJson.gson().toJson(event);
    String id;
    try (BraintrustClient client = client(wm, waits());
        var logs = EventWriter.projectLogs(client, PROJECT, options(failures()).build())) {
      id = logs.log(event);
      logs.flush();
    }
    assertEquals(List.of(List.of(id)), insertIds(wm));
    assertEquals(before, io.github.bt4j.json.BraintrustJson.gson().toJson(event), "not mutated");
  }
}
