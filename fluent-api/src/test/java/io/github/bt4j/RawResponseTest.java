package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.core.RawResponse;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.ProjectListParams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation can answer with its status and headers beside the parsed body. */
@WireMockTest
class RawResponseTest {
  @Test
  void aRawResponseCarriesStatusHeadersRequestIdAndBody(WireMockRuntimeInfo wm) {
    WireMock.stubFor(
        post(urlPathEqualTo("/v1/project"))
            .willReturn(
                okJson(TestClients.projectJson(TestClients.PROJECT_ID))
                    .withHeader("X-Bt-Found-Existing", "true")
                    .withHeader("x-amzn-requestid", "req-1")
                    .withHeader("Set-Cookie", "a=1", "b=2")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      RawResponse<Project> raw =
          client.projects().withRawResponse().create(new CreateProject().name("p"));

      assertEquals(200, raw.statusCode());
      assertEquals("true", raw.header("x-bt-found-existing"), "headers are found in any case");
      assertEquals("req-1", raw.requestId());
      assertEquals(List.of("a=1", "b=2"), raw.headers().get("set-cookie"));
      assertNull(raw.header("x-bt-cursor"));
      assertEquals("p-" + TestClients.PROJECT_ID, raw.body().getName());
      assertFalse(raw.toString().contains("a=1"), "no headers in toString");
    }
  }

  @Test
  void aRawCallThatFailsThrowsTheSameTypedException(WireMockRuntimeInfo wm) {
    WireMock.stubFor(
        get(urlPathEqualTo(TestClients.PROJECT_PATH))
            .willReturn(WireMock.aResponse().withStatus(404).withBody("{\"error\":\"gone\"}")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      NotFoundException e =
          assertThrows(
              NotFoundException.class,
              () ->
                  client
                      .projects()
                      .withRawResponse()
                      .get(TestClients.PROJECT_ID, RequestOptions.none()));
      assertEquals("gone", e.serverMessage());
    }
  }

  @Test
  void queryParametersTheSpecDoesNotDeclareAreSentAfterTheOperationsOwn(WireMockRuntimeInfo wm) {
    WireMock.stubFor(get(urlPathEqualTo("/v1/project")).willReturn(okJson("{\"objects\":[]}")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      client
          .projects()
          .list(
              ProjectListParams.builder().limit(5).build(),
              RequestOptions.builder()
                  .queryParam("org_id", "o-1")
                  .queryParam("tag", "a")
                  .queryParam("tag", "b")
                  .build())
          .firstPage();
    }
    WireMock.verify(
        getRequestedFor(urlPathEqualTo("/v1/project"))
            .withQueryParam("limit", equalTo("5"))
            .withQueryParam("org_id", equalTo("o-1"))
            .withQueryParam("tag", equalTo("a"))
            .withQueryParam("tag", equalTo("b")));
    assertThrows(
        IllegalArgumentException.class, () -> RequestOptions.builder().queryParam(" ", "x"));
  }
}
