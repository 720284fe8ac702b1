package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.errors.ApiException;
import io.github.bt4j.errors.AuthenticationException;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.errors.PayloadTooLargeException;
import io.github.bt4j.errors.PermissionDeniedException;
import io.github.bt4j.errors.RateLimitException;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.models.CreateProject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every HTTP error status, transport failure and unreadable body becomes its typed exception. */
@WireMockTest
class ErrorMappingTest {
  private static final Map<Integer, Class<? extends ApiException>> TYPES =
      Map.ofEntries(
          Map.entry(400, BadRequestException.class),
          Map.entry(401, AuthenticationException.class),
          Map.entry(403, PermissionDeniedException.class),
          Map.entry(404, NotFoundException.class),
          Map.entry(409, ApiException.class),
          Map.entry(413, PayloadTooLargeException.class),
          Map.entry(422, BadRequestException.class),
          Map.entry(429, RateLimitException.class),
          Map.entry(500, InternalServerException.class),
          Map.entry(503, InternalServerException.class),
          Map.entry(418, ApiException.class));

  /** The ways a server words an error, and the message and code the client must extract. */
  enum Body {
    TEXT("text/plain", "Project is archived", "Project is archived", null),
    JSON_STRING(
        "application/json", "{\"error\":\"Project is archived\"}", "Project is archived", null),
    JSON_OBJECT(
        "application/json",
        "{\"error\":{\"message\":\"Project is archived\",\"code\":\"archived\"}}",
        "Project is archived",
        "archived"),
    JSON_OBJECT_TYPE(
        "application/json",
        "{\"error\":{\"message\":\"Project is archived\",\"type\":\"invalid_request_error\"}}",
        "Project is archived",
        "invalid_request_error"),
    JSON_MESSAGE(
        "application/json", "{\"message\":\"Project is archived\"}", "Project is archived", null),
    JSON_CAPITALISED(
        "application/json; charset=utf-8",
        "{\"Code\":\"ForbiddenError\",\"Message\":\"Project is archived\",\"Service\":\"api\"}",
        "Project is archived",
        "ForbiddenError"),
    JSON_DETAIL(
        "application/json", "{\"detail\":\"Project is archived\"}", "Project is archived", null),
    JSON_DETAIL_LIST(
        "application/json",
        "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"Project is archived\","
            + "\"type\":\"value_error\"}]}",
        "body.name: Project is archived",
        "value_error"),
    EMPTY("text/plain", "", null, null);

    final String contentType;
    final String body;
    final String expectedMessage;
    final String expectedCode;

    Body(String contentType, String body, String expectedMessage, String expectedCode) {
      this.contentType = contentType;
      this.body = body;
      this.expectedMessage = expectedMessage;
      this.expectedCode = expectedCode;
    }
  }

  static Stream<Arguments> statusesAndBodies() {
    List<Arguments> all = new ArrayList<>();
    for (int status : TYPES.keySet()) {
      for (Body body : Body.values()) {
        all.add(Arguments.of(status, body));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} with {1} body")
  @MethodSource("statusesAndBodies")
  void statusBecomesTypedExceptionWithTheServersMessage(
      int status, Body body, WireMockRuntimeInfo wm) {
    stubFor(
        get(TestClients.PROJECT_PATH)
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", body.contentType)
                    .withHeader("x-bt-request-id", "req-" + status)
                    .withBody(body.body)));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      ApiException e =
          assertThrows(ApiException.class, () -> client.projects().get(TestClients.PROJECT_ID));

      assertEquals(TYPES.get(status), e.getClass());
      assertEquals(status, e.statusCode());
      if (body.expectedMessage != null) {
        assertEquals(body.expectedMessage, e.serverMessage());
      } else {
        assertFalse(e.serverMessage().isBlank(), "an empty body still gives a message");
        assertTrue(e.serverMessage().contains(String.valueOf(status)), e.serverMessage());
      }
      assertEquals(body.expectedCode, e.errorCode());
      assertEquals(body.body, e.responseBody());
      assertEquals("req-" + status, e.requestId());
      assertEquals("GET", e.method());
      assertEquals(TestClients.baseUrl(wm) + TestClients.PROJECT_PATH, e.url());
      assertTrue(e.getMessage().contains(e.serverMessage()), e.getMessage());
      assertTrue(e.getMessage().contains("req-" + status), e.getMessage());
      assertTrue(e.getMessage().contains("GET " + e.url()), e.getMessage());
      TestClients.assertNoApiKey(e);
    }
  }

  @Test
  void codeIsPartOfTheExceptionMessage(WireMockRuntimeInfo wm) {
    stubFor(
        get(TestClients.PROJECT_PATH)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-amzn-requestid", "amzn-1")
                    .withBody(
                        "{\"Code\":\"ForbiddenError\",\"Message\":\"Missing read access\"}")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      PermissionDeniedException e =
          assertThrows(
              PermissionDeniedException.class, () -> client.projects().get(TestClients.PROJECT_ID));
      assertTrue(
          e.getMessage().endsWith(": Missing read access (code ForbiddenError, request id amzn-1)"),
          e.getMessage());
    }
  }

