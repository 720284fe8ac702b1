package io.github.bt4j.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.ServerSentEventStream;
import io.github.bt4j.streaming.internal.Streams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chat requests Braintrust's SDKs sent to the live AI proxy (recorded in {@code
 * shared/realdata/bodies/022[2-5]-*.req.json}), built with the builder and sent through the client,
 * reach the server as the same JSON.
 */
@WireMockTest
class ChatCompletionRequestRecordedTest {
  private static final String PATH = "/v1/proxy/chat/completions";

  private static final Map<String, Object> WEATHER_PARAMETERS =
      Map.of(
          "type", "object",
          "properties",
              Map.of("location", Map.of("type", "string", "description", "The city and state")),
          "required", List.of("location"));

  /** The request each recording holds, written with the builder. */
  private static ChatCompletionRequest built(String recording) {
    ChatCompletionRequest.Builder builder =
        ChatCompletionRequest.builder()
            .model("gpt-4o-mini")
            .putExtra("stream_options", Map.of("include_usage", true));
    return switch (recording) {
      case "0222", "0223" -> builder.addMessage(ChatMessage.user("Count from 1 to 3")).build();
      case "0224", "0225" ->
          builder
              .addMessage(ChatMessage.user("What's the weather in San Francisco?"))
              .addFunctionTool("get_weather", "Get weather for a location", WEATHER_PARAMETERS)
              .build();
      default -> throw new IllegalArgumentException(recording);
    };
  }

  private static JsonElement recorded(String recording) throws IOException {
    String root = System.getProperty("bt4j.repoRoot");
    assertNotNull(root, "system property bt4j.repoRoot is not set (surefire sets it)");
    Path bodies = Path.of(root, "..", "shared", "realdata", "bodies").normalize();
    try (var files = Files.list(bodies)) {
      Path file =
          files
              .filter(f -> f.getFileName().toString().startsWith(recording + "-"))
              .filter(f -> f.getFileName().toString().endsWith(".req.json"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no recorded request " + recording));
      return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    }
  }

  private static BraintrustClient client(WireMockRuntimeInfo wm) {
    return BraintrustClient.builder()
        .apiKey("sk-test")
        .baseUrl(wm.getHttpBaseUrl())
        .maxRetries(0)
        .build();
  }

  private static void answer(WireMockRuntimeInfo wm, String contentType, String body) {
    wm.getWireMock()
        .register(
            post(PATH)
                .willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
  }

  private static String onlyBodySent(WireMockRuntimeInfo wm) {
    List<LoggedRequest> sent = wm.getWireMock().find(postRequestedFor(urlEqualTo(PATH)));
    assertEquals(1, sent.size());
    return sent.get(0).getBodyAsString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0222", "0223", "0224", "0225"})
  void theStreamedCallSendsTheRecordedRequest(String recording, WireMockRuntimeInfo wm)
      throws IOException {
    answer(wm, "text/event-stream", "data: [DONE]\n\n");
    try (BraintrustClient client = client(wm);
        ServerSentEventStream<ChatCompletionChunk> chunks =
            client.proxy().chatCompletionsStream(built(recording))) {
      chunks.forEach(chunk -> {});
    }
    assertEquals(recorded(recording), JsonParser.parseString(onlyBodySent(wm)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0222", "0224"})
  void theUnstreamedCallSendsTheRequestsJsonAsItIs(String recording, WireMockRuntimeInfo wm)
      throws IOException {
    answer(wm, "application/json", "{\"id\":\"c1\",\"choices\":[]}");
    ChatCompletionRequest request = built(recording);
    try (BraintrustClient client = client(wm)) {
      client.proxy().chatCompletions(request);
    }
    assertEquals(request.toJson(), onlyBodySent(wm));
    JsonElement withoutStream = recorded(recording);
    withoutStream.getAsJsonObject().remove("stream");
    assertEquals(withoutStream, JsonParser.parseString(request.toJson()));
  }

  /**
   * A resource whose body parameter is declared as {@code ChatCompletionRequest} puts the stream
   * flag on as the resources do for any body: the request reads back with it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"0223", "0225"})
  void theStreamFlagGoesOnARequestDeclaredAsSuch(String recording) throws IOException {
    ChatCompletionRequest flagged =
        Streams.withStreamFlag(
            BraintrustJson.gson(), built(recording), ChatCompletionRequest.class);
    assertEquals(recorded(recording), JsonParser.parseString(flagged.toJson()));
  }
}
