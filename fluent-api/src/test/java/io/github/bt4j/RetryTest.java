package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static io.github.bt4j.TestClients.PROJECT_PATH;
import static io.github.bt4j.TestClients.respondInTurn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.core.RetryPolicy;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.errors.PayloadTooLargeException;
import io.github.bt4j.errors.RateLimitException;
import io.github.bt4j.internal.Sleeper;
import io.github.bt4j.models.AclBatchUpdateRequest;
import io.github.bt4j.models.InsertEventsResponse;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.InsertProjectLogsEventRequest;
import io.github.bt4j.models.InvokeFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When, how often and after which waits the client retries; waits are recorded, not slept. */
@WireMockTest
class RetryTest {
  private static final String FUNCTION_ID = "0b6e2f3a-9c1d-4e5f-8a7b-6c5d4e3f2a1b";
  private static final String INVOKE_PATH = "/v1/function/" + FUNCTION_ID + "/invoke";
  private static final String INSERT_PATH = "/v1/project_logs/" + PROJECT_ID + "/insert";

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private BraintrustClient client(WireMockRuntimeInfo wm) {
    return TestClients.builder(wm).sleeper(sleeper).build();
  }

  private static ResponseDefinitionBuilder status(int code) {
    return aResponse().withStatus(code).withBody("status " + code);
  }

  private static ResponseDefinitionBuilder project() {
    return okJson(TestClients.projectJson(PROJECT_ID));
  }

  private static int getsOfProject() {
    return findAll(getRequestedFor(urlEqualTo(PROJECT_PATH))).size();
  }

  private static int invocations() {
    return findAll(postRequestedFor(urlEqualTo(INVOKE_PATH))).size();
  }

