package io.github.bt4j.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.TestHooks;
import io.github.bt4j.core.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What the writer tests share: a client on WireMock, recorders, and reading what was sent. */
final class WriterTestSupport {
  static final String PROJECT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  static final String INSERT_PATH = "/v1/project_logs/" + PROJECT + "/insert";
  static final String FEEDBACK_PATH = "/v1/project_logs/" + PROJECT + "/feedback";

  private WriterTestSupport() {}

  /** A stub for every insert/feedback endpoint answering 200 with no row ids. */
  static MappingBuilder acceptAll() {
    return post(urlPathMatching("/v1/.*/(insert|feedback)")).willReturn(okJson("{\"row_ids\":[]}"));
  }

  /** A client on WireMock whose retry waits are recorded in {@code waits}, not slept. */
  static BraintrustClient client(WireMockRuntimeInfo wm, List<Duration> waits) {
    return TestHooks.sleeper(
            BraintrustClient.builder().apiKey("sk-test").baseUrl(wm.getHttpBaseUrl()), waits::add)
        .retryPolicy(RetryPolicy.defaults())
        .build();
  }

  /** A client on a scripted server. */
  static BraintrustClient client(ScriptedServer server) {
    return BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
  }

  /** Options for tests: no shutdown hook, failures recorded in {@code failures}. */
  static WriterOptions.Builder options(List<WriteFailure> failures) {
    return WriterOptions.builder().flushOnShutdown(false).failureHandler(failures::add);
  }

  static List<WriteFailure> failures() {
    return new CopyOnWriteArrayList<>();
  }

  static List<Duration> waits() {
    return new CopyOnWriteArrayList<>();
  }

  /** The bodies posted to {@code path}, in the order the server received them. */
  static List<JsonObject> bodies(WireMockRuntimeInfo wm, String path) {
    List<ServeEvent> events = new ArrayList<>(wm.getWireMock().getServeEvents());
    Collections.reverse(events);
    List<JsonObject> bodies = new ArrayList<>();
    for (ServeEvent e : events) {
      if (e.getRequest().getUrl().equals(path)) {
        bodies.add(JsonParser.parseString(e.getRequest().getBodyAsString()).getAsJsonObject());
      }
    }
    return bodies;
  }

  /** The rows of each insert body, in order. */
  static List<List<JsonObject>> insertBatches(WireMockRuntimeInfo wm) {
    return insertBatches(wm, INSERT_PATH);
  }

  /** The rows of each body posted to {@code path}, in order. */
  static List<List<JsonObject>> insertBatches(WireMockRuntimeInfo wm, String path) {
    List<List<JsonObject>> batches = new ArrayList<>();
    for (JsonObject body : bodies(wm, path)) {
      List<JsonObject> rows = new ArrayList<>();
      for (JsonElement row : body.getAsJsonArray("events")) {
        rows.add(row.getAsJsonObject());
      }
      batches.add(rows);
    }
    return batches;
  }

  /** The ids of each insert body, in order. */
  static List<List<String>> insertIds(WireMockRuntimeInfo wm) {
    List<List<String>> ids = new ArrayList<>();
    for (List<JsonObject> batch : insertBatches(wm)) {
      List<String> batchIds = new ArrayList<>();
      batch.forEach(row -> batchIds.add(row.get("id").getAsString()));
      ids.add(batchIds);
    }
    return ids;
  }

  /** A clock that moves one millisecond forward at every reading. */
  static final class TickingClock extends Clock {
    private final Instant start;
    private final AtomicLong ticks = new AtomicLong();

    TickingClock(Instant start) {
      this.start = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return start.plusMillis(ticks.getAndIncrement());
    }
  }
}
