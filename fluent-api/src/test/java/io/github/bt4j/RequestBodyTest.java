package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.InsertProjectLogsEventMetadata;
import io.github.bt4j.models.InsertProjectLogsEventRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A body JSON cannot carry (a value that contains itself, NaN or Infinity) is a clear
 * IllegalArgumentException naming the field, and nothing is sent.
 */
@WireMockTest
class RequestBodyTest {
  private static final String PROJECT = PROJECT_ID;

  private static InsertProjectLogsEventRequest withMetadata(InsertProjectLogsEventMetadata m) {
    return new InsertProjectLogsEventRequest()
        .events(
            List.of(
                new InsertProjectLogsEvent().input("q"), new InsertProjectLogsEvent().metadata(m)));
  }

  private static void assertNothingSent() {
    assertEquals(0, findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void circularMetadataIsAnIllegalArgumentNamingTheField(WireMockRuntimeInfo wm) {
    InsertProjectLogsEventMetadata metadata = new InsertProjectLogsEventMetadata();
    Map<String, Object> inner = new HashMap<>();
    inner.put("parent", metadata);
    metadata.put("child", inner);
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> client.logs().insert(PROJECT, withMetadata(metadata)));
      assertTrue(
          e.getMessage().startsWith("request body: events[1].metadata.child.parent.child"),
          e.getMessage());
      assertTrue(e.getMessage().contains("contains itself"), e.getMessage());
    }
    assertNothingSent();
  }

  @Test
  void aNaNIsAnIllegalArgumentNamingTheFieldNotAGsonHint(WireMockRuntimeInfo wm) {
    InsertProjectLogsEventMetadata metadata = new InsertProjectLogsEventMetadata();
    metadata.put("score", Double.NaN);
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> client.logs().insert(PROJECT, withMetadata(metadata)));
      assertEquals(
          "request body: events[1].metadata.score is NaN; JSON has no NaN or Infinity: send null"
              + " or a finite number",
          e.getMessage());
      assertFalse(e.getMessage().contains("GsonBuilder"), e.getMessage());
    }
    assertNothingSent();
  }

  @Test
  void anInfinityInAnAsyncCallFailsTheFutureAndSendsNothing(WireMockRuntimeInfo wm) {
    InsertProjectLogsEvent event =
        new InsertProjectLogsEvent()
            .output(Map.of("scores", List.of(1.0, Double.POSITIVE_INFINITY)));
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  client
                      .async()
                      .logs()
                      .insert(PROJECT, new InsertProjectLogsEventRequest().events(List.of(event)))
                      .get(10, TimeUnit.SECONDS));
      IllegalArgumentException cause =
          assertInstanceOf(IllegalArgumentException.class, e.getCause());
      assertTrue(
          cause.getMessage().startsWith("request body: events[0].output.scores[1] is Infinity"),
          cause.getMessage());
    }
    assertNothingSent();
  }

  @Test
  void aNaNInAStreamingRequestIsRefusedBeforeSending(WireMockRuntimeInfo wm) {
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> client.proxy().completions(Map.of("model", "m", "temperature", Double.NaN)));
      assertTrue(e.getMessage().contains("temperature is NaN"), e.getMessage());
    }
    assertNothingSent();
  }

  @Test
  void finiteNumbersNullsAndDeepButFiniteValuesAreSentAsTheyAre(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlEqualTo("/v1/project_logs/" + PROJECT_ID + "/insert")).willReturn(okJson("{}")));
    InsertProjectLogsEventMetadata metadata = new InsertProjectLogsEventMetadata();
    Map<String, Object> deep = new HashMap<>();
    Map<String, Object> level = deep;
    for (int i = 0; i < 50; i++) {
      Map<String, Object> next = new HashMap<>();
      level.put("n", next);
      level = next;
    }
    metadata.put("deep", deep);
    metadata.put("score", 0.25);
    metadata.put("none", null);
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      client.logs().insert(PROJECT, withMetadata(metadata));
    }
    String body =
        findAll(postRequestedFor(urlEqualTo("/v1/project_logs/" + PROJECT_ID + "/insert")))
            .get(0)
            .getBodyAsString();
    assertTrue(body.contains("\"score\":0.25"), body);
  }
}
