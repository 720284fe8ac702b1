package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static io.github.bt4j.TestClients.respondInTurn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.errors.ApiException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.models.CreateExperiment;
import io.github.bt4j.models.CrossObjectInsertRequest;
import io.github.bt4j.models.CrossObjectInsertRequestExperimentValue;
import io.github.bt4j.models.CrossObjectInsertRequestProjectLogsValue;
import io.github.bt4j.models.FeedbackProjectLogsItem;
import io.github.bt4j.models.InsertExperimentEvent;
import io.github.bt4j.models.InsertProjectLogsEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A write is sent again only when the request as sent cannot be applied twice: a create only when
 * the server would return the existing object, an insert only once each of its events has an id.
 * The caller's objects are never changed. Waits are recorded, not slept.
 */
@WireMockTest
class IdempotentWritesTest {
  private static final String EXPERIMENT_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  private static final String CROSS_INSERT = "/v1/insert";
  private static final String LOGS_INSERT = "/v1/project_logs/" + PROJECT_ID + "/insert";

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private BraintrustClient client(WireMockRuntimeInfo wm) {
    return TestClients.builder(wm).sleeper(sleeper).build();
  }

  private static ResponseDefinitionBuilder gatewayTimeout() {
    return aResponse().withStatus(504).withBody("gateway timeout");
  }

  private static ResponseDefinitionBuilder experiment() {
    return okJson(
        "{\"id\":\""
            + EXPERIMENT_ID
            + "\",\"project_id\":\""
            + PROJECT_ID
            + "\",\"name\":\"nightly\"}");
  }

  private static List<JsonObject> bodiesOf(String path) {
    List<JsonObject> bodies = new ArrayList<>();
    for (LoggedRequest r : findAll(postRequestedFor(urlEqualTo(path)))) {
      bodies.add(JsonParser.parseString(r.getBodyAsString()).getAsJsonObject());
    }
    return bodies;
  }

  private static CreateExperiment newExperiment() {
    return new CreateExperiment().projectId(PROJECT_ID);
  }

  @Test
  void aCreateWithoutANameIsSentOnceBecauseEachSendMakesANewObject(WireMockRuntimeInfo wm) {
    stubFor(post("/v1/experiment").willReturn(gatewayTimeout()));
    try (BraintrustClient client = client(wm)) {
      InternalServerException e =
          assertThrows(
              InternalServerException.class, () -> client.experiments().create(newExperiment()));
      assertEquals(1, e.attempts().count());
    }
    assertEquals(1, bodiesOf("/v1/experiment").size());
  }

  @Test
  void aCreateThatAsksForANewObjectIsSentOnceEvenWithAName(WireMockRuntimeInfo wm) {
    stubFor(post("/v1/experiment").willReturn(gatewayTimeout()));
    try (BraintrustClient client = client(wm)) {
      assertThrows(
          InternalServerException.class,
          () -> client.experiments().create(newExperiment().name("nightly").ensureNew(true)));
    }
    assertEquals(1, bodiesOf("/v1/experiment").size());
  }

  @Test
  void aNamedCreateIsRetriedBecauseTheServerReturnsTheExistingObject(WireMockRuntimeInfo wm) {
    respondInTurn(() -> post("/v1/experiment"), gatewayTimeout(), experiment());
    try (BraintrustClient client = client(wm)) {
      assertEquals(
          EXPERIMENT_ID,
          client
              .experiments()
              .create(newExperiment().name("nightly").ensureNew(false))
              .getId()
              .toString());
    }
    assertEquals(2, bodiesOf("/v1/experiment").size());
    assertEquals(1, sleeper.waits().size());
  }

