package io.github.bt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeEventsTest {
  private final HttpFixture api = new HttpFixture();
  private final String project = api.project("events");
  private final String experiment = api.child("experiment", project, "exp");

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void fetchPagesThroughEveryTraceWithCursors() {
    List<String> inserted = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      inserted.addAll(insert("{\"input\": " + i + ", \"output\": " + i * 2 + "}"));
    }

    Set<String> seen = new HashSet<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    while (true) {
      String body =
          "{\"limit\": 3" + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}";
      JsonObject page = api.ok("/v1/experiment/" + experiment + "/fetch", body);
      List<JsonObject> events = events(page);
      if (events.isEmpty()) {
        assertFalse(page.has("cursor"));
        break;
      }
      pageSizes.add(events.size());
      events.forEach(e -> assertTrue(seen.add(id(e)), "seen twice: " + id(e)));
      cursor = page.get("cursor").getAsString();
    }

    assertEquals(List.of(3, 3, 3, 1), pageSizes);
    assertEquals(new HashSet<>(inserted), seen);
  }

  @Test
  void eachWriteIsANewerTransaction() {
    insert("{\"id\": \"a\"}", "{\"id\": \"b\"}");
    insert("{\"id\": \"c\"}");

    List<JsonObject> events = fetch("");
    Map<String, Long> xact = new HashMap<>();
    events.forEach(e -> xact.put(id(e), e.get("_xact_id").getAsLong()));

    assertEquals(xact.get("a"), xact.get("b"));
    assertTrue(xact.get("c") > xact.get("a"));
    assertEquals("c", id(events.get(0)), "newest first");
    assertEquals(experiment, events.get(0).get("experiment_id").getAsString());
    assertEquals(project, events.get(0).get("project_id").getAsString());
  }

  @Test
  void theGetFormPagesWithTheDeprecatedTransactionCursor() {
    for (int i = 0; i < 5; i++) {
      insert("{\"input\": " + i + "}");
    }
    Set<String> seen = new HashSet<>();
    String position = "";
    for (int page = 0; page < 3; page++) {
      List<JsonObject> events = fetch("?limit=2" + position);
      events.forEach(e -> seen.add(id(e)));
      JsonObject oldest = events.get(events.size() - 1);
      position =
          "&max_xact_id="
              + oldest.get("_xact_id").getAsString()
              + "&max_root_span_id="
              + oldest.get("root_span_id").getAsString();
    }

    assertEquals(5, seen.size());
    assertEquals(List.of(), fetch("?limit=2" + position));
  }

  @Test
  void aTraceComesWholeWhateverTheLimit() {
    api.ok(
        "/v1/experiment/" + experiment + "/insert",
        """
        {"events": [
          {"id": "root", "span_id": "s0", "root_span_id": "s0", "input": "q"},
          {"id": "child1", "span_id": "s1", "root_span_id": "s0", "span_parents": ["s0"]},
          {"id": "child2", "_parent_id": "root"}
        ]}""");

    List<JsonObject> events =
        events(api.ok("/v1/experiment/" + experiment + "/fetch", "{\"limit\": 1}"));

    assertEquals(3, events.size());
    JsonObject child2 = byId(events, "child2");
    assertEquals("s0", child2.get("root_span_id").getAsString());
    assertEquals(json("[\"s0\"]"), child2.get("span_parents"));
    assertFalse(child2.get("is_root").getAsBoolean());
    assertTrue(byId(events, "root").get("is_root").getAsBoolean());
  }

  @Test
  void writesMergeReplaceAndDeleteAndOldVersionsStayReadable() {
    insert("{\"id\": \"row\", \"input\": {\"a\": 5, \"b\": 10}}");
    String firstVersion = only().get("_xact_id").getAsString();
    insert("{\"id\": \"row\", \"_is_merge\": true, \"input\": {\"b\": 11, \"c\": 20}}");
    assertEquals(json("{\"a\": 5, \"b\": 11, \"c\": 20}"), only().get("input"));

    insert("{\"id\": \"row\", \"input\": {\"b\": 11}}");
    assertEquals(json("{\"b\": 11}"), only().get("input"));

    insert("{\"id\": \"row\", \"_object_delete\": true}");
    assertEquals(List.of(), fetch(""));

    List<JsonObject> asBefore = fetch("?version=" + firstVersion);
    assertEquals(json("{\"a\": 5, \"b\": 10}"), asBefore.get(0).get("input"));
  }

  @Test
  void mergePathsStopTheDeepMerge() {
    insert("{\"id\": \"r\", \"input\": {\"a\": {\"b\": 10}, \"c\": {\"d\": 20}}}");
    insert(
        "{\"id\": \"r\", \"_is_merge\": true, \"_merge_paths\": [[\"input\", \"a\"]],"
            + " \"input\": {\"a\": {\"q\": 30}, \"c\": {\"e\": 30}}, \"tags\": [\"x\", \"y\"]}");
    insert(
        "{\"id\": \"r\", \"_is_merge\": true,"
            + " \"_array_delete\": [{\"path\": [\"tags\"], \"delete\": [\"x\"]}]}");

    JsonObject row = only();
    assertEquals(json("{\"a\": {\"q\": 30}, \"c\": {\"d\": 20, \"e\": 30}}"), row.get("input"));
    assertEquals(json("[\"y\"]"), row.get("tags"));
  }

  @Test
  void anInvalidEventRejectsTheWholeRequest() {
    HttpFixture.Answer rejected =
        api.post(
            "/v1/experiment/" + experiment + "/insert",
            "{\"events\": [{\"id\": \"ok\"}, {\"id\": \"bad\", \"scores\": {\"accuracy\": 1.5}}]}");
    HttpFixture.Answer unknown =
        api.post("/v1/experiment/" + UUID.randomUUID() + "/insert", "{\"events\": []}");

    assertEquals(400, rejected.status());
    assertEquals(
        "events[1].scores.accuracy must be a number between 0 and 1, got 1.5", rejected.body());
    assertEquals(List.of(), fetch(""));
    assertEquals(404, unknown.status());
  }

  @Test
  void feedbackIsStoredOnTheRow() {
    insert("{\"id\": \"r\", \"scores\": {\"accuracy\": 0.5}}");

    api.ok(
        "/v1/experiment/" + experiment + "/feedback",
        "{\"feedback\": [{\"id\": \"r\", \"scores\": {\"response quality\": 1},"
            + " \"comment\": \"well put\", \"tags\": [\"reviewed\"], \"metadata\": {\"user_id\": \"u1\"}}]}");
    HttpFixture.Answer missing =
        api.post(
            "/v1/experiment/" + experiment + "/feedback",
            "{\"feedback\": [{\"id\": \"missing\"}]}");

    JsonObject row = only();
    assertEquals(json("{\"accuracy\": 0.5, \"response quality\": 1}"), row.get("scores"));
    assertEquals(json("[\"reviewed\"]"), row.get("tags"));
    assertEquals(1, row.getAsJsonArray("comments").size());
    assertEquals(
        "well put",
        row.getAsJsonArray("comments").get(0).getAsJsonObject().get("text").getAsString());
    assertEquals(
        json("{\"user_id\": \"u1\"}"),
        row.getAsJsonArray("audit_data").get(0).getAsJsonObject().get("metadata"));
    assertEquals(400, missing.status());
  }

  @Test
  void summariesAreComputedFromTheStoredScores() {
    String baseline = api.child("experiment", project, "baseline");
    for (int i = 0; i < 4; i++) {
      insertInto(baseline, scored(i, "0.25", 0));
      insert(scored(i, i < 3 ? "0.5" : "0.25", 2));
    }

    JsonObject plain = api.ok("/v1/experiment/" + experiment + "/summarize");
    JsonObject full =
        api.ok(
            "/v1/experiment/"
                + experiment
                + "/summarize?summarize_scores=true&comparison_experiment_id="
                + baseline);

    assertEquals("events", plain.get("project_name").getAsString());
    assertEquals("exp", plain.get("experiment_name").getAsString());
    assertFalse(plain.has("scores"));
    assertTrue(full.get("experiment_url").getAsString().endsWith("/p/events/experiments/exp"));
    assertEquals("baseline", full.get("comparison_experiment_name").getAsString());
    JsonObject accuracy = full.getAsJsonObject("scores").getAsJsonObject("accuracy");
    assertEquals(0.4375, accuracy.get("score").getAsDouble());
    assertEquals(0.1875, accuracy.get("diff").getAsDouble());
    assertEquals(3, accuracy.get("improvements").getAsInt());
    assertEquals(0, accuracy.get("regressions").getAsInt());
    JsonObject duration = full.getAsJsonObject("metrics").getAsJsonObject("duration");
    assertEquals(2.0, duration.get("metric").getAsDouble());
    assertEquals("s", duration.get("unit").getAsString());
    assertEquals(4, duration.get("regressions").getAsInt());
  }

  @Test
  void projectLogsAndDatasetsKeepTheirOwnRows() {
    api.ok(
        "/v1/project_logs/" + project + "/insert",
        "{\"events\": [{\"id\": \"log1\", \"input\": \"hi\"}]}");
    String dataset = api.child("dataset", project, "d");
    api.ok(
        "/v1/dataset/" + dataset + "/insert",
        "{\"events\": [{\"input\": \"x\"}, {\"input\": \"y\"}]}");

    List<JsonObject> logs = events(api.ok("/v1/project_logs/" + project + "/fetch"));
    assertEquals(List.of("log1"), logs.stream().map(FakeEventsTest::id).toList());
    assertEquals("g", logs.get(0).get("log_id").getAsString());
    assertEquals(2, events(api.ok("/v1/dataset/" + dataset + "/fetch")).size());
    JsonObject summary = api.ok("/v1/dataset/" + dataset + "/summarize?summarize_data=true");
    assertEquals(2, summary.getAsJsonObject("data_summary").get("total_records").getAsInt());
  }

  private static String scored(int input, String accuracy, int seconds) {
    return "{\"input\": "
        + input
        + ", \"scores\": {\"accuracy\": "
        + accuracy
        + "}, \"metrics\": {\"start\": 100, \"end\": "
        + (100 + seconds)
        + "}}";
  }

  /** Inserts events (each a JSON object's text) into the experiment; returns their row ids. */
  private List<String> insert(String... events) {
    return insertInto(experiment, events);
  }

  private List<String> insertInto(String id, String... events) {
    JsonObject answer =
        api.ok(
            "/v1/experiment/" + id + "/insert", "{\"events\": [" + String.join(",", events) + "]}");
    return answer.getAsJsonArray("row_ids").asList().stream()
        .map(JsonElement::getAsString)
        .toList();
  }

  /** The events of the experiment's GET fetch with {@code query} (like {@code ?limit=2}). */
  private List<JsonObject> fetch(String query) {
    return events(api.ok("/v1/experiment/" + experiment + "/fetch" + query));
  }

  private JsonObject only() {
    List<JsonObject> events = fetch("");
    assertEquals(1, events.size());
    return events.get(0);
  }

  private static List<JsonObject> events(JsonObject page) {
    assertNotNull(page.get("events"), page.toString());
    return page.getAsJsonArray("events").asList().stream()
        .map(JsonElement::getAsJsonObject)
        .toList();
  }

  private static JsonObject byId(List<JsonObject> rows, String id) {
    return rows.stream().filter(e -> id(e).equals(id)).findFirst().orElseThrow();
  }

  private static String id(JsonObject row) {
    return row.get("id").getAsString();
  }

  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }
}
