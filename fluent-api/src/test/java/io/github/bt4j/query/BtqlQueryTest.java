package io.github.bt4j.query;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.bt4j.pagination.PagingTestSupport.client;
import static io.github.bt4j.pagination.PagingTestSupport.noConnectionInUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.pagination.AutoPager;
import io.github.bt4j.pagination.Page;
import io.github.bt4j.pagination.PageIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WireMockTest
class BtqlQueryTest {
  private static final String SQL = "SELECT id, n FROM project_logs('p')";

  /** A JSON-lines body of rows n = from..to. */
  private static String lines(int from, int to) {
    StringBuilder s = new StringBuilder();
    for (int n = from; n <= to; n++) {
      s.append("{\"id\":\"r").append(n).append("\",\"n\":").append(n).append("}\n");
    }
    return s.toString();
  }

  /** The request body of a SQL page. */
  private static String sqlPage(int limit, String cursor) {
    String query = SQL + "\\nLIMIT " + limit + (cursor == null ? "" : " OFFSET '" + cursor + "'");
    return "{\"query\":\"" + query + "\",\"fmt\":\"jsonl\"}";
  }

  private static void page(WireMock wm, String requestBody, ResponseDefinitionBuilder response) {
    wm.register(
        post(urlEqualTo("/btql")).withRequestBody(equalToJson(requestBody)).willReturn(response));
  }

  private static List<String> requestBodies(WireMock wm) {
    List<String> bodies = new ArrayList<>();
    for (LoggedRequest r : wm.find(postRequestedFor(urlEqualTo("/btql")))) {
      bodies.add(r.getBodyAsString());
    }
    return bodies;
  }

