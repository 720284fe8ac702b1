package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.logging.ScriptedServer.Received;
import io.github.bt4j.logging.ScriptedServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** A request refused for some of its rows: the others are stored, the bad ones reported. */
class EventWriterIsolationTest {
  private static final Duration LINGER = Duration.ofMinutes(5);
  private static final String SECRET_KEY = "sk-do-not-print-me";

  /** A server that refuses, with 400, any insert carrying a row whose input is "bad". */
  private static Reply refuseBadRows(Received request, Set<String> stored) {
    for (var row : request.rows()) {
      if (row.has("input")
          && row.get("input").isJsonPrimitive()
          && row.get("input").getAsString().startsWith("bad")) {
        return Reply.status(400, "{\"error\":\"input must not be bad\"}");
      }
    }
    stored.addAll(request.ids());
    return Reply.stored(request);
  }

  private static BraintrustClient client(ScriptedServer server) {
    return BraintrustClient.builder().apiKey(SECRET_KEY).baseUrl(server.baseUrl()).build();
  }

  private static WriterOptions.Builder oneBatch(List<WriteFailure> failures) {
    return options(failures).maxConcurrentRequests(1).linger(LINGER);
  }

  @Test
  void oneBadEventAmongAHundredIsReportedAloneAndTheOthersStored() throws Exception {
    Set<String> stored = ConcurrentHashMap.newKeySet();
    List<WriteFailure> failures = failures();
    List<String> good = new ArrayList<>();
    String bad;
    try (ScriptedServer server = new ScriptedServer(r -> refuseBadRows(r, stored));
        BraintrustClient client = client(server);
        var logs = EventWriter.projectLogs(client, PROJECT, oneBatch(failures).build())) {
      for (int i = 0; i < 37; i++) {
        good.add(logs.log(Map.of("input", "good " + i)));
      }
      bad = logs.log(Map.of("input", "bad", "metadata", Map.of("why", "the server refuses it")));
      for (int i = 37; i < 99; i++) {
        good.add(logs.log(Map.of("input", "good " + i)));
      }
      logs.flush();
      assertEquals(new WriterStats(100, 99, 1, 0, server.received().size(), 0, 0), logs.stats());
      assertEquals(100, server.received().get(0).rows().size(), "first sent as one batch");
      // Bisection: two requests per level, seven levels for 100 rows.
      assertTrue(server.received().size() <= 1 + 2 * 7, "requests: " + server.received().size());
    }
    assertEquals(new HashSet<>(good), stored);
    assertEquals(1, failures.size());
    WriteFailure failure = failures.get(0);
    assertEquals(WriteFailure.Reason.REQUEST_FAILED, failure.reason());
    BadRequestException cause = assertInstanceOf(BadRequestException.class, failure.cause());
    assertEquals("input must not be bad", cause.serverMessage());
    assertEquals(1, failure.events().size());
    assertEquals(bad, failure.events().get(0).id());
    assertEquals(
        JsonParser.parseString(
            "{\"id\":\""
                + bad
                + "\",\"input\":\"bad\",\"metadata\":{\"why\":\"the server refuses it\"}}"),
        JsonParser.parseString(failure.events().get(0).json()));
  }

  @Test
  void whenEveryRowIsRefusedIsolationStopsAtItsAllowance() throws Exception {
    Set<String> stored = ConcurrentHashMap.newKeySet();
    List<WriteFailure> failures = failures();
    Set<String> logged = new HashSet<>();
    try (ScriptedServer server = new ScriptedServer(r -> refuseBadRows(r, stored));
        BraintrustClient client = client(server);
        var logs = EventWriter.projectLogs(client, PROJECT, oneBatch(failures).build())) {
      for (int i = 0; i < 100; i++) {
        logged.add(logs.log(Map.of("input", "bad " + i)));
      }
      logs.flush();
      // Enough to isolate four refused rows: 4 x 2 requests x 7 halvings, not 2 x 99.
      assertEquals(1 + 4 * 2 * 7, server.received().size());
      assertEquals(100, logs.stats().failed());
    }
    assertEquals(Set.of(), stored);
    Set<String> reported = new HashSet<>();
    failures.forEach(f -> f.events().forEach(e -> assertTrue(reported.add(e.id()))));
    assertEquals(logged, reported, "each event reported exactly once");
  }

  @Test
  void aRequestRefusedAsAWholeIsNotBisected() throws Exception {
    List<WriteFailure> failures = failures();
    try (ScriptedServer server =
            new ScriptedServer(r -> Reply.status(403, "{\"error\":\"no write access\"}"));
        BraintrustClient client = client(server);
        var logs = EventWriter.projectLogs(client, PROJECT, oneBatch(failures).build())) {
      for (int i = 0; i < 10; i++) {
        logs.log(Map.of("input", i));
      }
      logs.flush();
      assertEquals(1, server.received().size());
    }
    assertEquals(1, failures.size());
    assertEquals(10, failures.get(0).events().size());
  }

  @Test
  void theDefaultHandlerPrintsEachFailedEventsContentButNoSecret() throws Exception {
    Set<String> stored = ConcurrentHashMap.newKeySet();
    String bad;
    String huge = "bad " + "x".repeat(5000);
    List<LogRecord> records;
    try (LoggerCapture capture = new LoggerCapture();
        ScriptedServer server = new ScriptedServer(r -> refuseBadRows(r, stored));
        BraintrustClient client = client(server);
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                WriterOptions.builder()
                    .flushOnShutdown(false)
                    .maxConcurrentRequests(1)
                    .linger(LINGER)
                    .build())) {
      logs.log(Map.of("input", "fine"));
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("input", "bad");
      event.put("output", "what the server refused");
      bad = logs.log(event);
      String tooLong = logs.log(Map.of("input", huge));
      logs.flush();
      records = capture.records();
      assertEquals(2, records.size(), "one report per refused row");
      String text = records.get(0).getMessage() + "\n" + records.get(1).getMessage();
      assertTrue(records.stream().allMatch(r -> r.getLevel() == Level.SEVERE));
      assertTrue(text.contains(bad) && text.contains(tooLong), text);
      assertTrue(text.contains("input must not be bad"), text);
      assertTrue(
          text.contains(
              "{\"id\":\""
                  + bad
                  + "\",\"input\":\"bad\",\"output\":\"what the server"
                  + " refused\"}"),
          text);
      assertTrue(text.contains("more characters)"), "a huge event is cut: " + text.length());
      assertTrue(text.length() < 4000, "cut to a sensible size: " + text.length());
      assertFalse(text.contains(SECRET_KEY), "the API key is never printed");
    }
  }
}
