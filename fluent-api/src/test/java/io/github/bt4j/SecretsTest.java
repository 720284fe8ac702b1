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
import io.github.bt4j.errors.AuthenticationException;
import io.github.bt4j.errors.BraintrustException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.internal.http.ClientAccess;
import io.github.bt4j.models.CreateAISecret;
import io.github.bt4j.models.CreateEnvVar;
import io.github.bt4j.models.CreateServiceTokenOutput;
import io.github.bt4j.models.ProxyCredentialsRequest;
import io.github.bt4j.models.ProxyCredentialsResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The API key and other secrets never reach exception messages, toString() or the log. */
@WireMockTest
class SecretsTest {
  private static final String AI_SECRET = "s3cr3t-provider-key";
  private static final String PROXY_KEY = "proxy-temp-credential-7c1e";

  private static BraintrustClient debugLoggingClient(WireMockRuntimeInfo wm) {
    Map<String, String> vars =
        Map.of(
            "BRAINTRUST_API_KEY",
            API_KEY,
            "BRAINTRUST_API_URL",
            TestClients.baseUrl(wm),
            "BRAINTRUST_LOG",
            "debug");
    Function<String, String> env = vars::get;
    return BraintrustClient.builder().fromEnv(env).maxRetries(0).build();
  }

  @Test
  void exceptionsNeverCarryTheKey(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(aResponse().withStatus(401).withBody("bad token")));
    stubFor(get("/v1/project/" + TestClients.ORG_ID).willReturn(okJson("{broken")));
    String resetId = "11111111-2222-4333-8444-555555555555";
    stubFor(
        get("/v1/project/" + resetId)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      BraintrustException[] failures = {
        assertThrows(AuthenticationException.class, () -> client.projects().get(PROJECT_ID)),
        assertThrows(
            UnexpectedResponseException.class, () -> client.projects().get(TestClients.ORG_ID)),
        assertThrows(ConnectionException.class, () -> client.projects().get(resetId)),
      };
      for (BraintrustException e : failures) {
        TestClients.assertNoApiKey(e);
      }
    }
  }

  @Test
  void toStringsNeverCarryTheKey(WireMockRuntimeInfo wm) {
    BraintrustClient.Builder builder =
        TestClients.builder(wm).header("X-Custom-Auth", "Bearer " + API_KEY);
    RequestOptions options =
        RequestOptions.builder()
            .header("X-Other-Auth", API_KEY)
            .timeout(Duration.ofSeconds(1))
            .build();
    try (BraintrustClient client = builder.build()) {
      for (Object o :
          new Object[] {builder, client, options, ClientAccess.transportOf(client).config()}) {
        String text = o.toString();
        assertFalse(text.contains(API_KEY), text);
        assertFalse(text.contains("must-never-leak"), text);
      }
      assertTrue(client.toString().contains("apiKey=<set>"), client.toString());
    }
  }

  @Test
  void modelToStringMasksSecretFields() {
    String aiSecret = new CreateAISecret().name("openai").secret(AI_SECRET).toString();
    assertFalse(aiSecret.contains(AI_SECRET), aiSecret);
    assertTrue(aiSecret.contains("secret: *"), aiSecret);
    assertTrue(aiSecret.contains("openai"), "other fields still print: " + aiSecret);

    String token = new CreateServiceTokenOutput().name("ci").key(API_KEY).toString();
    assertFalse(token.contains(API_KEY), token);
    assertTrue(token.contains("key: *"), token);

    String credentials = new ProxyCredentialsResponse().key(PROXY_KEY).toString();
    assertFalse(credentials.contains(PROXY_KEY), credentials);
    assertTrue(credentials.contains("key: *"), credentials);
  }

  @Test
  void debugLogRedactsAuthorizationAndSecretBodyFields(WireMockRuntimeInfo wm) {
    stubFor(
        post("/v1/ai_secret")
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + PROJECT_ID
                        + "\",\"org_id\":\""
                        + TestClients.ORG_ID
                        + "\",\"name\":\"openai\",\"secret\":\""
                        + AI_SECRET
                        + "\"}")));
    stubFor(post("/v1/proxy/credentials").willReturn(okJson("{\"key\": \"" + PROXY_KEY + "\"}")));
    try (LogCapture log = new LogCapture();
        BraintrustClient client = debugLoggingClient(wm)) {
      client.aiSecrets().create(new CreateAISecret().name("openai").secret(AI_SECRET));
      ProxyCredentialsResponse credentials =
          client.proxy().credentials(new ProxyCredentialsRequest().model("gpt-4o"));
      assertEquals(PROXY_KEY, credentials.getKey(), "redaction must not alter the response");

      String text = log.text();
      assertTrue(text.contains("--> POST"), "debug detail is logged: " + text);
      assertTrue(text.contains("Authorization: ██"), text);
      assertTrue(text.contains("\"secret\":\"██\""), text);
      assertTrue(text.contains("\"key\": \"██\""), text);
      assertTrue(text.contains("\"name\":\"openai\""), "other fields still print: " + text);
      assertFalse(text.contains(API_KEY), text);
      assertFalse(text.contains(AI_SECRET), text);
      assertFalse(text.contains(PROXY_KEY), text);
    }
  }

  @Test
  void debugLogRedactsWhatTheSpecMarksSecretSuchAsAnEnvVarsValue(WireMockRuntimeInfo wm) {
    String envValue = "postgres://admin:hunter2@db.internal/prod";
    stubFor(
        post("/v1/env_var")
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + PROJECT_ID
                        + "\",\"object_type\":\"project\",\"object_id\":\""
                        + PROJECT_ID
                        + "\",\"name\":\"DB_URL\",\"value\":\""
                        + envValue
                        + "\"}")));
    try (LogCapture log = new LogCapture();
        BraintrustClient client = debugLoggingClient(wm)) {
      client
          .envVars()
          .create(
              new CreateEnvVar()
                  .objectType(CreateEnvVar.ObjectTypeEnum.PROJECT)
                  .objectId(PROJECT_ID)
                  .name("DB_URL")
                  .value(envValue));
      String text = log.text();
      assertTrue(text.contains("\"name\":\"DB_URL\""), text);
      assertTrue(text.contains("\"value\":\"██\""), text);
      assertFalse(text.contains(envValue), text);
    }
  }

  @Test
  void debugLogOfFailuresCarriesNoKey(WireMockRuntimeInfo wm) {
    stubFor(
        get(PROJECT_PATH)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid api_key\",\"api_key\":\"" + API_KEY + "\"}")));
    try (LogCapture log = new LogCapture();
        BraintrustClient client = debugLoggingClient(wm)) {
      assertThrows(AuthenticationException.class, () -> client.projects().get(PROJECT_ID));
      String text = log.text();
      assertTrue(text.contains("<-- 401 GET"), text);
      assertFalse(text.contains(API_KEY), text);
    }
  }
}
