package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.acceptAll;
import static io.github.bt4j.logging.WriterTestSupport.client;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.insertBatches;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static io.github.bt4j.logging.WriterTestSupport.waits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a store holds after the writer's rows, batched or one by one: the same, whatever the
 * batching folded. The store is {@link StoreModel} applied to the rows the server received.
 */
@WireMockTest
class MergeSemanticsTest {
  private static final String BATCHED = "11111111-0d44-4b50-8888-8dd25736052a";
  private static final String ONE_BY_ONE = "22222222-0d44-4b50-8888-8dd25736052a";
  private static final Duration LINGER = Duration.ofMinutes(5);

  private static String path(String project) {
    return "/v1/project_logs/" + project + "/insert";
  }

  /** The store after every row received at {@code project}'s insert path, in order. */
  private static Map<String, JsonObject> store(WireMockRuntimeInfo wm, String project) {
    StoreModel store = new StoreModel();
    insertBatches(wm, path(project)).forEach(store::applyAll);
    return store.rows();
  }

  /** Logs a row through the public API: merges with merge(), the others with log(). */
  private static void send(EventWriter<?, ?> logs, JsonObject row) {
    JsonObject fields = row.deepCopy();
    String id = fields.remove("id").getAsString();
    JsonElement isMerge = fields.remove("_is_merge");
    if (isMerge != null && isMerge.getAsBoolean()) {
      Map<String, JsonElement> map = new HashMap<>(fields.asMap());
      logs.merge(id, map);
    } else {
      Map<String, Object> map = new HashMap<>(fields.asMap());
      map.put("id", id);
      logs.log(map);
    }
  }

  private static EventWriter<?, ?> batched(BraintrustClient client) {
    return EventWriter.projectLogs(
        client,
        BATCHED,
        options(failures()).maxConcurrentRequests(1).maxBatchRows(1000).linger(LINGER).build());
  }

  private static EventWriter<?, ?> oneByOne(BraintrustClient client) {
    return EventWriter.projectLogs(
        client, ONE_BY_ONE, options(failures()).maxConcurrentRequests(1).maxBatchRows(1).build());
  }

  @Test
  void anObjectMergedAfterANullReplacesTheStoredObjectBatchedOrNot(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits());
        var batched = batched(client);
        var oneByOne = oneByOne(client)) {
      for (EventWriter<?, ?> logs : List.of(batched, oneByOne)) {
        logs.log(Map.of("id", "span", "input", "q", "metadata", Map.of("stale", "old value")));
        logs.flush();
        Map<String, Object> clear = new HashMap<>();
        clear.put("metadata", null);
        logs.merge("span", clear);
        logs.merge("span", Map.of("metadata", Map.of("user", "u2")));
        logs.flush();
      }
    }
    JsonObject expected =
        JsonParser.parseString("{\"id\":\"span\",\"input\":\"q\",\"metadata\":{\"user\":\"u2\"}}")
            .getAsJsonObject();
    assertEquals(Map.of("span", expected), store(wm, ONE_BY_ONE));
    assertEquals(Map.of("span", expected), store(wm, BATCHED));
    List<List<JsonObject>> sent = insertBatches(wm, path(BATCHED));
    assertEquals(2, sent.size(), "the two merges were folded into one row");
    assertEquals(
        JsonParser.parseString("[[\"metadata\"]]"), sent.get(1).get(0).get("_merge_paths"));
  }

  @Test
  void anExplicitNullInAMergeIsSentSoTheFieldIsCleared(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits());
        var logs = oneByOne(client)) {
      Map<String, Object> fields = new HashMap<>();
      fields.put("metadata", null);
      fields.put("scores", Map.of("kept", 1));
      Map<String, Object> nested = new HashMap<>();
      nested.put("gone", null);
      fields.put("output", nested);
      logs.merge("row", fields);
      logs.flush();
    }
    JsonObject row = insertBatches(wm, path(ONE_BY_ONE)).get(0).get(0);
    assertTrue(row.has("metadata") && row.get("metadata").isJsonNull(), row.toString());
    assertTrue(row.getAsJsonObject("output").get("gone").isJsonNull(), row.toString());
    assertEquals(1, row.getAsJsonObject("scores").get("kept").getAsInt());
  }

  @Test
  void randomRowsStoreTheSameBatchedAsOneByOne(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    for (int trial = 1; trial <= 20; trial++) {
      wm.getWireMock().resetRequests();
      RandomRows random = new RandomRows(trial);
      List<JsonObject> before = random.fullRows(8);
      List<JsonObject> rows = random.rows(8, 40);
      try (BraintrustClient client = client(wm, waits());
          var batched = batched(client);
          var oneByOne = oneByOne(client)) {
        for (EventWriter<?, ?> logs : List.of(batched, oneByOne)) {
          before.forEach(row -> send(logs, row));
          logs.flush();
          rows.forEach(row -> send(logs, row));
          logs.flush();
        }
      }
      assertEquals(store(wm, ONE_BY_ONE), store(wm, BATCHED), "trial " + trial + ", rows " + rows);
      List<Integer> sizes = new ArrayList<>();
      insertBatches(wm, path(BATCHED)).forEach(b -> sizes.add(b.size()));
      assertTrue(sizes.size() < 1 + rows.size(), "the batched writer folded rows: " + sizes);
    }
  }
}
