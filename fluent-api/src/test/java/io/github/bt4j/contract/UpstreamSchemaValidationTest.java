package io.github.bt4j.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract test's request-body check ({@link ContractTest#upstreamSchemaProblems}) refuses
 * bodies the upstream schema refuses, on operations whose body Prism does not check (schemas with
 * {@code nullable: true} and no {@code type}, nullable enums), and accepts what OpenAPI 3.0's
 * {@code nullable} allows. Each body is sent over HTTP and checked as the server received it, the
 * same path the contract test takes.
 */
class UpstreamSchemaValidationTest {
  private static final String PROJECT_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static final MediaType JSON = MediaType.get("application/json");

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void answerEverything() {
    SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @Test
  void aNumberForAUuidStringIsRefused() throws IOException {
    List<String> problems = problems("POST", "/v1/experiment", "{\"project_id\":5}");
    assertEquals(
        List.of(
            "request body against the upstream schema: /project_id: integer found, string expected"),
        problems);
  }

  @Test
  void aMalformedUuidIsRefused() throws IOException {
    List<String> problems = problems("POST", "/v1/experiment", "{\"project_id\":\"not-a-uuid\"}");
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("/project_id") && problems.get(0).contains("uuid"),
        problems.toString());
  }

  @Test
  void aMissingRequiredPropertyIsRefused() throws IOException {
    List<String> problems = problems("POST", "/v1/experiment", "{\"name\":\"e\"}");
    assertEquals(
        List.of(
            "request body against the upstream schema: : required property 'project_id' not found"),
        problems);
  }

  @Test
  void nullableValuesWithAndWithoutATypeAreAccepted() throws IOException {
    String body =
        "{\"project_id\":\""
            + PROJECT_ID
            + "\",\"name\":null,\"tags\":null,\"metadata\":{\"a\":null,\"b\":{\"x\":[1,\"y\"]}}}";
    assertEquals(List.of(), problems("POST", "/v1/experiment", body));
  }

  @Test
  void aWrongTypeInsideAMapOfUntypedNullableValuesIsStillFoundElsewhere() throws IOException {
    String body =
        "{\"project_id\":\"" + PROJECT_ID + "\",\"metadata\":{\"a\":1},\"public\":\"yes\"}";
    assertEquals(
        List.of(
            "request body against the upstream schema: /public: string found, [boolean, null] expected"),
        problems("POST", "/v1/experiment", body));
  }

  @Test
  void aNullableEnumAcceptsNullAndRefusesAValueItDoesNotList() throws IOException {
    String view =
        "{\"object_type\":\"project\",\"object_id\":\""
            + PROJECT_ID
            + "\",\"name\":\"v\",\"view_type\":";
    assertEquals(List.of(), problems("POST", "/v1/view", view + "null}"));
    List<String> problems = problems("POST", "/v1/view", view + "\"agents\"}");
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("/view_type: does not have a value in the enumeration"),
        problems.toString());
  }

  @Test
  void aUnionWithANullBranchTakesNullOrExactlyOneConfig() throws IOException {
    String path = "/v1/project_automation/" + PROJECT_ID;
    assertEquals(List.of(), problems("PATCH", path, "{\"config\":null}"));
    String logs =
        "{\"config\":{\"event_type\":\"logs\",\"btql_filter\":\"x\",\"interval_seconds\":60,"
            + "\"action\":{\"type\":\"webhook\",\"url\":\"https://example.com/hook\"}}}";
    assertEquals(List.of(), problems("PATCH", path, logs));
    List<String> problems = problems("PATCH", path, "{\"config\":{\"event_type\":\"logs\"}}");
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("/config: required property 'btql_filter'")),
        problems.toString());
  }

  @Test
  void ourAdditionsAreValidatedToo() throws IOException {
    assertEquals(
        List.of(), problems("POST", "/btql", "{\"query\":\"select 1\",\"fmt\":\"jsonl\"}"));
    List<String> problems = problems("POST", "/btql", "{\"query\":\"select 1\",\"fmt\":\"xml\"}");
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("/fmt: does not have a value in the enumeration"),
        problems.toString());
  }

  /** Sends {@code body} to {@code path} and checks it as {@link ContractTest} checks a body. */
  private List<String> problems(String method, String path, String body) throws IOException {
    SERVER.resetRequests();
    Request request =
        new Request.Builder()
            .url(SERVER.baseUrl() + path)
            .method(method, RequestBody.create(body, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertEquals(200, response.code());
    }
    LoggedRequest received = SERVER.getAllServeEvents().get(0).getRequest();
    SpecOperation op = PreparedSpec.load().find(method, templateOf(path));
    assertNotNull(op, method + " " + path);
    return ContractTest.upstreamSchemaProblems(op, received);
  }

  private static String templateOf(String path) {
    return path.equals("/v1/project_automation/" + PROJECT_ID)
        ? "/v1/project_automation/{project_automation_id}"
        : path;
  }
}
