package io.github.bt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guide's queries, run against rows the test inserted. */
class FakeBtqlTest {
  private final HttpFixture api = new HttpFixture();
  private final String project = api.project("btql");

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void reviewStatusInSqlAndBtql() {
    String experiment = api.child("experiment", project, "e");
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      String review = i < 2 ? ", \"response quality\": 1" : "";
      events.append(i == 0 ? "" : ",");
      events.append("{\"id\": \"r").append(i).append("\", \"scores\": {\"accuracy\": 0.5");
      events.append(review).append("}}");
    }
    events.append(
        ", {\"id\": \"child\", \"_parent_id\": \"r0\", \"scores\": {\"response quality\": 0}}");
    api.post("/v1/experiment/" + experiment + "/insert", "{\"events\": [" + events + "]}");

    String sql =
        "SELECT\n"
            + "  sum(CASE WHEN scores.\"response quality\" IS NOT NULL THEN 1 ELSE 0 END) AS reviewed,\n"
            + "  sum(CASE WHEN is_root THEN 1 ELSE 0 END) AS total\n"
            + "FROM experiment('"
            + experiment
            + "')";
    String btql =
        "from: experiment('"
            + experiment
            + "')\n"
            + "measures: sum(scores.\"response quality\" IS NOT NULL) AS reviewed, count(1) AS total\n"
            + "filter: is_root -- Only count traces, not spans\n";

