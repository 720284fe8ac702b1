package io.github.bt4j;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.function.Supplier;

/** Shared fixtures of the machinery tests: a recognisable API key and clients aimed at WireMock. */
final class TestClients {
  /** A key no test output may contain. */
  static final String API_KEY = "sk-TEST-9f8e7d6c5b4a-must-never-leak";

  static final String PROJECT_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  static final String ORG_ID = "5d2a8f41-7b3e-4c19-9a6d-0e1f2a3b4c5d";
  static final String PROJECT_PATH = "/v1/project/" + PROJECT_ID;

  private TestClients() {}

  /**
   * WireMock's URL with an IP literal: {@code localhost} may resolve to two addresses, and OkHttp
   * would then retry a failed connection on the other one, blurring the attempt counts.
   */
  static String baseUrl(WireMockRuntimeInfo wm) {
    return "http://127.0.0.1:" + wm.getHttpPort();
  }

  static BraintrustClient.Builder builder(WireMockRuntimeInfo wm) {
    return BraintrustClient.builder().apiKey(API_KEY).baseUrl(baseUrl(wm));
  }

  /** A client that gives up at the first failure, so each test sees exactly one attempt. */
  static BraintrustClient noRetries(WireMockRuntimeInfo wm) {
    return builder(wm).maxRetries(0).build();
  }

  static String projectJson(String id) {
    return "{\"id\":\"" + id + "\",\"org_id\":\"" + ORG_ID + "\",\"name\":\"p-" + id + "\"}";
  }

  /**
   * Makes WireMock answer successive requests matching {@code request} with {@code responses} in
   * turn; the last answer repeats.
   */
  static void respondInTurn(
      Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
    String scenario = "turns-" + System.identityHashCode(responses);
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder step =
          request
              .get()
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn-" + i);
      if (i + 1 < responses.length) {
        step = step.willSetStateTo("turn-" + (i + 1));
      }
      WireMock.stubFor(step.willReturn(responses[i]));
    }
  }

  /** Fails if the API key appears in the message or string form of {@code t} or its causes. */
  static void assertNoApiKey(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertFalse(String.valueOf(c.getMessage()).contains(API_KEY), () -> "key in message of " + t);
      assertFalse(c.toString().contains(API_KEY), "key in toString");
    }
  }
}
