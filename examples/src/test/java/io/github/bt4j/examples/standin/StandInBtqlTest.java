package io.github.bt4j.examples.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.generated.model.BtqlQueryRequest;
import io.github.bt4j.generated.model.BtqlQueryResponse;
import io.github.bt4j.generated.model.CreateDataset;
import io.github.bt4j.generated.model.CreateExperiment;
import io.github.bt4j.generated.model.CreateProject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guide's queries, run through the client against rows the test inserted. */
class StandInBtqlTest {
  private final StandInFixture api = new StandInFixture();
  private final UUID project =
      api.client.projects().create(new CreateProject().name("btql")).getId();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void reviewStatusInSqlAndBtql() {
    UUID experiment =
        api.client
            .experiments()
            .create(new CreateExperiment().projectId(project).name("e"))
            .getId();
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
    UUID logs = project;
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
      List<Map<String, Object>> rows = query(q).getData();
      assertEquals(6, rows.size(), q);
      List<Double> durations = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        Map<?, ?> attributes = (Map<?, ?>) row.get("span_attributes");
        Map<?, ?> metrics = (Map<?, ?>) row.get("metrics");
        if (attributes.get("name").equals("llm")) {
          durations.add(
              ((Number) metrics.get("end")).doubleValue()
                  - ((Number) metrics.get("start")).doubleValue());
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
    Map<String, Object> stats = query(average).getData().get(0);
    assertEquals(6.0, ((Number) stats.get("avg_duration")).doubleValue());
    assertEquals(6.0, ((Number) stats.get("spans")).doubleValue());
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

    List<Map<String, Object>> found = query(find).getData();
    StringBuilder deletes = new StringBuilder();
    for (Map<String, Object> row : found) {
      deletes.append(deletes.length() == 0 ? "" : ",");
      deletes.append("{\"id\": \"").append(row.get("id")).append("\", \"_object_delete\": true}");
    }
    StandInFixture.Answer deleted = api.post(insert, "{\"events\": [" + deletes + "]}");

    assertEquals(Set.of("a", "c"), ids(found));
    assertEquals(2, deleted.json().getAsJsonObject().getAsJsonArray("row_ids").size());
    assertEquals(List.of(), query(find).getData());
    assertEquals(
        Set.of("b"), ids(query("SELECT id FROM project_logs('" + project + "')").getData()));
  }

  @Test
  void structuredQueriesPageADatasetInJsonLines() {
    UUID dataset =
        api.client.datasets().create(new CreateDataset().projectId(project).name("big")).getId();
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
      StandInFixture.Answer page = api.post("/btql", body);
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
    UUID experiment =
        api.client
            .experiments()
            .create(new CreateExperiment().projectId(project).name("paged"))
            .getId();
    api.post(
        "/v1/experiment/" + experiment + "/insert",
        "{\"events\": [{\"id\": \"1\"}, {\"id\": \"2\"}, {\"id\": \"3\"}]}");
    String base = "select: id | from: experiment('" + experiment + "') | limit: 2";

    BtqlQueryResponse first = query(base);
    BtqlQueryResponse second = query(base + " | cursor: '" + first.getCursor() + "'");
    BtqlQueryResponse third = query(base + " | cursor: '" + second.getCursor() + "'");

    assertEquals(2, first.getData().size());
    assertEquals(1, second.getData().size());
    assertEquals(List.of(), third.getData());
    assertNull(third.getCursor());
    assertEquals(Set.of("1", "2", "3"), ids(concat(first.getData(), second.getData())));
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
    StandInFixture.Answer answer =
        api.post("/btql", "{\"query\": \"SELECT * FROM experiment('" + UUID.randomUUID() + "')\"}");
    assertEquals(404, answer.status());
  }

  private void assertRejected(String query, String reason) {
    BadRequestException e = assertThrows(BadRequestException.class, () -> query(query), query);
    assertTrue(e.serverMessage().contains(reason), e.serverMessage());
  }

  private BtqlQueryResponse query(String query) {
    return api.client
        .btql()
        .query(new BtqlQueryRequest().query(query).fmt(BtqlQueryRequest.FmtEnum.JSON));
  }

  private static Map<String, Long> onlyRowAsLongs(BtqlQueryResponse response) {
    assertEquals(1, response.getData().size());
    Map<String, Long> row = new TreeMap<>();
    response.getData().get(0).forEach((k, v) -> row.put(k, ((Number) v).longValue()));
    return row;
  }

  private static Set<Object> ids(List<Map<String, Object>> rows) {
    Set<Object> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.get("id")));
    return ids;
  }

  private static List<Map<String, Object>> concat(
      List<Map<String, Object>> a, List<Map<String, Object>> b) {
    List<Map<String, Object>> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