    assertEquals(Map.of("reviewed", 3L, "total", 5L), onlyRowAsLongs(query(sql)));
    assertEquals(Map.of("reviewed", 2L, "total", 5L), onlyRowAsLongs(query(btql)));
  }

  @Test
  void childSpansOfTracesWithSomeMetadata() {
    String logs = project;
    String insert = "/v1/project_logs/" + logs + "/insert";
    for (int t = 0; t < 4; t++) {
      String org = t < 3 ? "qawolf" : "other";
      api.post(
          insert,
          String.format(
              "{\"events\": ["
                  + "{\"id\": \"root%1$d\", \"span_id\": \"s%1$d\", \"metadata\": {\"orgName\": \"%2$s\"},"
                  + " \"span_attributes\": {\"name\": \"root\"}, \"metrics\": {\"start\": 0, \"end\": 10}},"
                  + "{\"id\": \"llm%1$d\", \"span_id\": \"c%1$d\", \"root_span_id\": \"s%1$d\","
                  + " \"span_parents\": [\"s%1$d\"], \"span_attributes\": {\"name\": \"llm\"},"
                  + " \"metrics\": {\"start\": %1$d, \"end\": %3$d}}]}",
              t, org, t + 2));
    }
    String sql =
        "SELECT span_attributes, metrics\n"
            + "FROM project_logs('"
            + logs
            + "', shape => 'traces')\n"
            + "WHERE metadata.orgName = 'qawolf'\n"
            + "LIMIT 10";
    String btql =
        "select: span_attributes, metrics\n"
            + "from: project_logs('"
            + logs
            + "') traces\n"
            + "filter: metadata.orgName = 'qawolf'\n"
            + "limit:10";

    for (String q : List.of(sql, btql)) {
      List<JsonObject> rows = query(q).data();
      assertEquals(6, rows.size(), q);
      List<Double> durations = new ArrayList<>();
      for (JsonObject row : rows) {
        JsonObject metrics = row.getAsJsonObject("metrics");
        if (row.getAsJsonObject("span_attributes").get("name").getAsString().equals("llm")) {
          durations.add(metrics.get("end").getAsDouble() - metrics.get("start").getAsDouble());
        }
      }
      assertEquals(List.of(2.0, 2.0, 2.0), durations);
    }
    String average =
        "SELECT avg(metrics.end - metrics.start) AS avg_duration, count(*) AS spans"
            + " FROM project_logs('"
            + logs
            + "', shape => 'traces')"
            + " WHERE metadata.orgName = 'qawolf' OR span_attributes.name = 'nothing'";
    JsonObject stats = query(average).data().get(0);
    assertEquals(6.0, stats.get("avg_duration").getAsDouble());
    assertEquals(6.0, stats.get("spans").getAsDouble());
  }

  @Test
  void deleteTheLogsAQueryFinds() {
    String insert = "/v1/project_logs/" + project + "/insert";
    api.post(
        insert,
        "{\"events\": [{\"id\": \"a\", \"metadata\": {\"user_id\": \"u1\"}},"
            + " {\"id\": \"b\", \"metadata\": {\"user_id\": \"u2\"}},"
            + " {\"id\": \"c\", \"metadata\": {\"user_id\": \"u1\"}}]}");
    String find =
        "SELECT id FROM project_logs('"
            + project
            + "', shape => 'traces')"
            + " WHERE metadata.user_id = 'u1'";

    List<JsonObject> found = query(find).data();
    StringBuilder deletes = new StringBuilder();
    for (JsonObject row : found) {
      deletes.append(deletes.length() == 0 ? "" : ",");
      deletes.append("{\"id\": ").append(row.get("id")).append(", \"_object_delete\": true}");
    }
    HttpFixture.Answer deleted = api.post(insert, "{\"events\": [" + deletes + "]}");

    assertEquals(Set.of("a", "c"), ids(found));
    assertEquals(2, deleted.json().getAsJsonObject().getAsJsonArray("row_ids").size());
    assertEquals(List.of(), query(find).data());
    assertEquals(Set.of("b"), ids(query("SELECT id FROM project_logs('" + project + "')").data()));
  }

  @Test
  void structuredQueriesPageADatasetInJsonLines() {
    String dataset = api.child("dataset", project, "big");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      rows.append(i == 0 ? "" : ",").append("{\"input\": ").append(i).append('}');
    }
    api.post("/v1/dataset/" + dataset + "/insert", "{\"events\": [" + rows + "]}");

    Set<Object> inputs = new HashSet<>();
    List<Integer> pages = new ArrayList<>();
    String cursor = null;
    while (true) {
      String body =
          "{\"query\": {\"from\": {\"op\": \"function\", \"name\": {\"op\": \"ident\", \"name\":"
              + " [\"dataset\"]}, \"args\": [{\"op\": \"literal\", \"value\": \""
              + dataset
              + "\"}]},"
              + " \"select\": [{\"op\": \"star\"}], \"limit\": 10, \"cursor\": "
              + (cursor == null ? "null" : "\"" + cursor + "\"")
              + "}, \"fmt\": \"jsonl\"}";
      HttpFixture.Answer page = api.post("/btql", body);
      assertEquals(200, page.status(), page.body());
      assertEquals("application/x-jsonlines", page.contentType());
      int count = 0;
      for (String line : page.body().split("\n")) {
        if (!line.isBlank()) {
          inputs.add(JsonParser.parseString(line).getAsJsonObject().get("input").getAsInt());
          count++;
        }
      }
      if (count == 0) {
        assertNull(page.cursor());
        break;
      }
      pages.add(count);
      assertTrue(pages.size() <= 3, "the cursor does not advance");
      cursor = page.cursor();
      assertNotNull(cursor);
    }

    assertEquals(List.of(10, 10, 5), pages);
    assertEquals(25, inputs.size());
  }

  @Test
  void btqlTextPagesWithTheCursorClause() {
    String experiment = api.child("experiment", project, "paged");
    api.post(
        "/v1/experiment/" + experiment + "/insert",
        "{\"events\": [{\"id\": \"1\"}, {\"id\": \"2\"}, {\"id\": \"3\"}]}");
    String base = "select: id | from: experiment('" + experiment + "') | limit: 2";

    HttpFixture.Answer first = query(base);
    HttpFixture.Answer second = query(base + " | cursor: '" + cursor(first) + "'");
    HttpFixture.Answer third = query(base + " | cursor: '" + cursor(second) + "'");

    assertEquals(2, first.data().size());
    assertEquals(1, second.data().size());
    assertEquals(List.of(), third.data());
    assertNull(third.cursor());
    assertEquals(cursor(first), first.cursor(), "the cursor is in the body and the header");
    assertEquals(Set.of("1", "2", "3"), ids(concat(first.data(), second.data())));
  }

  @Test
  void unsupportedQueriesAreBadRequestsThatSayWhy() {
    String from = " FROM experiment('" + UUID.randomUUID() + "')";
    assertRejected("SELECT id" + from + " ORDER BY id", "expected the end of the query");
    assertRejected("SELECT id, count(1)" + from, "column id is not inside an aggregate");
    assertRejected("SELECT lower(id)" + from, "unsupported function lower");
    assertRejected("SELECT id" + from + " WHERE count(1) > 1", "aggregates cannot be used");
    assertRejected(
        "SELECT id FROM project_logs('" + project + "', shape => 'summary')",
        "unsupported shape 'summary'");
    assertRejected(
        "select: id\nfrom: project_logs('" + project + "')\nsort: id", "the clause 'sort:'");
    assertRejected("DELETE FROM logs", "neither SQL");
    assertRejected("SELECT 'unterminated", "unterminated ' quote");
  }

  @Test
  void unknownSourcesAreNotFound() {
    HttpFixture.Answer answer =
        api.post("/btql", "{\"query\": \"SELECT * FROM experiment('" + UUID.randomUUID() + "')\"}");
    assertEquals(404, answer.status());
  }

  private void assertRejected(String query, String reason) {
    HttpFixture.Answer answer = query(query);
    assertEquals(400, answer.status(), query);
    assertTrue(answer.body().contains(reason), answer.body());
  }

  /** Runs {@code query} in {@code fmt: json}; a 200 unless the test checks otherwise. */
  private HttpFixture.Answer query(String query) {
    JsonObject body = new JsonObject();
    body.addProperty("query", query);
    body.addProperty("fmt", "json");
    return api.post("/btql", body.toString());
  }

  private static String cursor(HttpFixture.Answer page) {
    assertEquals(200, page.status(), page.body());
    return page.object().get("cursor").getAsString();
  }

  private static Map<String, Long> onlyRowAsLongs(HttpFixture.Answer response) {
    assertEquals(200, response.status(), response.body());
    assertEquals(1, response.data().size());
    Map<String, Long> row = new TreeMap<>();
    response.data().get(0).entrySet().forEach(e -> row.put(e.getKey(), e.getValue().getAsLong()));
    return row;
  }

  private static Set<String> ids(List<JsonObject> rows) {
    Set<String> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.get("id").getAsString()));
    return ids;
  }

  private static List<JsonObject> concat(List<JsonObject> a, List<JsonObject> b) {
    List<JsonObject> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