  private static List<Integer> ns(Iterable<JsonObject> rows) {
    List<Integer> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get("n").getAsInt()));
    return out;
  }

  @Test
  void jsonLinesPagesFollowTheCursorHeaderUntilAnEmptyPage(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(2, null), ok(lines(1, 2)).withHeader("x-bt-cursor", "h1"));
    page(wm, sqlPage(2, "h1"), ok(lines(3, 4)).withHeader("x-amz-meta-bt_cursor", "h2"));
    page(wm, sqlPage(2, "h2"), ok("\n").withHeader("x-bt-cursor", "h3"));
    try (BraintrustClient client = client(info)) {
      assertEquals(List.of(1, 2, 3, 4), ns(client.queries().sql(SQL).pageSize(2).rows()));
    }
    assertEquals(3, requestBodies(wm).size(), "the empty page ends the walk despite its cursor");
  }

  @Test
  void aTotalLimitHoldsAcrossPages(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(2, null), ok(lines(1, 2)).withHeader("x-bt-cursor", "h1"));
    page(wm, sqlPage(2, "h1"), ok(lines(3, 4)).withHeader("x-bt-cursor", "h2"));
    // The server returns more rows than the last page asked for: they are not handed out.
    page(wm, sqlPage(1, "h2"), ok(lines(5, 6)).withHeader("x-bt-cursor", "h3"));
    page(wm, sqlPage(1, "h1"), ok(lines(3, 4)).withHeader("x-bt-cursor", "h2"));
    try (BraintrustClient client = client(info)) {
      assertEquals(
          List.of(1, 2, 3, 4, 5), ns(client.queries().sql(SQL + " LIMIT 5").pageSize(2).rows()));
      assertEquals(
          List.of(1, 2, 3),
          ns(client.queries().sql(SQL + " LIMIT 5").pageSize(2).maxRows(3).rows()));
    }
    assertEquals(5, requestBodies(wm).size());
  }

  @Test
  void structuredJsonQueryWithTheCursorInTheBody(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    String from =
        "\"from\":{\"op\":\"function\",\"name\":{\"op\":\"ident\",\"name\":[\"dataset\"]},"
            + "\"args\":[{\"op\":\"literal\",\"value\":\"d1\"}]},\"select\":[{\"op\":\"star\"}]";
    page(
        wm,
        "{\"query\":{" + from + ",\"limit\":3},\"fmt\":\"json\",\"version\":\"42\"}",
        okJson("{\"data\":[{\"n\":1},{\"n\":2},{\"n\":3}],\"schema\":{},\"cursor\":\"b1\"}"));
    page(
        wm,
        "{\"query\":{"
            + from
            + ",\"limit\":3,\"cursor\":\"b1\"},\"fmt\":\"json\",\"version\":\"42\"}",
        okJson("{\"cursor\":null,\"data\":[{\"n\":4}]}"));
    try (BraintrustClient client = client(info)) {
      Map<String, Object> query =
          Map.of(
              "from",
              Map.of(
                  "op",
                  "function",
                  "name",
                  Map.of("op", "ident", "name", List.of("dataset")),
                  "args",
                  List.of(Map.of("op", "literal", "value", "d1"))),
              "select",
              List.of(Map.of("op", "star")));
      BtqlQuery q =
          client.queries().structured(query).format(QueryFormat.JSON).pageSize(3).version("42");
      assertEquals(List.of(1, 2, 3, 4), ns(q.rows()));
      AutoPager<Map<String, Object>> asMaps =
          q.rows(new TypeToken<Map<String, Object>>() {}.getType());
      List<Map<String, Object>> maps = asMaps.stream().collect(Collectors.toList());
      assertEquals(4, maps.size());
      assertEquals(1, ((Number) maps.get(0).get("n")).intValue());
    }
  }

  @Test
  void aJsonPageGivesTheSchemaWarningsAndFreshnessBesideItsRows(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    String body =
        "{\"schema\":{\"type\":\"array\"},\"data\":[{\"id\":\"r1\",\"n\":1}],"
            + "\"warnings\":[\"slow scan\"],\"cursor\":\"c1\","
            + "\"freshness_state\":{\"last_processed_xact_id\":\"9\"},"
            + "\"realtime_state\":{\"type\":\"on\"}}";
    wm.register(post(urlEqualTo("/btql")).willReturn(okJson(body)));
    try (BraintrustClient client = client(info)) {
      Page<JsonObject> page = client.queries().sql(SQL).format(QueryFormat.JSON).rows().firstPage();

      assertEquals(List.of(1), ns(page.items()));
      assertEquals("c1", page.nextCursor().orElseThrow());
      assertEquals(JsonParser.parseString("{\"type\":\"array\"}"), page.field("schema"));
      assertEquals(JsonParser.parseString("[\"slow scan\"]"), page.field("warnings"));
      assertEquals(
          "9",
          page.field("freshness_state")
              .getAsJsonObject()
              .get("last_processed_xact_id")
              .getAsString());
      assertEquals(
          List.of("schema", "warnings", "freshness_state", "realtime_state"),
          new ArrayList<>(page.fields().keySet()));
    }
  }

  /** A row class of the caller's. */
  static final class Row {
    @SerializedName("id")
    String rowId;

    long n;
  }

  @Test
  void rowsMapToTheCallersClassAndBadRowsAreTypedErrors(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(1000, null), ok(lines(7, 8)));
    String btql = "select: id, n\\nfrom: project_logs('p')\\nlimit: 1000";
    page(wm, "{\"query\":\"" + btql + "\",\"fmt\":\"jsonl\"}", ok("{\"n\":1}\nnot json\n"));
    try (BraintrustClient client = client(info)) {
      List<Row> rows =
          client.queries().sql(SQL).rows(Row.class).stream().collect(Collectors.toList());
      assertEquals("r7", rows.get(0).rowId);
      assertEquals(8, rows.get(1).n);
      UnexpectedResponseException e =
          assertThrows(
              UnexpectedResponseException.class,
              () ->
                  client.queries().btql("select: id, n\nfrom: project_logs('p')").rows().stream()
                      .count());
      assertTrue(e.getMessage().contains("line 2"), e.getMessage());
      assertTrue(noConnectionInUse(client));
    }
  }

  @Test
  void anEmptyLastPageThatRepeatsTheCursorEndsTheWalk(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(2, null), ok(lines(1, 2)).withHeader("x-bt-cursor", "h1"));
    page(wm, sqlPage(2, "h1"), ok(lines(3, 4)).withHeader("x-bt-cursor", "h2"));
    page(wm, sqlPage(2, "h2"), ok("").withHeader("x-bt-cursor", "h2"));
    try (BraintrustClient client = client(info)) {
      assertEquals(List.of(1, 2, 3, 4), ns(client.queries().sql(SQL).pageSize(2).rows()));
    }
    assertEquals(3, requestBodies(wm).size());
  }

  @Test
  void blankLinesBetweenRowsAndAPageOfOnlyBlankLinesAreNoRows(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(
        wm,
        sqlPage(2, null),
        ok("\n" + lines(1, 1) + "\n  \r\n" + lines(2, 2) + "\n").withHeader("x-bt-cursor", "h1"));
    page(wm, sqlPage(2, "h1"), ok(" \n\n\t\n").withHeader("x-bt-cursor", "h2"));
    try (BraintrustClient client = client(info)) {
      assertEquals(List.of(1, 2), ns(client.queries().sql(SQL).pageSize(2).rows()));
    }
    assertEquals(2, requestBodies(wm).size());
  }

  @Test
  void aLimitInACommentIsNoLimit(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(1000, null), ok(lines(1, 7)));
    try (BraintrustClient client = client(info)) {
      assertEquals(7, ns(client.queries().sql(SQL + "\n-- note: LIMIT 5").rows()).size());
      assertEquals(7, ns(client.queries().sql(SQL + " /* LIMIT 5 */").rows()).size());
    }
    assertEquals(2, requestBodies(wm).size());
  }

  @Test
  void aLimitFollowedByACommentIsTheQuerysLimit(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(3, null), ok(lines(1, 3)).withHeader("x-bt-cursor", "h1"));
    try (BraintrustClient client = client(info)) {
      assertEquals(
          List.of(1, 2, 3), ns(client.queries().sql(SQL + " LIMIT 3 -- top three").rows()));
      assertEquals(
          List.of(1, 2, 3), ns(client.queries().sql(SQL + " LIMIT 3; /* top */ -- three").rows()));
    }
    assertEquals(2, requestBodies(wm).size(), "one page each: the limit is the whole walk's");
  }

  @Test
  void aCursorThatDoesNotAdvanceEndsInAnError(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(1000, null), ok(lines(1, 1)).withHeader("x-bt-cursor", "h1"));
    page(wm, sqlPage(1000, "h1"), ok(lines(2, 2)).withHeader("x-bt-cursor", "h1"));
    try (BraintrustClient client = client(info)) {
      List<Integer> seen = new ArrayList<>();
      assertThrows(
          PaginationException.class,
          () -> client.queries().sql(SQL).rows().forEach(r -> seen.add(r.get("n").getAsInt())));
      assertEquals(List.of(1), seen);
    }
    assertEquals(2, requestBodies(wm).size());
  }

  @Test
  void findFirstFetchesOnePageAndBreakReleasesTheConnection(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(1000, null), ok(lines(1, 500)).withHeader("x-bt-cursor", "h1"));
    try (BraintrustClient client = client(info)) {
      assertEquals(
          1,
          client.queries().sql(SQL).rows().stream().findFirst().orElseThrow().get("n").getAsInt());
      assertEquals(1, requestBodies(wm).size());
      int count = 0;
      for (JsonObject row : client.queries().sql(SQL).rows()) {
        if (++count == 3) {
          break;
        }
      }
      assertTrue(noConnectionInUse(client));
    }
    assertEquals(2, requestBodies(wm).size());
  }

  @Test
  void aServerErrorThatPersistsSurfacesTypedAndTheReadResumesFromItsCursor(
      WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, sqlPage(2, null), ok(lines(1, 2)).withHeader("x-bt-cursor", "h1"));
    page(wm, sqlPage(2, "h1"), ok(lines(3, 4)).withHeader("x-bt-cursor", "h2"));
    page(wm, sqlPage(2, "h2"), aResponse().withStatus(503).withBody("{\"error\":\"busy\"}"));
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (BraintrustClient client = client(info, waits)) {
      BtqlQuery q = client.queries().sql(SQL).pageSize(2);
      PageIterator<JsonObject> it = q.rows().iterator();
      List<Integer> seen = new ArrayList<>();
      InternalServerException e =
          assertThrows(
              InternalServerException.class,
              () -> it.forEachRemaining(r -> seen.add(r.get("n").getAsInt())));
      assertEquals(503, e.statusCode());
      assertEquals(List.of(1, 2, 3, 4), seen);
      assertEquals(2, waits.size());
      String resume = it.resumeCursor().orElseThrow();
      assertEquals("h2", resume);

      page(wm, sqlPage(2, "h2"), ok(lines(5, 5)));
      assertEquals(List.of(5), ns(q.rows().startingAt(resume)));
    }
  }

  /** {@code n} ids, "i0" to "i(n-1)". */
  private static List<String> ids(int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> "i" + i)
        .collect(Collectors.toList());
  }

  /** The insert body that deletes {@code ids}. */
  private static String deletions(List<String> ids) {
    return ids.stream()
        .map(id -> "{\"id\":\"" + id + "\",\"_object_delete\":true}")
        .collect(Collectors.joining(",", "{\"events\":[", "]}"));
  }

  @Test
  void deletesGoOutInBatchesOfObjectDeleteEvents(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    String url = "/v1/project_logs/3c90c3cc-0d44-4b50-8888-8dd25736052a/insert";
    wm.register(post(urlEqualTo(url)).willReturn(okJson("{\"row_ids\":[\"x\",\"y\"]}")));
    List<String> ids = ids(2 * Queries.DELETE_BATCH_SIZE + 1);
    try (BraintrustClient client = client(info)) {
      long acknowledged =
          client
              .queries()
              .deleteProjectLogs(
                  "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                  ids,
                  io.github.bt4j.core.RequestOptions.none());
      assertEquals(6, acknowledged);
    }
    List<String> bodies = new ArrayList<>();
    for (LoggedRequest r : wm.find(postRequestedFor(urlEqualTo(url)))) {
      bodies.add(r.getBodyAsString());
    }
    assertEquals(3, bodies.size());
    wm.verifyThat(
        postRequestedFor(urlEqualTo(url))
            .withRequestBody(equalToJson(deletions(ids.subList(0, Queries.DELETE_BATCH_SIZE)))));
    wm.verifyThat(
        postRequestedFor(urlEqualTo(url))
            .withRequestBody(
                equalToJson(deletions(ids.subList(2 * Queries.DELETE_BATCH_SIZE, ids.size())))));
  }

  @Test
  void experimentAndDatasetDeletesGoToTheirOwnInsertEndpoints(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    String id = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    String experiment = "/v1/experiment/" + id + "/insert";
    String dataset = "/v1/dataset/" + id + "/insert";
    wm.register(post(urlEqualTo(experiment)).willReturn(okJson("{\"row_ids\":[\"x\"]}")));
    wm.register(post(urlEqualTo(dataset)).willReturn(okJson("{\"row_ids\":[\"x\",\"y\"]}")));
    List<String> ids = ids(Queries.DELETE_BATCH_SIZE + 1);
    try (BraintrustClient client = client(info)) {
      assertEquals(2, client.queries().deleteExperimentEvents(id, ids, none()));
      assertEquals(2, client.queries().deleteDatasetEvents(id, List.of("d", "e")));
    }
    wm.verifyThat(2, postRequestedFor(urlEqualTo(experiment)));
    wm.verifyThat(
        postRequestedFor(urlEqualTo(experiment))
            .withRequestBody(equalToJson(deletions(List.of(ids.get(Queries.DELETE_BATCH_SIZE))))));
    wm.verifyThat(
        1,
        postRequestedFor(urlEqualTo(dataset))
            .withRequestBody(equalToJson(deletions(List.of("d", "e")))));
  }

  private static io.github.bt4j.core.RequestOptions none() {
    return io.github.bt4j.core.RequestOptions.none();
  }
}
