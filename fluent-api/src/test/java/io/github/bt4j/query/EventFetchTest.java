package io.github.bt4j.query;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.bt4j.pagination.PagingTestSupport.client;
import static io.github.bt4j.pagination.PagingTestSupport.id;
import static io.github.bt4j.pagination.PagingTestSupport.noConnectionInUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.models.ProjectLogsEvent;
import io.github.bt4j.pagination.PageIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WireMockTest
class EventFetchTest {
  private static final String PROJECT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static final String URL = "/v1/project_logs/" + PROJECT + "/fetch";

  /** A row of project logs: id n at transaction xact. */
  private static String row(int n, long xact) {
    return "{\"id\":\""
        + id(n)
        + "\",\"_xact_id\":\""
        + xact
        + "\",\"project_id\":\""
        + PROJECT
        + "\",\"log_id\":\"g\",\"span_id\":\"s"
        + n
        + "\",\"root_span_id\":\"r"
        + n
        + "\",\"input\":\"q"
        + n
        + "@"
        + xact
        + "\"}";
  }

  private static String events(String cursor, String... rows) {
    return "{\"events\":["
        + String.join(",", rows)
        + "]"
        + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
        + "}";
  }

  private static void page(WireMock wm, String requestBody, String responseBody) {
    wm.register(
        post(urlEqualTo(URL))
            .withRequestBody(equalToJson(requestBody))
            .willReturn(okJson(responseBody)));
  }

  private static List<String> requestBodies(WireMock wm) {
    List<String> bodies = new ArrayList<>();
    for (LoggedRequest r : wm.find(postRequestedFor(urlEqualTo(URL)))) {
      bodies.add(r.getBodyAsString());
    }
    return bodies;
  }

