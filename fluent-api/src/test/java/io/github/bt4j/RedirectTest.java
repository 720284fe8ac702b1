package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.bt4j.TestClients.API_KEY;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static io.github.bt4j.TestClients.PROJECT_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;
import io.github.bt4j.errors.ApiException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirects are followed within the API's origin only; nothing of the call leaves its host. */
@WireMockTest
class RedirectTest {
  private static final String MOVED_PATH = PROJECT_PATH + "-moved";

  private HttpServer otherHost;
  private final List<String> otherHostRequests = new CopyOnWriteArrayList<>();

  /** Another server, answering any request with a project, and recording what reached it. */
  @BeforeEach
  void startOtherHost() throws IOException {
    otherHost = HttpServer.create(new InetSocketAddress(0), 0);
    otherHost.createContext(
        "/",
        exchange -> {
          otherHostRequests.add(
              exchange.getRequestURI()
                  + " impersonate="
                  + exchange.getRequestHeaders().getFirst("x-bt-impersonate-user")
                  + " custom="
                  + exchange.getRequestHeaders().getFirst("X-Custom"));
          byte[] body = TestClients.projectJson(PROJECT_ID).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    otherHost.start();
  }

  @AfterEach
  void stopOtherHost() {
    otherHost.stop(0);
  }

  private BraintrustClient client(WireMockRuntimeInfo wm) {
    return TestClients.builder(wm)
        .impersonateUser("alice@example.com")
        .header("X-Custom", "team-secret")
        .build();
  }

  @Test
  void aRedirectToAnotherHostIsNotFollowedAndIsTheCallersError(WireMockRuntimeInfo wm) {
    String elsewhere = "http://localhost:" + otherHost.getAddress().getPort() + PROJECT_PATH;
    stubFor(
        get(PROJECT_PATH)
            .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
    try (BraintrustClient client = client(wm)) {
      ApiException e = assertThrows(ApiException.class, () -> client.projects().get(PROJECT_ID));
      assertEquals(302, e.statusCode());
      TestClients.assertNoApiKey(e);
    }
    assertEquals(List.of(), otherHostRequests, "nothing of the call reached the other host");
    assertEquals(1, findAll(getRequestedFor(urlEqualTo(PROJECT_PATH))).size());
  }

  @Test
  void aRedirectToAnotherPortOfTheSameHostIsNotFollowedEither(WireMockRuntimeInfo wm) {
    String elsewhere = "http://127.0.0.1:" + otherHost.getAddress().getPort() + PROJECT_PATH;
    stubFor(
        get(PROJECT_PATH)
            .willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere)));
    try (BraintrustClient client = client(wm)) {
      ApiException e = assertThrows(ApiException.class, () -> client.projects().get(PROJECT_ID));
      assertEquals(307, e.statusCode());
    }
    assertEquals(List.of(), otherHostRequests);
  }

  @Test
  void aRedirectWithinTheApisOriginIsFollowedWithTheClientsHeaders(WireMockRuntimeInfo wm) {
    stubFor(
        get(PROJECT_PATH)
            .willReturn(aResponse().withStatus(307).withHeader("Location", MOVED_PATH)));
    stubFor(get(MOVED_PATH).willReturn(okJson(TestClients.projectJson(PROJECT_ID))));
    try (BraintrustClient client = client(wm)) {
      assertEquals(PROJECT_ID, client.projects().get(PROJECT_ID).getId().toString());
    }
    List<LoggedRequest> followed = findAll(getRequestedFor(urlEqualTo(MOVED_PATH)));
    assertEquals(1, followed.size());
    assertEquals("Bearer " + API_KEY, followed.get(0).getHeader("Authorization"));
    assertEquals("alice@example.com", followed.get(0).getHeader("x-bt-impersonate-user"));
    assertEquals("team-secret", followed.get(0).getHeader("X-Custom"));
  }
}
