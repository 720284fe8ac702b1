package io.github.bt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeAuthTest {
  private final HttpFixture api = new HttpFixture();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void callsWithoutTheKeyAreUnauthorized() {
    HttpFixture.Answer missing =
        api.send(HttpRequest.newBuilder(URI.create(api.fake.baseUrl() + "/v1/project")).build());
    HttpFixture.Answer wrongKey =
        api.send(
            api.request("/v1/project").setHeader("Authorization", "Bearer sk-not-the-key").build());
    HttpFixture.Answer notBearer =
        api.send(api.request("/v1/project").setHeader("Authorization", "Basic abc").build());

    assertEquals(401, missing.status());
    assertEquals(
        "Missing Authorization header: send 'Authorization: Bearer <your API key>'",
        missing.body());
    assertNotNull(missing.requestId());
    assertEquals(401, wrongKey.status());
    assertEquals("Invalid API key", wrongKey.body());
    assertEquals(
        "Malformed Authorization header: expected 'Bearer <your API key>'", notBearer.body());
  }

  @Test
  void aFakeAcceptsTheKeyItWasStartedWith() {
    try (HttpFixture other = new HttpFixture(FakeBraintrust.builder().apiKey("sk-mine").start())) {
      assertEquals("sk-mine", other.fake.apiKey());
      assertEquals(200, other.get("/v1/project").status());
      assertEquals(
          401,
          other
              .send(
                  other
                      .request("/v1/project")
                      .setHeader("Authorization", "Bearer " + FakeBraintrust.DEFAULT_API_KEY)
                      .build())
              .status());
    }
  }

  @Test
  void impersonatedCallsActAsTheMember() {
    String alice = FakeBraintrust.MEMBER_EMAILS.get(0);
    String aliceId = userByEmail(alice).get("id").getAsString();

    JsonObject mine = api.ok("/v1/project", "{\"name\": \"mine\"}");
    JsonObject hers = impersonating(alice, "/v1/project", "{\"name\": \"hers\"}");
    JsonObject byId = impersonating(aliceId, "/v1/project", "{\"name\": \"hers-too\"}");

    assertEquals(
        userByEmail(FakeBraintrust.OWNER_EMAIL).get("id"), mine.get("user_id"), "the key's owner");
    assertEquals(aliceId, hers.get("user_id").getAsString());
    assertEquals(aliceId, byId.get("user_id").getAsString());
    assertEquals(alice, api.ok("/v1/user/" + aliceId).get("email").getAsString());
  }

  @Test
  void impersonatingAStrangerIsForbidden() {
    HttpFixture.Answer answer =
        api.send(
            api.request("/v1/project")
                .header("x-bt-impersonate-user", "mallory@example.org")
                .build());

    assertEquals(403, answer.status());
    assertEquals(
        "Cannot impersonate 'mallory@example.org': no such user in the organization",
        answer.body());
  }

  @Test
  void theOrganizationItsMembersAndRolesCanBeRead() {
    List<JsonObject> orgs = api.get("/v1/organization").objects();
    List<JsonObject> owner = api.get("/v1/role?role_name=Owner").objects();

    assertEquals(
        List.of(FakeBraintrust.ORG_NAME),
        orgs.stream().map(o -> o.get("name").getAsString()).toList());
    assertEquals(3, api.get("/v1/user").objects().size());
    assertEquals(1, owner.size());
    assertEquals("Owner", owner.get(0).get("name").getAsString());
  }

  private JsonObject impersonating(String who, String path, String json) {
    HttpFixture.Answer answer =
        api.send(api.method("POST", path, json).header("x-bt-impersonate-user", who).build());
    assertEquals(200, answer.status(), answer.body());
    return answer.object();
  }

  private JsonObject userByEmail(String email) {
    List<JsonObject> users =
        api.get("/v1/user?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).objects();
    assertEquals(1, users.size());
    return users.get(0);
  }
}