  private static List<String> inputs(Iterable<JsonObject> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get("input").getAsString()));
    return out;
  }

  /** Three pages; page 2 repeats row 1 with an earlier _xact_id; page 3 is empty. */
  private static void threePagesWithADuplicate(WireMock wm) {
    page(wm, "{\"limit\":2,\"version\":\"900\"}", events("c1", row(1, 900), row(2, 800)));
    page(
        wm,
        "{\"limit\":2,\"version\":\"900\",\"cursor\":\"c1\"}",
        events("c2", row(3, 700), row(1, 600)));
    page(wm, "{\"limit\":2,\"version\":\"900\",\"cursor\":\"c2\"}", events(null));
  }

  @Test
  void followsTheCursorAndKeepsTheNewestVersionOfEachId(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    threePagesWithADuplicate(wm);
    try (BraintrustClient client = client(info)) {
      EventFetch fetch = client.queries().fetchProjectLogs(PROJECT).tracesPerPage(2).version("900");
      assertEquals(List.of("q1@900", "q2@800", "q3@700"), inputs(fetch.events()));
      assertEquals(3, requestBodies(wm).size());
      assertEquals(
          List.of("q1@900", "q2@800", "q3@700", "q1@600"),
          inputs(fetch.deduplicate(false).events()),
          "raw rows include the older version");
    }
  }

  @Test
  void rowsMapToTheGeneratedEventClass(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    threePagesWithADuplicate(wm);
    try (BraintrustClient client = client(info)) {
      List<ProjectLogsEvent> events =
          client
              .queries()
              .fetchProjectLogs(PROJECT.toString())
              .tracesPerPage(2)
              .version("900")
              .events(ProjectLogsEvent.class)
              .stream()
              .collect(Collectors.toList());
      assertEquals(
          List.of(id(1), id(2), id(3)),
          events.stream().map(ProjectLogsEvent::getId).collect(Collectors.toList()));
      assertEquals("900", events.get(0).getXactId());
    }
  }

  @Test
  void aRateLimitedPageIsRetriedAfterTheServersWait(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9)));
    page(wm, "{\"limit\":1000,\"cursor\":\"c1\"}", events("c2", row(2, 8)));
    wm.register(
        post(urlEqualTo(URL))
            .withRequestBody(equalToJson("{\"limit\":1000,\"cursor\":\"c2\"}"))
            .inScenario("page 3")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("rate limited once")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
    wm.register(
        post(urlEqualTo(URL))
            .withRequestBody(equalToJson("{\"limit\":1000,\"cursor\":\"c2\"}"))
            .inScenario("page 3")
            .whenScenarioStateIs("rate limited once")
            .willReturn(okJson(events("c3", row(3, 7)))));
    page(wm, "{\"limit\":1000,\"cursor\":\"c3\"}", events(null));
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (BraintrustClient client = client(info, waits)) {
      assertEquals(
          List.of("q1@9", "q2@8", "q3@7"),
          inputs(client.queries().fetchProjectLogs(PROJECT).events()));
    }
    assertEquals(List.of(Duration.ofSeconds(3)), waits);
    assertEquals(5, requestBodies(wm).size());
  }

  @Test
  void aServerErrorSurfacesAfterRetriesAndTheIteratorResumes(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9), row(2, 8)));
    wm.register(
        post(urlEqualTo(URL))
            .withRequestBody(equalToJson("{\"limit\":1000,\"cursor\":\"c1\"}"))
            .willReturn(aResponse().withStatus(500).withBody("boom")));
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (BraintrustClient client = client(info, waits)) {
      PageIterator<JsonObject> it = client.queries().fetchProjectLogs(PROJECT).events().iterator();
      assertEquals("q1@9", it.next().get("input").getAsString());
      assertEquals("q2@8", it.next().get("input").getAsString());
      assertThrows(InternalServerException.class, it::hasNext);
      assertEquals(2, waits.size(), "the client's two retries ran first");
      assertEquals("c1", it.resumeCursor().orElseThrow());
      assertTrue(noConnectionInUse(client));

      page(wm, "{\"limit\":1000,\"cursor\":\"c1\"}", events("c2", row(2, 5), row(3, 4)));
      page(wm, "{\"limit\":1000,\"cursor\":\"c2\"}", events(null));
      List<String> rest = new ArrayList<>();
      it.forEachRemaining(r -> rest.add(r.get("input").getAsString()));
      assertEquals(List.of("q3@4"), rest, "the same iterator still knows row 2");
    }
    assertEquals(6, requestBodies(wm).size());
  }

  @Test
  void aPageWhoseBodyBreaksOffIsAskedForAgainByTheSameIterator(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9)));
    String second = "{\"limit\":1000,\"cursor\":\"c1\"}";
    wm.register(
        post(urlEqualTo(URL))
            .withRequestBody(equalToJson(second))
            .inScenario("page 2")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("broken once")
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    wm.register(
        post(urlEqualTo(URL))
            .withRequestBody(equalToJson(second))
            .inScenario("page 2")
            .whenScenarioStateIs("broken once")
            .willReturn(okJson(events(null, row(2, 8)))));
    try (BraintrustClient client = client(info)) {
      PageIterator<JsonObject> it = client.queries().fetchProjectLogs(PROJECT).events().iterator();
      assertEquals("q1@9", it.next().get("input").getAsString());
      ConnectionException e = assertThrows(ConnectionException.class, it::hasNext);
      assertTrue(e.getCause() instanceof java.io.IOException, String.valueOf(e.getCause()));
      assertEquals("c1", it.resumeCursor().orElseThrow());
      assertEquals("q2@8", it.next().get("input").getAsString(), "the page was asked for again");
      assertFalse(it.hasNext());
    }
    assertEquals(3, requestBodies(wm).size());
  }

  @Test
  void anEmptyPageWithACursorIsFollowed(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9)));
    page(wm, "{\"limit\":1000,\"cursor\":\"c1\"}", events("c2"));
    page(wm, "{\"limit\":1000,\"cursor\":\"c2\"}", events("c3"));
    page(wm, "{\"limit\":1000,\"cursor\":\"c3\"}", events(null, row(2, 8), row(3, 7)));
    try (BraintrustClient client = client(info)) {
      assertEquals(
          List.of("q1@9", "q2@8", "q3@7"),
          inputs(client.queries().fetchProjectLogs(PROJECT).events()));
    }
    assertEquals(4, requestBodies(wm).size());
  }

  @Test
  void anEmptyPageWhoseCursorWasFollowedEndsTheWalkQuietly(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9)));
    page(wm, "{\"limit\":1000,\"cursor\":\"c1\"}", events("c2"));
    page(wm, "{\"limit\":1000,\"cursor\":\"c2\"}", events("c1"));
    try (BraintrustClient client = client(info)) {
      assertEquals(List.of("q1@9"), inputs(client.queries().fetchProjectLogs(PROJECT).events()));
    }
    assertEquals(3, requestBodies(wm).size());
  }

  @Test
  void aCursorThatDoesNotAdvanceEndsInAnError(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9)));
    page(wm, "{\"limit\":1000,\"cursor\":\"c1\"}", events("c1", row(2, 8)));
    try (BraintrustClient client = client(info)) {
      List<String> seen = new ArrayList<>();
      PageIterator<JsonObject> it = client.queries().fetchProjectLogs(PROJECT).events().iterator();
      PaginationException e =
          assertThrows(
              PaginationException.class,
              () -> it.forEachRemaining(r -> seen.add(r.get("input").getAsString())));
      // The cursor of a fetch page is in its body, so it is checked once the page has been read.
      assertEquals(List.of("q1@9", "q2@8"), seen);
      assertEquals("c1", e.cursor());
      assertThrows(PaginationException.class, it::hasNext, "the walk stays broken");
    }
    assertEquals(2, requestBodies(wm).size());
  }

  @Test
  void aServerThatIgnoresTheCursorEndsInAnErrorEvenWithFreshCursors(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9)));
    page(wm, "{\"limit\":1000,\"cursor\":\"c1\"}", events("c2", row(1, 9)));
    try (BraintrustClient client = client(info)) {
      assertThrows(
          PaginationException.class,
          () -> client.queries().fetchProjectLogs(PROJECT).events().stream().count());
    }
  }

  @Test
  void findFirstAndBreakFetchOnePageAndReleaseTheConnection(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "{\"limit\":1000}", events("c1", row(1, 9), row(2, 8)));
    page(wm, "{\"limit\":1000,\"cursor\":\"c1\"}", events(null));
    try (BraintrustClient client = client(info)) {
      EventFetch fetch = client.queries().fetchProjectLogs(PROJECT);
      assertEquals(
          "q1@9", fetch.events().stream().findFirst().orElseThrow().get("input").getAsString());
      assertEquals(1, requestBodies(wm).size());
      for (JsonObject row : fetch.events()) {
        assertFalse(row.isEmpty());
        break;
      }
      assertTrue(noConnectionInUse(client));
    }
    assertEquals(2, requestBodies(wm).size());
  }

  @Test
  void aWalkStartedAtACursorSendsItOnTheFirstPage(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    String experimentUrl = "/v1/experiment/" + PROJECT + "/fetch";
    wm.register(
        post(urlEqualTo(experimentUrl))
            .withRequestBody(equalToJson("{\"limit\":5,\"cursor\":\"c0\"}"))
            .willReturn(okJson(events("c1", row(6, 70)))));
    wm.register(
        post(urlEqualTo(experimentUrl))
            .withRequestBody(equalToJson("{\"limit\":5,\"cursor\":\"c1\"}"))
            .willReturn(okJson(events(null))));
    try (BraintrustClient client = client(info)) {
      assertEquals(
          List.of("q6@70"),
          inputs(
              client
                  .queries()
                  .fetchExperiment(PROJECT)
                  .tracesPerPage(5)
                  .events()
                  .startingAt("c0")));
    }
  }

  @Test
  void aFilterJsonCannotCarryIsRefusedNamingTheFieldAndNothingIsSent(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    wm.register(post(urlEqualTo(URL)).willReturn(okJson(events(null))));
    com.google.gson.JsonArray filters = new com.google.gson.JsonArray();
    JsonObject filter = new JsonObject();
    filter.addProperty("type", "path_lookup");
    filter.addProperty("value", Double.NaN);
    filters.add(filter);
    try (BraintrustClient client = client(info)) {
      EventFetch fetch = client.queries().fetchProjectLogs(PROJECT).filters(filters);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> fetch.events(ProjectLogsEvent.class).iterator().hasNext());
      assertTrue(e.getMessage().contains("filters"), e.getMessage());
    }
    assertEquals(List.of(), requestBodies(wm), "nothing is sent");
  }
}
