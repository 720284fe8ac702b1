package io.github.bt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a test sees of a fake: its address, what it received and what it holds, and reset. */
class FakeBraintrustTest {
  private final HttpFixture api = new HttpFixture();
  private final FakeBraintrust fake = api.fake;

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aStartedFakeServesOnLoopbackUntilClosed() throws Exception {
    FakeBraintrust other = FakeBraintrust.start();
    String baseUrl = other.baseUrl();
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/project"))
            .header("Authorization", "Bearer " + FakeBraintrust.DEFAULT_API_KEY)
            .build();

    assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+"), baseUrl);
    assertEquals(FakeBraintrust.DEFAULT_API_KEY, other.apiKey());
    assertEquals(200, send(ping).statusCode());
    assertEquals("FakeBraintrust{" + baseUrl + "}", other.toString());

    other.close();
    other.close(); // a second close does nothing
    assertThrows(ConnectException.class, () -> send(ping));
  }

  @Test
  void everyRequestIsRecordedInOrderAsItCame() {
    String project = api.project("logged");
    api.post("/v1/project_logs/" + project + "/insert", "{\"events\": [{\"input\": \"q\"}]}");
    api.get("/v1/project?project_name=a%20b&limit=2");
    api.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/nothing")).build());

    List<RecordedRequest> requests = fake.requests();

    assertEquals(
        List.of(
            "POST /v1/project",
            "POST /v1/project_logs/" + project + "/insert",
            "GET /v1/project",
            "GET /v1/nothing"),
        requests.stream().map(RecordedRequest::toString).toList());
    RecordedRequest insert = requests.get(1);
    assertEquals("POST", insert.method());
    assertEquals("/v1/project_logs/" + project + "/insert", insert.path());
    assertEquals(
        JsonParser.parseString("{\"events\": [{\"input\": \"q\"}]}"),
        JsonParser.parseString(insert.body()));
    assertEquals("application/json", insert.header("content-type"));
    assertEquals("Bearer " + fake.apiKey(), insert.header("AUTHORIZATION"));
    assertNull(insert.query());
    RecordedRequest list = requests.get(2);
    assertEquals("project_name=a%20b&limit=2", list.query());
    assertEquals("a b", list.queryParameter("project_name"));
    assertNull(list.queryParameter("org_name"));
    assertEquals("", list.body());
    assertNull(requests.get(3).header("Authorization"), "refused requests are recorded too");
  }

  @Test
  void queriesAreRecordedAsSentEvenWhenRejected() {
    String project = api.project("queried");
    String sql = "SELECT id FROM project_logs('" + project + "')";
    String structured =
        "{\"from\":{\"op\":\"function\",\"name\":{\"op\":\"ident\",\"name\":[\"project_logs\"]},"
            + "\"args\":[{\"op\":\"literal\",\"value\":\""
            + project
            + "\"}]},\"select\":[{\"op\":\"star\"}]}";

    api.post("/btql", "{\"query\": \"" + sql + "\"}");
    api.post("/btql", "{\"query\": " + structured + ", \"fmt\": \"jsonl\"}");
    assertEquals(400, api.post("/btql", "{\"query\": \"DELETE FROM logs\"}").status());

    assertEquals(List.of(sql, structured, "DELETE FROM logs"), fake.queries());
  }

  @Test
  void eventsArePerObjectAfterMergesAndDeletes() {
    String project = api.project("p");
    String experiment = api.child("experiment", project, "e");
    String dataset = api.child("dataset", project, "d");
    String logs = "/v1/project_logs/" + project + "/insert";
    api.ok(logs, "{\"events\": [{\"id\": \"a\", \"input\": 1}, {\"id\": \"b\", \"input\": 2}]}");
    api.ok(logs, "{\"events\": [{\"id\": \"a\", \"_is_merge\": true, \"output\": 10}]}");
    api.ok(logs, "{\"events\": [{\"id\": \"b\", \"_object_delete\": true}, {\"id\": \"c\"}]}");
    api.ok("/v1/experiment/" + experiment + "/insert", "{\"events\": [{\"input\": \"x\"}]}");

    List<JsonObject> rows = fake.projectLogs(project);

    assertEquals(List.of("a", "c"), rows.stream().map(r -> r.get("id").getAsString()).toList());
    assertEquals(1, rows.get(0).get("input").getAsInt());
    assertEquals(10, rows.get(0).get("output").getAsInt());
    assertEquals(project, rows.get(0).get("project_id").getAsString());
    assertEquals("x", fake.experimentEvents(experiment).get(0).get("input").getAsString());
    assertEquals(List.of(), fake.datasetEvents(dataset));

    rows.get(0).addProperty("input", 99);
    assertEquals(1, fake.projectLogs(project).get(0).get("input").getAsInt(), "rows are copies");
  }