  @Test
  void retryAfterSecondsIsWaitedExactly(WireMockRuntimeInfo wm) {
    respondInTurn(() -> get(PROJECT_PATH), status(429).withHeader("Retry-After", "2"), project());
    try (BraintrustClient client = client(wm)) {
      assertEquals(PROJECT_ID, client.projects().get(PROJECT_ID).getId());
    }
    assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits());
    assertEquals(2, getsOfProject());
  }

  @Test
  void retryAfterMsIsWaitedExactlyAndWinsOverRetryAfter(WireMockRuntimeInfo wm) {
    respondInTurn(
        () -> get(PROJECT_PATH),
        status(503).withHeader("Retry-After-Ms", "1500").withHeader("Retry-After", "9"),
        project());
    try (BraintrustClient client = client(wm)) {
      client.projects().get(PROJECT_ID);
    }
    assertEquals(List.of(Duration.ofMillis(1500)), sleeper.waits());
  }

  @Test
  void retryAfterHttpDateIsMeasuredFromTheClock(WireMockRuntimeInfo wm) {
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    respondInTurn(
        () -> get(PROJECT_PATH),
        status(429).withHeader("Retry-After", "Wed, 01 Jan 2025 00:00:03 GMT"),
        project());
    try (BraintrustClient client = TestClients.builder(wm).sleeper(sleeper).clock(clock).build()) {
      client.projects().get(PROJECT_ID);
    }
    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits());
  }

  @Test
  void retryAfterBeyondTheLimitFailsAtOnceWithTheServersWaitInTheException(WireMockRuntimeInfo wm) {
    respondInTurn(() -> get(PROJECT_PATH), status(429).withHeader("Retry-After", "120"), project());
    try (BraintrustClient client = client(wm)) {
      RateLimitException e =
          assertThrows(RateLimitException.class, () -> client.projects().get(PROJECT_ID));
      assertEquals(1, e.attempts().count());
      assertEquals(Duration.ofSeconds(120), e.attempts().lastRetryAfter());
      assertNotNull(e.attempts().retryAfterCap());
      assertTrue(e.getMessage().contains("wait 120 s"), e.getMessage());
      assertTrue(e.getMessage().contains("limit of 60 s"), e.getMessage());
    }
    assertEquals(List.of(), sleeper.waits());
    assertEquals(1, getsOfProject());
  }

  @Test
  void retryAfterWithinARaisedLimitIsWaitedInFull(WireMockRuntimeInfo wm) {
    respondInTurn(() -> get(PROJECT_PATH), status(429).withHeader("Retry-After", "120"), project());
    RetryPolicy patient =
        new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(5));
    try (BraintrustClient client =
        TestClients.builder(wm).sleeper(sleeper).retryPolicy(patient).build()) {
      client.projects().get(PROJECT_ID);
    }
    assertEquals(List.of(Duration.ofSeconds(120)), sleeper.waits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "-1", "-0.5", "soon", "Infinity", "1e3", "2d", ""})
  void malformedRetryAfterFallsBackToTheBackoff(String value, WireMockRuntimeInfo wm) {
    respondInTurn(() -> get(PROJECT_PATH), status(503).withHeader("Retry-After", value), project());
    try (BraintrustClient client = client(wm)) {
      client.projects().get(PROJECT_ID);
    }
    assertEquals(1, sleeper.waits().size());
    assertWithinJitter(Duration.ofMillis(500), sleeper.waits().get(0));
  }

  @Test
  void exceptionsAfterRetriesSayHowManyAttemptsAndTheLastRetryAfter(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(status(503).withHeader("Retry-After", "2")));
    try (BraintrustClient client = client(wm)) {
      InternalServerException e =
          assertThrows(InternalServerException.class, () -> client.projects().get(PROJECT_ID));
      assertEquals(3, e.attempts().count());
      assertEquals(Duration.ofSeconds(2), e.attempts().lastRetryAfter());
      assertNull(e.attempts().retryAfterCap());
      assertTrue(e.getMessage().endsWith("[3 attempts; last Retry-After 2 s]"), e.getMessage());
    }
  }

  @Test
  void connectionFailuresAfterRetriesSayHowManyAttempts(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (BraintrustClient client = client(wm)) {
      ConnectionException e =
          assertThrows(ConnectionException.class, () -> client.projects().get(PROJECT_ID));
      assertEquals(3, e.attempts().count());
      assertTrue(e.getMessage().endsWith("[3 attempts]"), e.getMessage());
    }
  }

  @Test
  void persistentServerErrorIsRetriedTwiceWithExponentialJitteredBackoff(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(status(503)));
    try (BraintrustClient client = client(wm)) {
      InternalServerException e =
          assertThrows(InternalServerException.class, () -> client.projects().get(PROJECT_ID));
      assertEquals(503, e.statusCode());
    }
    assertEquals(3, getsOfProject());
    List<Duration> waits = sleeper.waits();
    assertEquals(2, waits.size());
    assertWithinJitter(Duration.ofMillis(500), waits.get(0));
    assertWithinJitter(Duration.ofSeconds(1), waits.get(1));
  }

  @Test
  void connectionFailureOfAnIdempotentCallIsRetried(WireMockRuntimeInfo wm) {
    respondInTurn(
        () -> get(PROJECT_PATH),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.EMPTY_RESPONSE),
        project());
    try (BraintrustClient client = client(wm)) {
      client.projects().get(PROJECT_ID);
    }
    assertEquals(3, getsOfProject());
    assertEquals(2, sleeper.waits().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 413})
  void clientErrorsAreNotRetried(int code, WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(status(code)));
    try (BraintrustClient client = client(wm)) {
      Class<? extends RuntimeException> expected =
          code == 400 ? BadRequestException.class : PayloadTooLargeException.class;
      assertThrows(expected, () -> client.projects().get(PROJECT_ID));
    }
    assertEquals(1, getsOfProject());
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void nonIdempotentPostIsSentOnceDespiteServerError(WireMockRuntimeInfo wm) {
    stubFor(post(INVOKE_PATH).willReturn(status(503)));
    try (BraintrustClient client = client(wm)) {
      assertThrows(
          InternalServerException.class,
          () -> client.functions().invoke(FUNCTION_ID, new InvokeFunction()));
    }
    assertEquals(1, invocations());
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void nonIdempotentPostIsSentOnceDespiteResetAfterSending(WireMockRuntimeInfo wm) {
    stubFor(post(INVOKE_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (BraintrustClient client = client(wm)) {
      assertThrows(
          ConnectionException.class,
          () -> client.functions().invoke(FUNCTION_ID, new InvokeFunction()));
    }
    assertEquals(1, invocations());
  }

  @Test
  void aclBatchUpdateIsRetriedBecauseTheSpecCallsItIdempotent(WireMockRuntimeInfo wm) {
    stubFor(post("/v1/acl/batch_update").willReturn(status(502)));
    try (BraintrustClient client = client(wm)) {
      assertThrows(
          InternalServerException.class,
          () -> client.acls().batchUpdate(new AclBatchUpdateRequest()));
    }
    assertEquals(3, findAll(postRequestedFor(urlEqualTo("/v1/acl/batch_update"))).size());
  }

  @Test
  void feedbackIsSentOnceDespiteServerError(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathMatching("/v1/experiment/.*/feedback")).willReturn(status(502)));
    try (BraintrustClient client = client(wm)) {
      assertThrows(
          InternalServerException.class,
          () ->
              client
                  .experiments()
                  .feedback(
                      FUNCTION_ID, new io.github.bt4j.models.FeedbackExperimentEventRequest()));
    }
    assertEquals(
        1, findAll(postRequestedFor(urlPathMatching("/v1/experiment/.*/feedback"))).size());
  }

  @Test
  void retryNonIdempotentOptInRetriesAPost(WireMockRuntimeInfo wm) {
    // The reset comes first, on a fresh connection: OkHttp itself silently re-sends a request
    // that failed on a reused pooled connection, which would hide our retry.
    respondInTurn(
        () -> post(INVOKE_PATH),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        status(503),
        okJson("{\"answer\":42}"));
    RequestOptions optIn = RequestOptions.builder().retryNonIdempotent(true).build();
    try (BraintrustClient client = client(wm)) {
      Object answer = client.functions().invoke(FUNCTION_ID, new InvokeFunction(), optIn);
      assertEquals("{answer=42}", String.valueOf(answer));
    }
    assertEquals(3, invocations());
    assertEquals(2, sleeper.waits().size());
  }

  @Test
  void clientMaxRetriesZeroDisablesRetries(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(status(500)));
    try (BraintrustClient client = TestClients.builder(wm).sleeper(sleeper).maxRetries(0).build()) {
      assertThrows(InternalServerException.class, () -> client.projects().get(PROJECT_ID));
    }
    assertEquals(1, getsOfProject());
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void clientMaxRetriesRaisesTheNumberOfAttempts(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(status(500)));
    try (BraintrustClient client = TestClients.builder(wm).sleeper(sleeper).maxRetries(4).build()) {
      assertThrows(InternalServerException.class, () -> client.projects().get(PROJECT_ID));
    }
    assertEquals(5, getsOfProject());
    List<Duration> waits = sleeper.waits();
    assertWithinJitter(Duration.ofMillis(500), waits.get(0));
    assertWithinJitter(Duration.ofSeconds(1), waits.get(1));
    assertWithinJitter(Duration.ofSeconds(2), waits.get(2));
    assertWithinJitter(Duration.ofSeconds(4), waits.get(3));
  }

  @Test
  void requestMaxRetriesZeroDisablesRetriesForThatCall(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(status(500)));
    RequestOptions once = RequestOptions.builder().maxRetries(0).build();
    try (BraintrustClient client = client(wm)) {
      assertThrows(InternalServerException.class, () -> client.projects().get(PROJECT_ID, once));
    }
    assertEquals(1, getsOfProject());
  }

  @Test
  void requestMaxRetriesOverridesTheClients(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(status(500)));
    RequestOptions three = RequestOptions.builder().maxRetries(3).build();
    try (BraintrustClient client = TestClients.builder(wm).sleeper(sleeper).maxRetries(0).build()) {
      assertThrows(InternalServerException.class, () -> client.projects().get(PROJECT_ID, three));
    }
    assertEquals(4, getsOfProject());
  }

  @Test
  void retriedInsertCarriesTheSameEventIdsAssignedBeforeTheFirstAttempt(WireMockRuntimeInfo wm) {
    respondInTurn(
        () -> post(INSERT_PATH),
        status(503),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        okJson("{\"row_ids\":[\"mine\",\"other\"]}"));
    InsertProjectLogsEvent withId = new InsertProjectLogsEvent().id("mine").input("a");
    InsertProjectLogsEvent withoutId = new InsertProjectLogsEvent().input("b");
    InsertProjectLogsEventRequest request =
        new InsertProjectLogsEventRequest().events(List.of(withId, withoutId));
    try (BraintrustClient client = client(wm)) {
      InsertEventsResponse response = client.logs().insert(PROJECT_ID, request);
      assertEquals(List.of("mine", "other"), response.getRowIds());
    }

    List<LoggedRequest> attempts = findAll(postRequestedFor(urlEqualTo(INSERT_PATH)));
    assertEquals(3, attempts.size());
    JsonArray first = eventsOf(attempts.get(0));
    assertEquals("mine", first.get(0).getAsJsonObject().get("id").getAsString());
    String assigned = first.get(1).getAsJsonObject().get("id").getAsString();
    assertEquals(assigned, assigned.toString());
    assertNull(withoutId.getId(), "the id is set in the request, not on the caller's event");
    for (LoggedRequest retry : attempts.subList(1, 3)) {
      assertEquals(first, eventsOf(retry));
    }
  }

  @Test
  void wholeCallTimeoutStopsRetriesWhoseWaitWouldOutlastIt(WireMockRuntimeInfo wm) {
    respondInTurn(
        () -> get(PROJECT_PATH),
        status(429).withHeader("Retry-After", "1"),
        status(429).withHeader("Retry-After", "10"),
        project());
    RequestOptions threeSeconds = RequestOptions.builder().timeout(Duration.ofSeconds(3)).build();
    try (BraintrustClient client = client(wm)) {
      assertThrows(RateLimitException.class, () -> client.projects().get(PROJECT_ID, threeSeconds));
    }
    assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits());
    assertEquals(2, getsOfProject());
  }

  @Test
  void aRetriedDeleteAnswered404AfterAServerErrorIsDone(WireMockRuntimeInfo wm) {
    respondInTurn(() -> delete(PROJECT_PATH), status(502), status(404));
    try (BraintrustClient client = client(wm)) {
      assertNull(client.projects().delete(PROJECT_ID), "deleted by the first attempt");
    }
    assertEquals(2, deletesOfProject());
  }

  @Test
  void aRetriedDeleteAnswered404AfterALostResponseIsDone(WireMockRuntimeInfo wm) {
    respondInTurn(
        () -> delete(PROJECT_PATH),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        status(404));
    try (BraintrustClient client = client(wm)) {
      assertNull(client.projects().delete(PROJECT_ID));
    }
    assertEquals(2, deletesOfProject());
  }

  @Test
  void aDeleteOfAMissingObjectIsNotFoundWhenNoEarlierAttemptCouldHaveDeletedIt(
      WireMockRuntimeInfo wm) {
    // A 429 is a refusal: the first attempt deleted nothing, so the 404 is the truth.
    respondInTurn(() -> delete(PROJECT_PATH), status(429), status(404));
    try (BraintrustClient client = client(wm)) {
      NotFoundException e =
          assertThrows(NotFoundException.class, () -> client.projects().delete(PROJECT_ID));
      assertEquals(2, e.attempts().count());
      assertThrows(NotFoundException.class, () -> client.projects().delete(PROJECT_ID));
    }
    assertEquals(3, deletesOfProject());
  }

  @Test
  void okHttpNeverResendsOnItsOwnBeyondMaxRetries(WireMockRuntimeInfo wm) {
    // The second call goes out on the pooled connection of the first, which the server resets:
    // OkHttp's own connection recovery would send it again on a new connection.
    respondInTurn(
        () -> get(PROJECT_PATH), project(), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    try (BraintrustClient client = TestClients.builder(wm).maxRetries(0).build()) {
      client.projects().get(PROJECT_ID);
      assertThrows(ConnectionException.class, () -> client.projects().get(PROJECT_ID));
    }
    assertEquals(2, getsOfProject());
  }

  @Test
  void aSuppliedOkHttpClientNeverResendsOnItsOwnEither(WireMockRuntimeInfo wm) {
    respondInTurn(
        () -> get(PROJECT_PATH), project(), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    OkHttpClient supplied = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    try (BraintrustClient client =
        TestClients.builder(wm).okHttpClient(supplied).maxRetries(0).build()) {
      client.projects().get(PROJECT_ID);
      assertThrows(ConnectionException.class, () -> client.projects().get(PROJECT_ID));
    } finally {
      supplied.dispatcher().executorService().shutdown();
    }
    assertEquals(2, getsOfProject());
  }

  @Test
  void aRefusedConnectionOfANonIdempotentCallIsRetriedBecauseNothingWasSent() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    AtomicInteger invocations = new AtomicInteger();
    HttpServer[] server = new HttpServer[1];
    // The server starts listening during the wait before the retry.
    Sleeper startServerOnFirstWait =
        wait -> {
          if (server[0] == null) {
            server[0] = startJsonServer(port, invocations);
          }
        };
    try (BraintrustClient client =
        BraintrustClient.builder()
            .apiKey(TestClients.API_KEY)
            .baseUrl("http://127.0.0.1:" + port)
            .sleeper(startServerOnFirstWait)
            .build()) {
      Object answer = client.functions().invoke(FUNCTION_ID, new InvokeFunction());
      assertEquals("{answer=42}", String.valueOf(answer));
    } finally {
      if (server[0] != null) {
        server[0].stop(0);
      }
    }
    assertEquals(1, invocations.get());
  }

  private static HttpServer startJsonServer(int port, AtomicInteger requests) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.createContext(
          "/",
          exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"answer\":42}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int deletesOfProject() {
    return findAll(deleteRequestedFor(urlEqualTo(PROJECT_PATH))).size();
  }

  private static JsonArray eventsOf(LoggedRequest request) {
    return JsonParser.parseString(request.getBodyAsString())
        .getAsJsonObject()
        .getAsJsonArray("events");
  }

  /** Asserts that {@code actual} is {@code base} times a jitter factor in [0.75, 1]. */
  private static void assertWithinJitter(Duration base, Duration actual) {
    Duration low = base.multipliedBy(3).dividedBy(4);
    assertTrue(
        actual.compareTo(low) >= 0 && actual.compareTo(base) <= 0,
        () -> actual + " is not within [" + low + ", " + base + "]");
  }
}
