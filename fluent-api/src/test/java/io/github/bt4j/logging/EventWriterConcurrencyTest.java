package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.acceptAll;
import static io.github.bt4j.logging.WriterTestSupport.client;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.insertBatches;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static io.github.bt4j.logging.WriterTestSupport.waits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Eight threads log at once; each also keeps updating one row of its own. Replaying what the server
 * received, in the order it received it, must give every row exactly once and every update applied
 * in order.
 */
@WireMockTest
class EventWriterConcurrencyTest {
  private static final int THREADS = 8;
  private static final int EVENTS = 400;
  private static final int UPDATES = 40;

  @Test
  void eightThreadsLoseNothingAndKeepEachRowsOrder(WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock().register(acceptAll());
    List<WriteFailure> failures = failures();
    Map<String, Integer> expectedRows = new HashMap<>();
    List<String> counters = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options(failures).maxBatchRows(25).maxConcurrentRequests(4).build())) {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  List<String> ids = new ArrayList<>();
                  start.await();
                  String counter = logs.log(Map.of("input", "counter " + thread, "output", 0));
                  for (int i = 0; i < EVENTS; i++) {
                    ids.add(logs.log(Map.of("input", thread * 100_000 + i)));
                    if (i % (EVENTS / UPDATES) == 0) {
                      int step = i / (EVENTS / UPDATES) + 1;
                      logs.merge(
                          counter, Map.of("output", step, "metadata", Map.of("step" + step, step)));
                    }
                  }
                  ids.add(0, counter);
                  return ids;
                }));
      }
      for (Future<List<String>> result : results) {
        List<String> ids = result.get();
        counters.add(ids.get(0));
        ids.forEach(id -> expectedRows.merge(id, 1, Integer::sum));
      }
      logs.flush();
      long events = THREADS * (1L + EVENTS + UPDATES);
      assertEquals(
          new WriterStats(events, events, 0, 0, logs.stats().requests(), 0, 0), logs.stats());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(THREADS * (EVENTS + 1), expectedRows.size(), "ids are unique");

    Map<String, JsonObject> stored = new HashMap<>();
    Map<String, Integer> rowsReceived = new HashMap<>();
    for (List<JsonObject> batch : insertBatches(wm)) {
      for (JsonObject row : batch) {
        String id = row.get("id").getAsString();
        JsonElement merge = row.remove("_is_merge");
        if (merge != null && merge.getAsBoolean()) {
          JsonObject target = stored.get(id);
          if (target == null) {
            throw new AssertionError("a merge for " + id + " arrived before its row");
          }
          row.entrySet().forEach(e -> mergeInto(target, e.getKey(), e.getValue()));
        } else {
          rowsReceived.merge(id, 1, Integer::sum);
          stored.put(id, row);
        }
      }
    }
    assertEquals(expectedRows, rowsReceived, "every row arrives exactly once");
    for (String counter : counters) {
      JsonObject row = stored.get(counter);
      assertEquals(UPDATES, row.get("output").getAsInt(), row.toString());
      JsonObject metadata = row.getAsJsonObject("metadata");
      assertEquals(UPDATES, metadata.size(), row.toString());
      for (int step = 1; step <= UPDATES; step++) {
        assertEquals(step, metadata.get("step" + step).getAsInt());
      }
    }
    assertEquals(List.of(), failures);
  }

  private static void mergeInto(JsonObject target, String key, JsonElement value) {
    JsonElement existing = target.get(key);
    if (existing != null && existing.isJsonObject() && value.isJsonObject()) {
      value
          .getAsJsonObject()
          .entrySet()
          .forEach(e -> mergeInto(existing.getAsJsonObject(), e.getKey(), e.getValue()));
    } else {
      target.add(key, value);
    }
  }
}
