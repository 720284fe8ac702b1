package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.acceptAll;
import static io.github.bt4j.logging.WriterTestSupport.client;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.insertBatches;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static io.github.bt4j.logging.WriterTestSupport.waits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.SpanType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spans become rows exactly as the insert API expects them. */
@WireMockTest
class TracingTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static WriterOptions tracingOptions() {
    return options(failures())
        .clock(new WriterTestSupport.TickingClock(T0))
        .maxConcurrentRequests(1)
        .linger(Duration.ofMinutes(5))
        .build();
  }

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  @Test
  void theGuidesUserInteractionTrace(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    Span root;
    Span first;
    Span second;
    try (BraintrustClient client = client(wm, waits());
        var logs = EventWriter.projectLogs(client, PROJECT, tracingOptions())) {
      // The guide's example, in Java.
      root = logs.startSpan("User Interaction").metadata("user_id", "user123");
      first = root.startChild("Interaction 0").input("hello world").output("output0");
      first.end();
      second = root.startChild("Interaction 1").input("output0").output("output1");
      second.end();
      root.end();
      logs.flush();
    }
    String r = root.spanId();
    List<JsonObject> expected =
        List.of(
            json(
                "{\"id\":\""
                    + first.id()
                    + "\",\"span_id\":\""
                    + first.spanId()
                    + "\","
                    + "\"root_span_id\":\""
                    + r
                    + "\",\"span_parents\":[\""
                    + r
                    + "\"],"
                    + "\"created\":\"2024-01-01T00:00:00.001Z\","
                    + "\"span_attributes\":{\"name\":\"Interaction 0\"},"
                    + "\"metrics\":{\"start\":1704067200.001,\"end\":1704067200.002},"
                    + "\"input\":\"hello world\",\"output\":\"output0\"}"),
            json(
                "{\"id\":\""
                    + second.id()
                    + "\",\"span_id\":\""
                    + second.spanId()
                    + "\","
                    + "\"root_span_id\":\""
                    + r
                    + "\",\"span_parents\":[\""
                    + r
                    + "\"],"
                    + "\"created\":\"2024-01-01T00:00:00.003Z\","
                    + "\"span_attributes\":{\"name\":\"Interaction 1\"},"
                    + "\"metrics\":{\"start\":1704067200.003,\"end\":1704067200.004},"
                    + "\"input\":\"output0\",\"output\":\"output1\"}"),
            json(
                "{\"id\":\""
                    + root.id()
                    + "\",\"span_id\":\""
                    + r
                    + "\","
                    + "\"root_span_id\":\""
                    + r
                    + "\","
                    + "\"created\":\"2024-01-01T00:00:00Z\","
                    + "\"span_attributes\":{\"name\":\"User Interaction\",\"type\":\"task\"},"
                    + "\"metrics\":{\"start\":1704067200.000,\"end\":1704067200.005},"
                    + "\"metadata\":{\"user_id\":\"user123\"}}"));
    assertEquals(List.of(expected), insertBatches(wm));
    String body = wm.getWireMock().getServeEvents().get(0).getRequest().getBodyAsString();
    assertTrue(body.contains("\"end\":1704067200.005000"), "seconds are written plainly: " + body);
    assertEquals(3, List.of(root.id(), first.id(), second.id()).stream().distinct().count());
  }

  @Test
  void spansCarryEveryField(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    Span span;
    try (BraintrustClient client = client(wm, waits());
        var logs = EventWriter.experiment(client, PROJECT, tracingOptions())) {
      span =
          logs.startSpan("answer")
              .type(SpanType.LLM)
              .input(Map.of("question", "2+2"))
              .expected("4")
              .output("4")
              .metadata(Map.of("model", "gpt-4o"))
              .score("exact", 1)
              .tags("math", "smoke")
              .metric("prompt_tokens", 12)
              .error(null);
      span.end();
      logs.flush();
    }
    JsonObject row = insertBatches(wm, "/v1/experiment/" + PROJECT + "/insert").get(0).get(0);
    assertEquals(
        json(
            "{\"id\":\""
                + span.id()
                + "\",\"span_id\":\""
                + span.spanId()
                + "\","
                + "\"root_span_id\":\""
                + span.spanId()
                + "\","
                + "\"created\":\"2024-01-01T00:00:00Z\","
                + "\"span_attributes\":{\"name\":\"answer\",\"type\":\"llm\"},"
                + "\"metrics\":{\"prompt_tokens\":12,\"start\":1704067200,\"end\":1704067200.001},"
                + "\"input\":{\"question\":\"2+2\"},\"expected\":\"4\",\"output\":\"4\","
                + "\"metadata\":{\"model\":\"gpt-4o\"},\"scores\":{\"exact\":1},"
                + "\"tags\":[\"math\",\"smoke\"],\"error\":null}"),
        row);
  }

  @Test
  void updatingAnEndedSpanSendsAMerge(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    Span span;
    try (BraintrustClient client = client(wm, waits());
        var logs = EventWriter.projectLogs(client, PROJECT, tracingOptions())) {
      span = logs.startSpan("task").input("q");
      span.end();
      logs.flush();
      assertEquals(span.id(), span.update().output("a").score("quality", 0.5).log());
      logs.flush();
    }
    List<List<JsonObject>> batches = insertBatches(wm);
    assertEquals(2, batches.size());
    assertEquals(
        json(
            "{\"id\":\""
                + span.id()
                + "\",\"span_id\":\""
                + span.spanId()
                + "\","
                + "\"root_span_id\":\""
                + span.spanId()
                + "\",\"_is_merge\":true,"
                + "\"output\":\"a\",\"scores\":{\"quality\":0.5}}"),
        batches.get(1).get(0));
  }

  @Test
  void anUpdateQueuedWithItsSpanIsFoldedIntoTheRow(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    Span span;
    try (BraintrustClient client = client(wm, waits());
        var logs = EventWriter.projectLogs(client, PROJECT, tracingOptions())) {
      span = logs.startSpan("task").input("q").metadata("a", 1);
      span.end();
      span.update().output("a").metadata("b", 2).log();
      logs.flush();
    }
    List<List<JsonObject>> batches = insertBatches(wm);
    assertEquals(1, batches.size());
    JsonObject row = batches.get(0).get(0);
    assertEquals(1, batches.get(0).size());
    assertEquals(json("{\"a\":1,\"b\":2}"), row.get("metadata"));
    assertEquals("a", row.get("output").getAsString());
    assertEquals("q", row.get("input").getAsString());
    assertTrue(!row.has("_is_merge"), "the folded row is a full row: " + row);
  }

  @Test
  void spansRefuseMisuse(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits());
        var logs = EventWriter.projectLogs(client, PROJECT, tracingOptions())) {
      Span span = logs.startSpan("task");
      assertThrows(IllegalStateException.class, span::update);
      assertThrows(IllegalArgumentException.class, () -> span.score("s", 1.5));
      assertThrows(IllegalArgumentException.class, () -> span.metric("end", 1));
      span.end();
      assertThrows(IllegalStateException.class, span::end);
      assertThrows(IllegalStateException.class, () -> span.output("late"));
      assertThrows(IllegalStateException.class, () -> span.update().log());
    }
  }
}
