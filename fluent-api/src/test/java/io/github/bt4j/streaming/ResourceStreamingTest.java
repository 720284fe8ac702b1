package io.github.bt4j.streaming;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.RateLimitException;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.models.InvokeFunction;
import io.github.bt4j.proxy.ChatCompletionRequest;
import io.github.bt4j.proxy.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming forms the resources generate for operations marked x-bt4j-streaming. */
@WireMockTest
class ResourceStreamingTest {
  private static final String FUNCTION_ID = "0b6e2f3a-9c1d-4e5f-8a7b-6c5d4e3f2a1b";

  private static BraintrustClient client(WireMockRuntimeInfo wm) {
    return BraintrustClient.builder()
        .apiKey("sk-test")
        .baseUrl(wm.getHttpBaseUrl())
        .maxRetries(0)
        .build();
  }

  /** Answers POSTs to {@code path} with {@code body} as an event stream. */
  private static void serveEvents(WireMockRuntimeInfo wm, String path, String body) {
    wm.getWireMock()
        .register(
            post(path)
                .willReturn(
                    aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
  }

  @Test
  void invokeStreamSendsStreamTrueAndYieldsTypedEvents(WireMockRuntimeInfo wm) {
    serveEvents(
        wm,
        "/v1/function/" + FUNCTION_ID + "/invoke",
        "event: start\ndata: \n\n"
            + "event: text_delta\ndata: \"Hel\"\n\n"
            + "event: text_delta\ndata: \"lo\"\n\n"
            + "event: done\ndata: \n\n");
    InvokeFunction request = new InvokeFunction().input(Map.of("q", "hi"));
    FunctionEventAccumulator text = new FunctionEventAccumulator();
    try (BraintrustClient client = client(wm);
        ServerSentEventStream<FunctionEvent> events =
            client.functions().invokeStream(FUNCTION_ID, request)) {
      events.forEach(text);
    }
    assertEquals("Hello", text.text());
    assertNull(request.getStream(), "the caller's request object is left as it was");
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/v1/function/" + FUNCTION_ID + "/invoke"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("{\"input\":{\"q\":\"hi\"},\"stream\":true}")));
  }

  @Test
  void chatCompletionsStreamStopsAtDoneAndAccumulates(WireMockRuntimeInfo wm) {
    serveEvents(
        wm,
        "/v1/proxy/chat/completions",
        "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}\n\n"
            + "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n");
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    ChatCompletionRequest body =
        ChatCompletionRequest.builder()
            .model("gpt-4o-mini")
            .addMessage(ChatMessage.user("hi"))
            .build();
    try (BraintrustClient client = client(wm);
        ServerSentEventStream<ChatCompletionChunk> chunks =
            client.proxy().chatCompletionsStream(body)) {
      chunks.forEach(accumulator);
    }
    assertEquals("Hi there", accumulator.result().content());
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/v1/proxy/chat/completions"))
                .withRequestBody(
                    equalToJson(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}")));
  }

  @Test
  void aSuccessThatIsNotAnEventStreamIsAnErrorCarryingTheBody(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/v1/function/" + FUNCTION_ID + "/invoke")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"output\":\"hello, not streamed\"}")));
    try (BraintrustClient client = client(wm)) {
      UnexpectedResponseException e =
          assertThrows(
              UnexpectedResponseException.class,
              () -> client.functions().invokeStream(FUNCTION_ID, new InvokeFunction().input("hi")));
      assertEquals(200, e.statusCode());
      assertTrue(e.getMessage().contains("text/event-stream"), e.getMessage());
      assertTrue(e.getMessage().contains("application/json"), e.getMessage());
      assertTrue(e.getMessage().contains("{\"output\":\"hello, not streamed\"}"), e.getMessage());
    }
  }

  @Test
  void aRefusedStreamRaisesTheClientsTypedException(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/v1/proxy/chat/completions")
                .willReturn(aResponse().withStatus(429).withBody("slow down")));
    try (BraintrustClient client = client(wm)) {
      RateLimitException e =
          assertThrows(
              RateLimitException.class, () -> client.proxy().chatCompletionsStream(chat()));
      assertEquals("slow down", e.serverMessage());
    }
  }

  @Test
  void anInvocationCanBeReadAsRawEvents(WireMockRuntimeInfo wm) {
    serveEvents(
        wm,
        "/v1/function/" + FUNCTION_ID + "/invoke",
        "id: e1\nevent: text_delta\ndata: \"Hel\"\n\n"
            + "event: annotation\ndata: {\"note\":1}\n\n"
            + "id: e3\nevent: done\ndata: \n\n");
    List<SseEvent> raw = new ArrayList<>();
    try (BraintrustClient client = client(wm);
        ServerSentEventStream<SseEvent> events =
            client
                .functions()
                .invokeStream(FUNCTION_ID, new InvokeFunction().input("hi"))
                .rawEvents()) {
      events.forEach(raw::add);
      assertEquals("e3", events.lastEventId());
    }
    assertEquals(
        List.of(
            new SseEvent("text_delta", "\"Hel\"", "e1", null),
            new SseEvent("annotation", "{\"note\":1}", "e1", null),
            new SseEvent("done", "", "e3", null)),
        raw);
    assertEquals(new FunctionEvent.TextDelta("Hel"), FunctionEvent.parse(raw.get(0)));
  }

  @Test
  void aChatStreamCanBeReadAsRawEventsUpToTheDoneMarker(WireMockRuntimeInfo wm) {
    serveEvents(
        wm,
        "/v1/proxy/chat/completions",
        "data: {\"id\":\"c1\",\"choices\":[]}\n\n"
            + "data: {\"error\":{\"message\":\"overloaded\"}}\n\n"
            + "data: [DONE]\n\n");
    List<String> data = new ArrayList<>();
    try (BraintrustClient client = client(wm);
        ServerSentEventStream<SseEvent> events =
            client.proxy().chatCompletionsStream(chat()).rawEvents()) {
      events.forEach(event -> data.add(event.data()));
    }
    assertEquals(
        List.of(
            "{\"id\":\"c1\",\"choices\":[]}",
            "{\"error\":{\"message\":\"overloaded\"}}",
            ChatCompletionChunk.DONE),
        data,
        "the raw view hands out the error object and the end marker instead of acting on them");
  }

  private static ChatCompletionRequest chat() {
    return ChatCompletionRequest.builder().model("m").addMessage(ChatMessage.user("hi")).build();
  }
}
