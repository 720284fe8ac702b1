package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.bt4j.TestClients.API_KEY;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static io.github.bt4j.TestClients.PROJECT_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.internal.http.ClientAccess;
import io.github.bt4j.models.Project;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's settings: environment, base URL, headers, supplied OkHttpClient, derivation. */
@WireMockTest
class ClientOptionsTest {
  @BeforeEach
  void serveProject() {
    stubFor(get(PROJECT_PATH).willReturn(okJson(TestClients.projectJson(PROJECT_ID))));
  }

  private static Function<String, String> env(Map<String, String> vars) {
    return vars::get;
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = findAll(getRequestedFor(urlEqualTo(PROJECT_PATH)));
    assertEquals(1, requests.size());
    return requests.get(0);
  }

  @Test
  void fromEnvRequiresTheApiKeyWithAClearMessage() {
    BraintrustClient.Builder b = BraintrustClient.builder();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> b.fromEnv(env(Map.of("BRAINTRUST_API_URL", "http://x"))));
    assertTrue(e.getMessage().contains("BRAINTRUST_API_KEY"), e.getMessage());
    assertThrows(
        IllegalStateException.class, () -> b.fromEnv(env(Map.of("BRAINTRUST_API_KEY", "  "))));
  }

  @Test
  void fromEnvReadsKeyAndApiUrl(WireMockRuntimeInfo wm) {
    Map<String, String> vars =
        Map.of("BRAINTRUST_API_KEY", API_KEY, "BRAINTRUST_API_URL", TestClients.baseUrl(wm));
    try (BraintrustClient client = BraintrustClient.builder().fromEnv(env(vars)).build()) {
      client.projects().get(PROJECT_ID);
    }
    assertEquals("Bearer " + API_KEY, onlyRequest().getHeader("Authorization"));
  }

  @Test
  void apiUrlWinsOverBaseUrl(WireMockRuntimeInfo wm) {
    Map<String, String> vars =
        Map.of(
            "BRAINTRUST_API_KEY",
            API_KEY,
            "BRAINTRUST_API_URL",
            TestClients.baseUrl(wm),
            "BRAINTRUST_BASE_URL",
            "http://127.0.0.1:1");
    try (BraintrustClient client = BraintrustClient.builder().fromEnv(env(vars)).build()) {
      assertEquals(TestClients.baseUrl(wm) + "/", client.baseUrl());
      client.projects().get(PROJECT_ID);
    }
    onlyRequest();
  }

  @Test
  void baseUrlIsUsedWhenApiUrlIsUnset() {
    Map<String, String> vars =
        Map.of("BRAINTRUST_API_KEY", API_KEY, "BRAINTRUST_BASE_URL", "https://bt.example.com");
    try (BraintrustClient client = BraintrustClient.builder().fromEnv(env(vars)).build()) {
      assertEquals("https://bt.example.com/", client.baseUrl());
    }
  }

  @Test
  void trailingV1IsStrippedSoPathsAreNotDoubled(WireMockRuntimeInfo wm) {
    Map<String, String> vars =
        Map.of(
            "BRAINTRUST_API_KEY", API_KEY, "BRAINTRUST_API_URL", TestClients.baseUrl(wm) + "/v1/");
    try (BraintrustClient client = BraintrustClient.builder().fromEnv(env(vars)).build()) {
      assertEquals(TestClients.baseUrl(wm) + "/", client.baseUrl());
      client.projects().get(PROJECT_ID);
    }
    onlyRequest();
  }

  @Test
  void defaultsToUsAndOffersTheEuDataPlane() {
    try (BraintrustClient us = BraintrustClient.builder().apiKey(API_KEY).build();
        BraintrustClient eu =
            BraintrustClient.builder()
                .apiKey(API_KEY)
                .baseUrl(BraintrustClient.EU_API_URL)
                .build()) {
      assertEquals("https://api.braintrust.dev/", us.baseUrl());
      assertEquals("https://api-eu.braintrust.dev/", eu.baseUrl());
    }
    Map<String, String> vars =
        Map.of("BRAINTRUST_API_KEY", API_KEY, "BRAINTRUST_API_URL", BraintrustClient.EU_API_URL);
    try (BraintrustClient eu = BraintrustClient.builder().fromEnv(env(vars)).build()) {
      assertEquals("https://api-eu.braintrust.dev/", eu.baseUrl());
    }
  }

  @Test
  void userAgentNamesTheLibraryVersion(WireMockRuntimeInfo wm) {
    assertTrue(
        BraintrustClient.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"),
        "the version comes from the build: " + BraintrustClient.VERSION);
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      client.projects().get(PROJECT_ID);
    }
    String userAgent = onlyRequest().getHeader("User-Agent");
    assertTrue(userAgent.startsWith("bt4j/" + BraintrustClient.VERSION + " "), userAgent);
  }

  @Test
  void clientImpersonationIsSentAndARequestCanOverrideIt(WireMockRuntimeInfo wm) {
    try (BraintrustClient client =
        TestClients.builder(wm).impersonateUser("alice@example.com").build()) {
      client.projects().get(PROJECT_ID);
      client
          .projects()
          .get(PROJECT_ID, RequestOptions.builder().impersonateUser("bob@example.com").build());
    }
    List<LoggedRequest> requests = findAll(getRequestedFor(urlEqualTo(PROJECT_PATH)));
    assertEquals("alice@example.com", requests.get(0).getHeader("x-bt-impersonate-user"));
    assertEquals(
        List.of("bob@example.com"),
        requests.get(1).getHeaders().getHeader("x-bt-impersonate-user").values());
  }

  @Test
  void noImpersonationHeaderByDefault(WireMockRuntimeInfo wm) {
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      client.projects().get(PROJECT_ID);
      client
          .projects()
          .get(PROJECT_ID, RequestOptions.builder().impersonateUser("bob@example.com").build());
    }
    verify(
        1, getRequestedFor(urlEqualTo(PROJECT_PATH)).withHeader("x-bt-impersonate-user", absent()));
    verify(
        1,
        getRequestedFor(urlEqualTo(PROJECT_PATH))
            .withHeader("x-bt-impersonate-user", equalTo("bob@example.com")));
  }

  @Test
  void extraHeadersPerClientAndPerRequest(WireMockRuntimeInfo wm) {
    try (BraintrustClient client =
        TestClients.builder(wm).header("X-Team", "client").header("X-Trace", "t1").build()) {
      client.projects().get(PROJECT_ID);
      client.projects().get(PROJECT_ID, RequestOptions.builder().header("X-Team", "call").build());
    }
    List<LoggedRequest> requests = findAll(getRequestedFor(urlEqualTo(PROJECT_PATH)));
    assertEquals(List.of("client"), requests.get(0).getHeaders().getHeader("X-Team").values());
    assertEquals(List.of("call"), requests.get(1).getHeaders().getHeader("X-Team").values());
    assertEquals("t1", requests.get(1).getHeader("X-Trace"));
    assertEquals("Bearer " + API_KEY, requests.get(1).getHeader("Authorization"));
  }

  @Test
  void suppliedOkHttpClientIsUsedAndNotShutDown(WireMockRuntimeInfo wm) {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient supplied =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
                  return chain.proceed(chain.request());
                })
            .build();
    BraintrustClient client = TestClients.builder(wm).okHttpClient(supplied).build();
    client.projects().get(PROJECT_ID);
    client.close();

    assertEquals(List.of("GET " + PROJECT_PATH), seen);
    assertFalse(supplied.dispatcher().executorService().isShutdown());
    assertSame(supplied.connectionPool(), ClientAccess.transportOf(client).http().connectionPool());
  }

  @Test
  void everyAttemptIsWrittenWithNaglesAlgorithmOffEvenOnASuppliedHttpClient(
      WireMockRuntimeInfo wm) {
    List<Boolean> noDelay = new CopyOnWriteArrayList<>();
    OkHttpClient supplied =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  // The client's own network step runs after this one, before the request is
                  // written: look once it has.
                  okhttp3.Response response = chain.proceed(chain.request());
                  noDelay.add(chain.connection().socket().getTcpNoDelay());
                  return response;
                })
            .build();
    try (BraintrustClient client = TestClients.builder(wm).okHttpClient(supplied).build()) {
      client.projects().get(PROJECT_ID);
      client.projects().get(PROJECT_ID);
    }
    assertEquals(List.of(true, true), noDelay);
  }

  @Test
  void closeShutsDownAnOwnedHttpClient(WireMockRuntimeInfo wm) {
    BraintrustClient client = TestClients.builder(wm).build();
    client.projects().get(PROJECT_ID);
    client.close();
    assertTrue(ClientAccess.transportOf(client).http().dispatcher().executorService().isShutdown());
    assertEquals(0, ClientAccess.transportOf(client).http().connectionPool().connectionCount());
  }

  @Test
  void perRequestReadTimeoutAppliesToThatCallOnly(WireMockRuntimeInfo wm) {
    stubFor(
        get(PROJECT_PATH)
            .willReturn(okJson(TestClients.projectJson(PROJECT_ID)).withFixedDelay(500)));
    RequestOptions impatient =
        RequestOptions.builder().readTimeout(Duration.ofMillis(50)).maxRetries(0).build();
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      ConnectionException e =
          assertThrows(
              ConnectionException.class, () -> client.projects().get(PROJECT_ID, impatient));
      assertInstanceOf(SocketTimeoutException.class, e.getCause());
      assertEquals(PROJECT_ID, client.projects().get(PROJECT_ID).getId().toString());
    }
  }

  @Test
  void clientReadTimeoutApplies(WireMockRuntimeInfo wm) {
    stubFor(
        get(PROJECT_PATH)
            .willReturn(okJson(TestClients.projectJson(PROJECT_ID)).withFixedDelay(500)));
    try (BraintrustClient client =
        TestClients.builder(wm).readTimeout(Duration.ofMillis(50)).maxRetries(0).build()) {
      ConnectionException e =
          assertThrows(ConnectionException.class, () -> client.projects().get(PROJECT_ID));
      assertInstanceOf(SocketTimeoutException.class, e.getCause());
    }
  }

  @Test
  void withOptionsDerivesAClientSharingTheConnections(WireMockRuntimeInfo wm) {
    try (BraintrustClient client = TestClients.builder(wm).header("X-Team", "a").build()) {
      BraintrustClient derived = client.withOptions(b -> b.impersonateUser("alice@example.com"));
      derived.projects().get(PROJECT_ID);
      client.projects().get(PROJECT_ID);

      assertSame(
          ClientAccess.transportOf(client).http().connectionPool(),
          ClientAccess.transportOf(derived).http().connectionPool());
      assertSame(
          ClientAccess.transportOf(client).http().dispatcher(),
          ClientAccess.transportOf(derived).http().dispatcher());
    }
    List<LoggedRequest> requests = findAll(getRequestedFor(urlEqualTo(PROJECT_PATH)));
    assertEquals("alice@example.com", requests.get(0).getHeader("x-bt-impersonate-user"));
    assertEquals("a", requests.get(0).getHeader("X-Team"));
    assertFalse(requests.get(1).containsHeader("x-bt-impersonate-user"));
  }

  @Test
  void closingTheParentLeavesADerivedClientsAsyncCallsRunning(WireMockRuntimeInfo wm)
      throws Exception {
    BraintrustClient parent = TestClients.builder(wm).build();
    BraintrustClient derived = parent.withOptions(b -> b.header("X-Team", "b"));
    parent.close();
    parent.close(); // a second close gives back nothing more

    Project p = derived.async().projects().get(PROJECT_ID).get(10, TimeUnit.SECONDS);
    assertEquals(PROJECT_ID, p.getId());
    assertFalse(
        ClientAccess.transportOf(derived).http().dispatcher().executorService().isShutdown());

    derived.close();
    assertTrue(
        ClientAccess.transportOf(derived).http().dispatcher().executorService().isShutdown());
    assertThrows(IllegalStateException.class, () -> parent.withOptions(b -> {}));
  }

  @Test
  void closingADerivedClientLeavesTheParentRunning(WireMockRuntimeInfo wm) throws Exception {
    try (BraintrustClient parent = TestClients.builder(wm).build()) {
      parent.withOptions(b -> b.header("X-Team", "b")).close();
      Project p = parent.async().projects().get(PROJECT_ID).get(10, TimeUnit.SECONDS);
      assertEquals(PROJECT_ID, p.getId());
    }
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
    for (String url :
        List.of("http://api.example.com", "http://10.0.0.7:8000", "http://[fd00::1]")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> BraintrustClient.builder().apiKey(API_KEY).baseUrl(url).build(),
              url);
      assertTrue(e.getMessage().startsWith("baseUrl "), e.getMessage());
      assertTrue(e.getMessage().contains("allowPlainHttp()"), e.getMessage());
      assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
      BraintrustClient.builder().apiKey(API_KEY).baseUrl(url).allowPlainHttp().build().close();
    }
    Map<String, String> vars =
        Map.of("BRAINTRUST_API_KEY", API_KEY, "BRAINTRUST_API_URL", "http://api.example.com");
    assertThrows(
        IllegalArgumentException.class,
        () -> BraintrustClient.builder().fromEnv(env(vars)).build());
  }

  @Test
  void plainHttpToThisMachineIsAllowed() {
    for (String url :
        List.of(
            "http://localhost:1",
            "http://LocalHost:1",
            "http://127.0.0.1:1",
            "http://127.1.2.3",
            "http://[::1]:1",
            "http://[0:0:0:0:0:0:0:1]:1",
            "http://[::ffff:127.0.0.1]:1")) {
      BraintrustClient.builder().apiKey(API_KEY).baseUrl(url).build().close();
    }
  }

  @Test
  void derivedClientUsesOnlyItsOwnSettings(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(aResponse().withStatus(503)));
    try (BraintrustClient client = TestClients.builder(wm).header("X-Team", "a").build()) {
      BraintrustClient derived =
          client.withOptions(b -> b.apiKey("sk-other").header("X-Team", "b").maxRetries(0));
      assertThrows(InternalServerException.class, () -> derived.projects().get(PROJECT_ID));
    }
    LoggedRequest request = onlyRequest();
    assertEquals(
        List.of("Bearer sk-other"), request.getHeaders().getHeader("Authorization").values());
    assertEquals(List.of("b"), request.getHeaders().getHeader("X-Team").values());
    verify(
        1, getRequestedFor(urlEqualTo(PROJECT_PATH)).withHeader("User-Agent", matching("bt4j/.*")));
  }
}