  @Test
  void aRetriedCrossObjectInsertCarriesTheSameIdsForEveryEventOfEveryObject(
      WireMockRuntimeInfo wm) {
    respondInTurn(() -> post(CROSS_INSERT), gatewayTimeout(), okJson("{}"));
    InsertProjectLogsEvent log = new InsertProjectLogsEvent().input("q");
    InsertExperimentEvent scored = new InsertExperimentEvent().input("a");
    CrossObjectInsertRequest request =
        new CrossObjectInsertRequest()
            .putProjectLogsItem(
                PROJECT_ID,
                new CrossObjectInsertRequestProjectLogsValue().events(List.of(log, log)))
            .putExperimentItem(
                EXPERIMENT_ID,
                new CrossObjectInsertRequestExperimentValue().events(List.of(scored)));
    try (BraintrustClient client = client(wm)) {
      client.crossObject().insert(request);
    }

    List<JsonObject> attempts = bodiesOf(CROSS_INSERT);
    assertEquals(2, attempts.size());
    assertEquals(attempts.get(0), attempts.get(1), "the retry is the same request, ids included");
    JsonArray logs = events(attempts.get(0), "project_logs", PROJECT_ID);
    JsonArray experiments = events(attempts.get(0), "experiment", EXPERIMENT_ID);
    Set<String> ids = new HashSet<>();
    for (JsonElement e : concat(logs, experiments)) {
      String id = e.getAsJsonObject().get("id").getAsString();
      assertEquals(id, id.toString());
      ids.add(id);
    }
    assertEquals(3, ids.size(), "one object passed twice is two events with two ids");
    assertNull(log.getId(), "the caller's event is left as it was");
    assertNull(scored.getId());
  }

  @Test
  void aCrossObjectInsertWithFeedbackIsSentOnce(WireMockRuntimeInfo wm) {
    stubFor(post(CROSS_INSERT).willReturn(gatewayTimeout()));
    CrossObjectInsertRequest request =
        new CrossObjectInsertRequest()
            .putProjectLogsItem(
                PROJECT_ID,
                new CrossObjectInsertRequestProjectLogsValue()
                    .events(List.of(new InsertProjectLogsEvent().input("q")))
                    .feedback(List.of(new FeedbackProjectLogsItem().id("row-1").comment("good"))));
    try (BraintrustClient client = client(wm)) {
      assertThrows(InternalServerException.class, () -> client.crossObject().insert(request));
    }
    assertEquals(1, bodiesOf(CROSS_INSERT).size());
  }

  @Test
  void aWriteRefusedWithRetryAfterZeroIsNotResentBeneathTheRetryPolicy(WireMockRuntimeInfo wm) {
    // OkHttp itself resends a request whose 503 says "Retry-After: 0", whatever the body is.
    stubFor(
        post(CROSS_INSERT)
            .willReturn(
                aResponse().withStatus(503).withHeader("Retry-After", "0").withBody("busy")));
    CrossObjectInsertRequest request =
        new CrossObjectInsertRequest()
            .putProjectLogsItem(
                PROJECT_ID,
                new CrossObjectInsertRequestProjectLogsValue()
                    .feedback(List.of(new FeedbackProjectLogsItem().id("row-1").comment("good"))));
    try (BraintrustClient client = client(wm)) {
      ApiException e = assertThrows(ApiException.class, () -> client.crossObject().insert(request));
      assertEquals(503, e.statusCode());
    }
    assertEquals(1, bodiesOf(CROSS_INSERT).size(), "feedback is never sent twice");
  }

  @Test
  void anInsertOfOneObjectTwiceStoresTwoRowsAndLeavesTheObjectAlone(WireMockRuntimeInfo wm) {
    stubFor(post(LOGS_INSERT).willReturn(okJson("{\"row_ids\":[\"a\",\"b\"]}")));
    InsertProjectLogsEvent event = new InsertProjectLogsEvent().input("same");
    try (BraintrustClient client = client(wm)) {
      client.logs().insert(PROJECT_ID, List.of(event, event));
      client.logs().insert(PROJECT_ID, List.of(event));
    }
    List<JsonObject> bodies = bodiesOf(LOGS_INSERT);
    JsonArray first = bodies.get(0).getAsJsonArray("events");
    JsonArray second = bodies.get(1).getAsJsonArray("events");
    assertEquals(2, first.size());
    String a = first.get(0).getAsJsonObject().get("id").getAsString();
    String b = first.get(1).getAsJsonObject().get("id").getAsString();
    String c = second.get(0).getAsJsonObject().get("id").getAsString();
    assertNotEquals(a, b);
    assertTrue(c != null && !c.equals(a) && !c.equals(b), "a new insert is a new row");
    assertNull(event.getId());
  }

  private static JsonArray events(JsonObject body, String objectType, String objectId) {
    return body.getAsJsonObject(objectType).getAsJsonObject(objectId).getAsJsonArray("events");
  }

  private static List<JsonElement> concat(JsonArray a, JsonArray b) {
    List<JsonElement> all = new ArrayList<>();
    a.forEach(all::add);
    b.forEach(all::add);
    return all;
  }
}
