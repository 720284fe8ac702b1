package io.github.bt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeObjectsTest {
  private final HttpFixture api = new HttpFixture();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void creatingAProjectTwiceReturnsTheFirst() {
    JsonObject first = api.ok("/v1/project", "{\"name\": \"rest_test\"}");
    JsonObject again = api.ok("/v1/project", "{\"name\": \"rest_test\", \"description\": \"new\"}");

    assertEquals(first.get("id"), again.get("id"));
    assertFalse(again.has("description"));
    assertEquals("rest_test", api.ok("/v1/project/" + id(first)).get("name").getAsString());
    assertTrue(first.has("org_id"));
    assertTrue(first.has("created"));
  }

  @Test
  void experimentsClashByNameUnlessEnsureNew() {
    String project = api.project("p");
    String create = "{\"project_id\": \"" + project + "\", \"name\": \"e\"";
    JsonObject first = api.ok("/v1/experiment", create + "}");
    JsonObject same = api.ok("/v1/experiment", create + "}");
    JsonObject fresh = api.ok("/v1/experiment", create + ", \"ensure_new\": true}");
    JsonObject unnamed = api.ok("/v1/experiment", "{\"project_id\": \"" + project + "\"}");

    assertEquals(first.get("id"), same.get("id"));
    assertNotEquals(first.get("id"), fresh.get("id"));
    assertEquals("e-2", fresh.get("name").getAsString());
    assertEquals("experiment", unnamed.get("name").getAsString());
    assertFalse(first.get("public").getAsBoolean());
  }

  @Test
  void childObjectsNeedAnExistingProject() {
    HttpFixture.Answer answer =
        api.post("/v1/dataset", "{\"project_id\": \"" + UUID.randomUUID() + "\", \"name\": \"d\"}");

    assertEquals(400, answer.status());
    assertTrue(answer.body().startsWith("project_id: no project with id"), answer.body());
  }

  @Test
  void listsPageNewestFirstWithStartingAfterAndEndingBefore() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ids.add(api.project("p" + i));
    }

    assertEquals(List.of("p5", "p4"), names("/v1/project?limit=2"));
    assertEquals(List.of("p3", "p2"), names("/v1/project?limit=2&starting_after=" + ids.get(3)));
    assertEquals(List.of("p4", "p3"), names("/v1/project?limit=2&ending_before=" + ids.get(1)));
    assertEquals(List.of("p2"), names("/v1/project?project_name=p2"));
    assertEquals(
        List.of("p3", "p1"), names("/v1/project?ids=" + ids.get(0) + "&ids=" + ids.get(2)));
    assertEquals(List.of(), names("/v1/project?org_name=another-org"));
  }

  @Test
  void datasetsAndExperimentsFilterByProjectAndName() {
    String a = api.project("a");
    String b = api.project("b");
    JsonObject inA =
        api.ok("/v1/dataset", "{\"project_id\": \"" + a + "\", \"name\": \"Golden Set\"}");
    api.child("dataset", b, "Golden Set");
    api.child("experiment", a, "x");
    api.child("experiment", b, "x");

    List<JsonObject> found =
        api.get("/v1/dataset?project_name=a&dataset_name=Golden%20Set").objects();
    assertEquals(List.of(id(inA)), found.stream().map(FakeObjectsTest::id).toList());
    assertEquals("golden-set", inA.get("url_slug").getAsString());
    assertEquals(1, api.get("/v1/experiment?project_id=" + b).objects().size());
  }

  @Test
  void deletedObjectsAreGoneAndFreeTheirName() {
    String p = api.project("short-lived");

    HttpFixture.Answer deleted = api.send(api.request("/v1/project/" + p).DELETE().build());
    HttpFixture.Answer gone = api.get("/v1/project/" + p);

    assertEquals(200, deleted.status());
    assertTrue(deleted.object().has("deleted_at"));
    assertEquals(404, gone.status());
    assertEquals("project " + p + " not found", gone.body());
    assertNotEquals(p, api.project("short-lived"));
  }

  @Test
  void patchDeepMergesFields() {
    String p = api.project("p");

    HttpFixture.Answer patched =
        api.send(api.method("PATCH", "/v1/project/" + p, "{\"description\": \"d\"}").build());

    assertEquals("d", patched.object().get("description").getAsString());
    assertEquals("p", patched.object().get("name").getAsString());
    assertEquals("d", api.ok("/v1/project/" + p).get("description").getAsString());
  }

  @Test
  void malformedRequestsAreBadRequestsInPlainText() {
    HttpFixture.Answer notJson = api.post("/v1/project", "{name: unquoted}");
    HttpFixture.Answer notUuid = api.get("/v1/project/not-a-uuid");
    HttpFixture.Answer noName = api.post("/v1/project", "{}");

    assertEquals(400, notJson.status());
    assertTrue(notJson.contentType().startsWith("text/plain"), notJson.contentType());
    assertTrue(notJson.body().startsWith("malformed JSON body"), notJson.body());
    assertEquals(400, notUuid.status());
    assertEquals("project_id must be a UUID, got 'not-a-uuid'", notUuid.body());
    assertEquals("name is required to create a project", noName.body());
  }

  @Test
  void unknownPathsAndMethodsAreAnswered() {
    assertEquals(404, api.get("/v1/nothing-here").status());
    assertEquals(405, api.post("/v1/user", "{}").status());
  }

  private List<String> names(String path) {
    return api.get(path).objects().stream().map(o -> o.get("name").getAsString()).toList();
  }

  private static String id(JsonObject o) {
    return o.get("id").getAsString();
  }
}