  @Test
  void anEchoedKeyIsMaskedInMessageCodeAndBody(WireMockRuntimeInfo wm) {
    String key = TestClients.API_KEY;
    String escaped = "\\u0073" + key.substring(1); // the same key, JSON-escaped differently
    stubFor(
        get(TestClients.PROJECT_PATH)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"bad key "
                            + escaped
                            + "\",\"code\":\""
                            + key
                            + "\"},\"key\":\""
                            + key
                            + "\"}")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class, () -> client.projects().get(TestClients.PROJECT_ID));
      assertEquals("bad key ██", e.serverMessage());
      assertEquals("██", e.errorCode());
      assertFalse(e.responseBody().contains(key), e.responseBody());
      assertTrue(e.responseBody().contains("\"key\":\"██\""), e.responseBody());
      TestClients.assertNoApiKey(e);
    }
  }

  @Test
  void methodAndUrlAreThoseOfTheFailedRequest(WireMockRuntimeInfo wm) {
    stubFor(post("/v1/project").willReturn(aResponse().withStatus(422).withBody("bad name")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      BadRequestException e =
          assertThrows(
              BadRequestException.class,
              () -> client.projects().create(new CreateProject().name("x")));
      assertEquals("POST", e.method());
      assertEquals(TestClients.baseUrl(wm) + "/v1/project", e.url());
      assertEquals("bad name", e.serverMessage());
    }
  }

  @Test
  void requestIdFallsBackToOtherKnownHeaders(WireMockRuntimeInfo wm) {
    stubFor(
        get(TestClients.PROJECT_PATH)
            .willReturn(aResponse().withStatus(404).withHeader("x-amzn-requestid", "amzn-7")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      NotFoundException e =
          assertThrows(
              NotFoundException.class, () -> client.projects().get(TestClients.PROJECT_ID));
      assertEquals("amzn-7", e.requestId());
    }
  }

  @Test
  void noRequestIdHeaderGivesNull(WireMockRuntimeInfo wm) {
    stubFor(get(TestClients.PROJECT_PATH).willReturn(aResponse().withStatus(404)));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      NotFoundException e =
          assertThrows(
              NotFoundException.class, () -> client.projects().get(TestClients.PROJECT_ID));
      assertNull(e.requestId());
      assertFalse(e.getMessage().contains("request id"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void transportFailureBecomesConnectionException(Fault fault, WireMockRuntimeInfo wm) {
    stubFor(get(TestClients.PROJECT_PATH).willReturn(aResponse().withFault(fault)));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      ConnectionException e =
          assertThrows(
              ConnectionException.class, () -> client.projects().get(TestClients.PROJECT_ID));
      assertInstanceOf(IOException.class, e.getCause());
      assertTrue(
          e.getMessage().startsWith("GET " + TestClients.baseUrl(wm) + "/v1/project/"),
          e.getMessage());
      TestClients.assertNoApiKey(e);
    }
  }

  @Test
  void refusedConnectionBecomesConnectionException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (BraintrustClient client =
        BraintrustClient.builder()
            .apiKey(TestClients.API_KEY)
            .baseUrl("http://127.0.0.1:" + closedPort)
            .maxRetries(0)
            .build()) {
      ConnectionException e =
          assertThrows(
              ConnectionException.class, () -> client.projects().get(TestClients.PROJECT_ID));
      assertInstanceOf(java.net.ConnectException.class, e.getCause());
      TestClients.assertNoApiKey(e);
    }
  }

  static Stream<Arguments> unreadableBodies() {
    Function<String, ResponseDefinitionBuilder> json = ErrorMappingTest::jsonBody;
    return Stream.of(
        Arguments.of("malformed", json.apply("{\"id\": nope")),
        Arguments.of("truncated", json.apply("{\"id\":\"" + TestClients.PROJECT_ID)),
        Arguments.of("wrong shape", json.apply("[1, 2, 3]")),
        Arguments.of("html", aResponse().withBody("<html>gateway</html>")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableBodies")
  void successWithUnreadableBodyBecomesUnexpectedResponse(
      String name, ResponseDefinitionBuilder response, WireMockRuntimeInfo wm) {
    stubFor(get(TestClients.PROJECT_PATH).willReturn(response));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      UnexpectedResponseException e =
          assertThrows(
              UnexpectedResponseException.class,
              () -> client.projects().get(TestClients.PROJECT_ID));
      assertEquals(200, e.statusCode());
      assertTrue(e.getMessage().contains("GET "), e.getMessage());
      TestClients.assertNoApiKey(e);
    }
  }

  @Test
  void wellFormedSuccessIsParsed(WireMockRuntimeInfo wm) {
    stubFor(
        get(TestClients.PROJECT_PATH)
            .willReturn(okJson(TestClients.projectJson(TestClients.PROJECT_ID))));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      assertEquals(
          "p-" + TestClients.PROJECT_ID, client.projects().get(TestClients.PROJECT_ID).getName());
    }
  }

  private static ResponseDefinitionBuilder jsonBody(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }
}
