package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static io.github.bt4j.TestClients.API_KEY;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static io.github.bt4j.TestClients.PROJECT_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.internal.http.ClientAccess;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** HTTP logging is off unless BRAINTRUST_LOG asks for it; info logs one line per attempt. */
@WireMockTest
class LoggingTest {
  private static final String MISSING = "/v1/project/11111111-2222-4333-8444-555555555555";
  private static final String BROKEN = "/v1/project/22222222-2222-4333-8444-555555555555";

  private static void stubSuccessFailureAndFault() {
    stubFor(get(PROJECT_PATH).willReturn(okJson(TestClients.projectJson(PROJECT_ID))));
    stubFor(get(MISSING).willReturn(aResponse().withStatus(404)));
    stubFor(get(BROKEN).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  private static void callAll(BraintrustClient client) {
    client.projects().get(PROJECT_ID);
    assertThrows(NotFoundException.class, () -> client.projects().get(MISSING.substring(12)));
    assertThrows(ConnectionException.class, () -> client.projects().get(BROKEN.substring(12)));
  }

  private static Function<String, String> env(WireMockRuntimeInfo wm, String log) {
    Map<String, String> vars =
        log == null
            ? Map.of("BRAINTRUST_API_KEY", API_KEY, "BRAINTRUST_API_URL", TestClients.baseUrl(wm))
            : Map.of(
                "BRAINTRUST_API_KEY", API_KEY,
                "BRAINTRUST_API_URL", TestClients.baseUrl(wm),
                "BRAINTRUST_LOG", log);
    return vars::get;
  }

  @Test
  void builderLogsNothingByDefault(WireMockRuntimeInfo wm) {
    stubSuccessFailureAndFault();
    try (LogCapture log = new LogCapture();
        BraintrustClient client = TestClients.noRetries(wm)) {
      callAll(client);
      assertEquals(List.of(), log.records());
    }
  }

  @Test
  void fromEnvWithoutBraintrustLogLogsNothing(WireMockRuntimeInfo wm) {
    stubSuccessFailureAndFault();
    try (LogCapture log = new LogCapture();
        BraintrustClient client =
            BraintrustClient.builder().fromEnv(env(wm, null)).maxRetries(0).build()) {
      callAll(client);
      assertEquals(List.of(), log.records());
    }
  }

  @Test
  void unknownLogValueLogsNothing(WireMockRuntimeInfo wm) {
    stubSuccessFailureAndFault();
    try (LogCapture log = new LogCapture();
        BraintrustClient client =
            BraintrustClient.builder().fromEnv(env(wm, "verbose")).maxRetries(0).build()) {
      callAll(client);
      assertEquals(List.of(), log.records());
    }
  }

  @Test
  void infoLogsOneLinePerAttemptWithoutHeaders(WireMockRuntimeInfo wm) {
    stubSuccessFailureAndFault();
    try (LogCapture log = new LogCapture();
        BraintrustClient client =
            BraintrustClient.builder().fromEnv(env(wm, "info")).maxRetries(0).build()) {
      callAll(client);
      List<LogRecord> records = log.records();
      assertEquals(3, records.size(), log.text());
      assertTrue(records.stream().allMatch(r -> r.getLevel() == Level.INFO), log.text());
      assertTrue(records.get(0).getMessage().startsWith("<-- 200 GET "), log.text());
      assertTrue(records.get(1).getMessage().startsWith("<-- 404 GET "), log.text());
      assertTrue(records.get(2).getMessage().contains(" failed: "), log.text());
      assertFalse(log.text().contains("Authorization"), log.text());
    }
  }

  @Test
  void debugLogsJsonBodiesButNeverReadsAJsonLinesStream(WireMockRuntimeInfo wm) throws IOException {
    String rows = "{\"row\":1}\n{\"row\":2}\n";
    stubFor(
        post("/v1/btql")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/x-jsonlines").withBody(rows)));
    stubFor(get(PROJECT_PATH).willReturn(okJson(TestClients.projectJson(PROJECT_ID))));
    try (LogCapture log = new LogCapture();
        BraintrustClient client =
            BraintrustClient.builder().fromEnv(env(wm, "debug")).maxRetries(0).build()) {
      client.projects().get(PROJECT_ID);
      Request query =
          new Request.Builder()
              .url(client.baseUrl() + "v1/btql")
              .post(RequestBody.create("{}", MediaType.get("application/json")))
              .build();
      Transport transport = ClientAccess.transportOf(client);
      try (Response response =
          transport.open(transport.newCall(query, RequestOptions.none(), RetryRule.ALWAYS))) {
        assertEquals(rows, response.body().string());
      }
      String text = log.text();
      assertTrue(text.contains("\"name\":\"p-" + PROJECT_ID + "\""), text);
      assertFalse(text.contains("\"row\""), text);
    }
  }
}
