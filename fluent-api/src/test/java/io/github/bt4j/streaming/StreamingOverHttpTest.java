package io.github.bt4j.streaming;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.gson.JsonParser;
import io.github.bt4j.streaming.internal.Streams;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typed events and accumulators over real chunked HTTP responses, split at arbitrary bytes. */
class StreamingOverHttpTest {
  private static final OkHttpClient CLIENT =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
  private static WireMockServer server;

  @BeforeAll
  static void startServer() {
    server =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
    CLIENT.dispatcher().executorService().shutdown();
    CLIENT.connectionPool().evictAll();
  }

  /** Serves {@code body} at {@code path}, dribbled in chunks that split lines and characters. */
  private static void serve(String path, String body) {
    server.stubFor(
        post(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(body)
                    .withChunkedDribbleDelay(9, 90)));
  }

  private static <T> T call(String path, StreamOpener<T> opener) throws IOException {
    Call call =
        CLIENT.newCall(
            new Request.Builder()
                .url(server.baseUrl() + path)
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build());
    Response response = call.execute();
    assertEquals(200, response.code());
    return opener.open(call, response);
  }

  private interface StreamOpener<T> {
    T open(Call call, Response response);
  }

  private static String event(String type, String data) {
    return "event: " + type + "\ndata: " + data + "\n\n";
  }

  @Test
  void aStreamedTextInvocationAccumulatesToItsText() throws IOException {
    serve(
        "/v1/function/text/invoke",
        event("start", "")
            + event("text_delta", "\"Gr\\u00fc\u00df \"")
            + event(
                "progress",
                "{\"id\":\"s\",\"object_type\":\"tool\",\"format\":\"code\","
                    + "\"output_type\":\"completion\",\"name\":\"t\",\"event\":\"text_delta\","
                    + "\"data\":\"\\\"inner\\\"\"}")
            + event("console", "{\"stream\":\"stdout\",\"message\":\"log\"}")
            + event("text_delta", "\"Gott \ud83d\ude00\\nzweite Zeile\"")
            + event("done", ""));
    FunctionEventAccumulator accumulator = new FunctionEventAccumulator();
    List<String> types = new ArrayList<>();
    try (ServerSentEventStream<FunctionEvent> stream =
        call(
            "/v1/function/text/invoke",
            (call, response) -> Streams.events(FunctionEvent.class, call, response))) {
      stream.forEach(
          event -> {
            types.add(event.getClass().getSimpleName());
            accumulator.accept(event);
          });
    }
    assertEquals(List.of("Start", "TextDelta", "Progress", "Console", "TextDelta", "Done"), types);
    assertEquals("Grüß Gott \ud83d\ude00\nzweite Zeile", accumulator.text());
  }

  @Test
  void aStreamedJsonInvocationAccumulatesToItsValue() throws IOException {
    serve(
        "/v1/function/json/invoke",
        event("json_delta", "{\"name\": \"Cecil\",")
            + event("json_delta", " \"tags\": [\"a\", ")
            + event("json_delta", "\"b\"], \"age\": 30}")
            + event("done", ""));
    FunctionEventAccumulator accumulator = new FunctionEventAccumulator();
    // As the generated resources open it: by the operation's event type.
    call(
            "/v1/function/json/invoke",
            (call, response) -> Streams.events(FunctionEvent.class, call, response))
        .forEach(accumulator);
    assertEquals(
        JsonParser.parseString("{\"name\":\"Cecil\",\"tags\":[\"a\",\"b\"],\"age\":30}"),
        accumulator.json());
  }

  @Test
  void anErrorEventEndsAnInvocationStreamWithTheTextSoFar() throws IOException {
    serve(
        "/v1/function/error/invoke",
        event("text_delta", "\"partial \"")
            + event("error", "\"Tool failed: timeout\"")
            + event("done", ""));
    FunctionEventAccumulator accumulator = new FunctionEventAccumulator();
    ServerSentEventStream<FunctionEvent> stream =
        call(
            "/v1/function/error/invoke",
            (call, response) -> Streams.events(FunctionEvent.class, call, response));
    StreamErrorException e =
        assertThrows(StreamErrorException.class, () -> stream.forEach(accumulator));
    assertEquals("Tool failed: timeout", e.errorMessage());
    assertEquals(1, e.eventsReceived());
    assertEquals("partial ", accumulator.text());
  }

  @Test
  void aStreamedChatCompletionAccumulatesToTheFullCompletion() throws IOException {
    String prefix = "{\"id\":\"chatcmpl-9\",\"model\":\"gpt-4o-mini\",\"created\":1,\"choices\":";
    serve(
        "/v1/proxy/chat/completions",
        "data: "
            + prefix
            + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
            + ": keep-alive\n\n"
            + "data: "
            + prefix
            + "[{\"index\":0,\"delta\":{\"content\":\"Bonjour \u00e0 \"}}]}\n\n"
            + "data: "
            + prefix
            + "[{\"index\":0,\"delta\":{\"content\":\"tous\"}}]}\n\n"
            + "data: "
            + prefix
            + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"lookup\","
            + "\"arguments\":\"{\\\"q\\\":\"}}]}}]}\n\n"
            + "data: "
            + prefix
            + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"x\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
            + "data: "
            + prefix
            + "[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,"
            + "\"total_tokens\":18}}\n\n"
            + "data: [DONE]\n\n");
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    call(
            "/v1/proxy/chat/completions",
            (call, response) -> Streams.events(ChatCompletionChunk.class, call, response))
        .forEach(accumulator);
    ChatCompletionResult result = accumulator.result();
    assertEquals("chatcmpl-9", result.id());
    assertEquals("Bonjour à tous", result.content());
    assertEquals(
        List.of(
            new ChatCompletionResult.ToolCall(0, "call_1", "function", "lookup", "{\"q\":\"x\"}")),
        result.choices().get(0).toolCalls());
    assertEquals("tool_calls", result.choices().get(0).finishReason());
    assertEquals(18L, result.usage().totalTokens());
  }

  @Test
  void anErrorPayloadInAChatStreamFailsIt() throws IOException {
    serve(
        "/v1/proxy/chat/error",
        "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
            + "data: {\"error\":{\"message\":\"upstream"
            + " overloaded\",\"type\":\"server_error\"}}\n\n"
            + "data: [DONE]\n\n");
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    ServerSentEventStream<ChatCompletionChunk> stream =
        call(
            "/v1/proxy/chat/error",
            (call, response) -> Streams.events(ChatCompletionChunk.class, call, response));
    StreamErrorException e =
        assertThrows(StreamErrorException.class, () -> stream.forEach(accumulator));
    assertEquals("upstream overloaded", e.errorMessage());
    assertEquals("Hi", accumulator.result().content());
  }
}
