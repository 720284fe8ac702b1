package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static io.github.bt4j.logging.WriterTestSupport.acceptAll;
import static io.github.bt4j.logging.WriterTestSupport.bodies;
import static io.github.bt4j.logging.WriterTestSupport.client;
import static io.github.bt4j.logging.WriterTestSupport.failures;
import static io.github.bt4j.logging.WriterTestSupport.insertBatches;
import static io.github.bt4j.logging.WriterTestSupport.options;
import static io.github.bt4j.logging.WriterTestSupport.waits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.FeedbackDatasetItem;
import io.github.bt4j.models.FeedbackExperimentItem;
import io.github.bt4j.models.InsertDatasetEvent;
import io.github.bt4j.models.InsertProjectLogsEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merge, delete and feedback on each store, and how ids are given. */
@WireMockTest
class EventWriterHelpersTest {
  private static final String EXPERIMENT = "11111111-2222-4333-8444-555555555555";
  private static final String DATASET = "66666666-7777-4888-9999-000000000000";

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  private static List<String> paths(WireMockRuntimeInfo wm) {
    List<String> paths = new ArrayList<>();
    for (ServeEvent e : wm.getWireMock().getServeEvents()) {
      paths.add(e.getRequest().getUrl());
    }
    Collections.reverse(paths);
    return paths;
  }

  @Test
  void experimentMergeDeleteAndFeedback(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    String insert = "/v1/experiment/" + EXPERIMENT + "/insert";
    String feedback = "/v1/experiment/" + EXPERIMENT + "/feedback";
    try (BraintrustClient client = client(wm, waits());
        var experiment =
            EventWriter.experiment(
                client,
                EXPERIMENT,
                options(failures())
                    .maxConcurrentRequests(1)
                    .linger(Duration.ofMinutes(5))
                    .build())) {
      experiment.merge("row-1", Map.of("output", "better"));
      experiment.delete("row-2");
      experiment.feedback(
          new FeedbackExperimentItem()
              .id("row-1")
              .comment("good")
              .putScoresItem("human", BigDecimal.ONE));
      experiment.feedback(Map.of("id", "row-3", "comment", "meh"));
      experiment.flush();
      assertEquals(new WriterStats(4, 4, 0, 0, 2, 0, 0), experiment.stats());
    }
    assertEquals(List.of(insert, feedback), paths(wm));
    assertEquals(
        json(
            "{\"events\":[{\"output\":\"better\",\"id\":\"row-1\",\"_is_merge\":true},"
                + "{\"id\":\"row-2\",\"_object_delete\":true}]}"),
        bodies(wm, insert).get(0));
    assertEquals(
        json(
            "{\"feedback\":[{\"id\":\"row-1\",\"scores\":{\"human\":1},\"comment\":\"good\"},"
                + "{\"id\":\"row-3\",\"comment\":\"meh\"}]}"),
        bodies(wm, feedback).get(0));
  }

  @Test
  void feedbackWaitsForAnEarlierInsertOfItsRow(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures()).maxConcurrentRequests(4).build())) {
      for (int i = 0; i < 20; i++) {
        String id = logs.log(Map.of("input", i));
        logs.feedback(Map.of("id", id, "scores", Map.of("s", 1)));
      }
      logs.flush();
    }
    List<String> inserted = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (ServeEvent e : reversed(wm.getWireMock().getServeEvents())) {
      JsonObject body = json(e.getRequest().getBodyAsString());
      boolean isInsert = body.has("events");
      body.getAsJsonArray(isInsert ? "events" : "feedback")
          .forEach(
              item -> {
                String id = item.getAsJsonObject().get("id").getAsString();
                if (isInsert) {
                  inserted.add(id);
                } else if (!inserted.contains(id)) {
                  order.add(id);
                }
              });
    }
    assertEquals(List.of(), order, "feedback sent before its row");
    assertEquals(20, inserted.size());
  }

  private static List<ServeEvent> reversed(List<ServeEvent> events) {
    List<ServeEvent> copy = new ArrayList<>(events);
    Collections.reverse(copy);
    return copy;
  }

  @Test
  void datasetRowsGoToTheDataset(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits());
        var dataset =
            EventWriter.dataset(
                client, DATASET, options(failures()).linger(Duration.ofMinutes(5)).build())) {
      String id = dataset.log(new InsertDatasetEvent().input("q").expected("a"));
      dataset.feedback(new FeedbackDatasetItem().id(id).comment("checked"));
      dataset.flush();
      assertEquals(
          List.of("/v1/dataset/" + DATASET + "/insert", "/v1/dataset/" + DATASET + "/feedback"),
          paths(wm));
      assertEquals(
          json("{\"id\":\"" + id + "\",\"input\":\"q\",\"expected\":\"a\"}"),
          insertBatches(wm, "/v1/dataset/" + DATASET + "/insert").get(0).get(0));
    }
  }

  @Test
  void idsAreGivenWithoutTouchingTheCallersObjects(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(acceptAll());
    try (BraintrustClient client = client(wm, waits());
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, options(failures()).linger(Duration.ofMinutes(5)).build())) {
      InsertProjectLogsEvent event = new InsertProjectLogsEvent().input("q");
      String first = logs.log(event);
      String second = logs.log(event);
      assertNotEquals(first, second);
      assertNull(event.getId());
      assertEquals("mine", logs.log(new InsertProjectLogsEvent().id("mine")));
      assertEquals("theirs", logs.log(Map.of("id", "theirs")));
      String empty = logs.log(Map.of());
      logs.flush();
      assertEquals(
          List.of(
              json("{\"id\":\"" + first + "\",\"input\":\"q\"}"),
              json("{\"id\":\"" + second + "\",\"input\":\"q\"}"),
              json("{\"id\":\"mine\"}"),
              json("{\"id\":\"theirs\"}"),
              json("{\"id\":\"" + empty + "\"}")),
          insertBatches(wm).get(0));
      assertThrows(IllegalArgumentException.class, () -> logs.log(Map.of("id", 42)));
      assertThrows(IllegalArgumentException.class, () -> logs.merge(" ", Map.of("output", 1)));
      assertThrows(
          IllegalArgumentException.class,
          () -> logs.feedback(new io.github.bt4j.models.FeedbackProjectLogsItem()));
      assertThrows(
          IllegalArgumentException.class, () -> logs.merge("a", Map.of("id", "b", "output", 1)));
    }
  }

  @Test
  void storeIdsMustBeUuids(WireMockRuntimeInfo wm) {
    try (BraintrustClient client = client(wm, waits())) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> EventWriter.projectLogs(client, "my-project"));
      assertEquals("projectId must be a UUID, got \"my-project\"", e.getMessage());
    }
  }
}
