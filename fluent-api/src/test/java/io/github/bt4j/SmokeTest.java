package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.ProjectListParams;
import io.github.bt4j.models.ProjectListResponse;
import org.junit.jupiter.api.Test;

@WireMockTest
class SmokeTest {
  private static final String ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  @Test
  void createListAndFail(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/v1/project")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"id\":\"" + ID + "\",\"org_id\":\"" + ID + "\",\"name\":\"p\"}")));
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/v1/project"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"objects\":[{\"id\":\"" + ID + "\",\"name\":\"p\"}]}")));
    wm.getWireMock()
        .register(
            get("/v1/project/" + ID)
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("x-bt-request-id", "req-1")
                        .withBody("Project not found")));
    try (BraintrustClient client =
        BraintrustClient.builder().apiKey("sk-test").baseUrl(wm.getHttpBaseUrl()).build()) {
      Project p = client.projects().create(new CreateProject().name("p"));
      assertEquals(ID, p.getId());
      ProjectListResponse page =
          client
              .projects()
              .withRawResponse()
              .list(
                  ProjectListParams.builder().limit(5).orgName("acme").build(),
                  RequestOptions.none())
              .body();
      assertEquals(1, page.getObjects().size());
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.projects().get(ID));
      assertEquals("Project not found", e.serverMessage());
      assertEquals("req-1", e.requestId());
      assertThrows(IllegalArgumentException.class, () -> client.projects().get("nope"));
    }
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/v1/project"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(equalToJson("{\"name\":\"p\"}")));
    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/v1/project?limit=5&org_name=acme")));
  }
}