  @Test
  void objectsAreTheLiveOnesOldestFirst() {
    String first = api.project("first");
    String gone = api.project("gone");
    api.project("third");
    api.send(api.request("/v1/project/" + gone).DELETE().build());

    assertEquals(List.of("first", "third"), names(fake.objects(ObjectType.PROJECT)));
    assertEquals(first, fake.objects(ObjectType.PROJECT).get(0).get("id").getAsString());
    assertEquals(List.of(FakeBraintrust.ORG_NAME), names(fake.objects(ObjectType.ORGANIZATION)));
    assertEquals(List.of("Viewer", "Engineer", "Owner"), names(fake.objects(ObjectType.ROLE)));
    assertEquals(List.of(), fake.objects(ObjectType.DATASET));
  }

  @Test
  void resetForgetsEverythingButTheAddressKeyAndOrganization() {
    String project = api.project("before");
    api.post("/btql", "{\"query\": \"SELECT id FROM project_logs('" + project + "')\"}");
    String baseUrl = fake.baseUrl();
    List<JsonObject> users = fake.objects(ObjectType.USER);
    List<JsonObject> roles = fake.objects(ObjectType.ROLE);

    fake.reset();

    assertEquals(List.of(), fake.requests());
    assertEquals(List.of(), fake.queries());
    assertEquals(List.of(), fake.objects(ObjectType.PROJECT));
    assertThrows(IllegalArgumentException.class, () -> fake.projectLogs(project));
    assertEquals(404, api.get("/v1/project/" + project).status());
    assertEquals(baseUrl, fake.baseUrl());
    assertEquals(users, fake.objects(ObjectType.USER));
    assertEquals(roles, fake.objects(ObjectType.ROLE));
    assertEquals(
        "before", api.ok("/v1/project", "{\"name\": \"before\"}").get("name").getAsString());
  }

  @Test
  void badArgumentsAreRejectedByName() {
    String project = api.project("p");
    String unknown = UUID.randomUUID().toString();

    IllegalArgumentException noProject =
        assertThrows(IllegalArgumentException.class, () -> fake.projectLogs(unknown));
    IllegalArgumentException notAnExperiment =
        assertThrows(IllegalArgumentException.class, () -> fake.experimentEvents(project));
    IllegalArgumentException noDataset =
        assertThrows(IllegalArgumentException.class, () -> fake.datasetEvents(null));
    IllegalArgumentException noType =
        assertThrows(IllegalArgumentException.class, () -> fake.objects(null));

    assertEquals(
        "projectId: the fake Braintrust holds no project with id " + unknown,
        noProject.getMessage());
    assertTrue(
        notAnExperiment.getMessage().startsWith("experimentId: "), notAnExperiment.getMessage());
    assertTrue(noDataset.getMessage().startsWith("datasetId: "), noDataset.getMessage());
    assertEquals("type must not be null", noType.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FakeBraintrust.builder().apiKey(" "));
    assertThrows(IllegalArgumentException.class, () -> FakeBraintrust.builder().apiKey(null));
    assertThrows(IllegalArgumentException.class, () -> FakeBraintrust.builder().streamPacing(null));
  }

  @Test
  void recordedRequestsNeverShowTheKeyOrTheBody() {
    FakeBraintrust keyed = FakeBraintrust.builder().apiKey("sk-secret-test-key").start();
    try (HttpFixture other = new HttpFixture(keyed)) {
      other.post("/v1/project", "{\"name\": \"sk-secret-test-key\"}");

      RecordedRequest request = keyed.requests().get(0);
      assertFalse(request.toString().contains("sk-secret"), request.toString());
      assertFalse(keyed.toString().contains("sk-secret"), keyed.toString());
    }
  }

  private static List<String> names(List<JsonObject> objects) {
    return objects.stream().map(o -> o.get("name").getAsString()).toList();
  }

  private static HttpResponse<Void> send(HttpRequest request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
  }
}
