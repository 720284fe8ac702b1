package io.github.bt4j.examples.standin;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.generated.model.CreateProject;
import io.github.bt4j.generated.model.InvokeApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StandInStreamingTest {
  /** Holds the third event of every stream back until the test has read the first two. */
  private final CountDownLatch releaseThirdEvent = new CountDownLatch(1);

  private final StandInFixture api =
      new StandInFixture(
          StandIn.builder()
              .streamPacing(
                  index -> {
                    // Giving up aborts the stream, so a server that does not flush fails the test.
                    if (index == 2 && !releaseThirdEvent.await(5, SECONDS)) {
                      throw new InterruptedException("the test never read the first events");
                    }
                  })
              .start());

  private final String functionId = createFunction();

  @AfterEach
  void stop() {
    releaseThirdEvent.countDown();
    api.close();
  }

  @Test
  void functionInvocationsStreamOneFlushedEventPerWord() throws IOException {
    String body = "{\"input\": \"hello stand-in world\", \"stream\": true}";
    try (Response response = open("/v1/function/" + functionId + "/invoke", body)) {
      assertEquals("text/event-stream", response.header("Content-Type"));
      assertEquals("chunked", response.header("Transfer-Encoding"));
      BufferedSource source = response.body().source();

      // The server is now blocked before its third event: these two must already be here.
      assertEquals(List.of("event: start", "data: ", ""), lines(source, 3));
      assertEquals(List.of("event: text_delta", "data: \"Echo \"", ""), lines(source, 3));
      releaseThirdEvent.countDown();

      StringBuilder text = new StringBuilder("Echo ");
      while (true) {
        List<String> event = lines(source, 3);
        if (event.get(0).equals("event: done")) {
          assertEquals("data: ", event.get(1));
          break;
        }
        assertEquals("event: text_delta", event.get(0));
        text.append(JsonParser.parseString(event.get(1).substring(6)).getAsString());
      }
      assertEquals("Echo from Greeter: hello stand-in world", text.toString());
      assertTrue(source.exhausted());
    }
  }

  @Test
  void jsonModeStreamsPiecesOfOneJsonValue() throws IOException {
    releaseThirdEvent.countDown();
    String body = "{\"input\": {\"q\": 1}, \"stream\": true, \"mode\": \"json\"}";
    StringBuilder json = new StringBuilder();
    try (Response response = open("/v1/function/" + functionId + "/invoke", body)) {
      String all = response.body().string();
      for (String event : all.split("\n\n")) {
        if (event.startsWith("event: json_delta\n")) {
          json.append(event.substring("event: json_delta\ndata: ".length()));
        }
      }
    }
    assertEquals(
        JsonParser.parseString("{\"function\": \"greeter\", \"input\": {\"q\": 1}}"),
        JsonParser.parseString(json.toString()));
  }

  @Test
  void aNonStreamingInvocationAnswersTheOutput() {
    Object output = api.client.functions().invoke(functionId, new InvokeApi().input("hi"));

    assertEquals("Echo from Greeter: hi", output);
    assertThrows(
        NotFoundException.class,
        () -> api.client.functions().invoke(UUID.randomUUID(), new InvokeApi().input("hi")));
  }

  @Test
  void chatCompletionsStreamOpenAiChunksThenDone() throws IOException {
    releaseThirdEvent.countDown();
    String body =
        "{\"model\": \"gpt-4o-mini\", \"stream\": true, \"stream_options\": {\"include_usage\": true},"
            + " \"messages\": [{\"role\": \"system\", \"content\": \"Be brief\"},"
            + " {\"role\": \"user\", \"content\": \"Hello there\"}]}";
    List<String> data = new ArrayList<>();
    try (Response response = open("/v1/proxy/chat/completions", body)) {
      for (String event : response.body().string().split("\n\n")) {
        assertTrue(event.startsWith("data: "), event);
        data.add(event.substring(6));
      }
    }

    assertEquals("[DONE]", data.get(data.size() - 1));
    StringBuilder text = new StringBuilder();
    String finishReason = null;
    for (String chunk : data.subList(0, data.size() - 2)) {
      JsonObject choice =
          JsonParser.parseString(chunk)
              .getAsJsonObject()
              .getAsJsonArray("choices")
              .get(0)
              .getAsJsonObject();
      JsonObject delta = choice.getAsJsonObject("delta");
      if (delta.has("content")) {
        text.append(delta.get("content").getAsString());
      }
      if (!choice.get("finish_reason").isJsonNull()) {
        finishReason = choice.get("finish_reason").getAsString();
      }
    }
    assertEquals("Echo: Hello there", text.toString());
    assertEquals("stop", finishReason);
    JsonObject usage =
        JsonParser.parseString(data.get(data.size() - 2))
            .getAsJsonObject()
            .getAsJsonObject("usage");
    assertEquals(7, usage.get("total_tokens").getAsInt());
  }

  @Test
  void aNonStreamingChatCompletionIsOneObject() {
    Object completion =
        api.client
            .proxy()
            .chatCompletions(
                Map.of("model", "m", "messages", List.of(Map.of("role", "user", "content", "Hi"))));

    Map<?, ?> choice = (Map<?, ?>) ((List<?>) ((Map<?, ?>) completion).get("choices")).get(0);
    assertEquals("Echo: Hi", ((Map<?, ?>) choice.get("message")).get("content"));
    assertEquals("stop", choice.get("finish_reason"));
  }

  @Test
  void proxyErrorsUseOpenAisShape() {
    StandInFixture.Answer raw = api.post("/v1/proxy/chat/completions", "{\"messages\": []}");
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () -> api.client.proxy().chatCompletions(Map.of("messages", List.of())));

    assertEquals(400, raw.status());
    assertEquals(
        "invalid_request_error",
        raw.json().getAsJsonObject().getAsJsonObject("error").get("type").getAsString());
    assertEquals("model is required", e.serverMessage());
  }

  private String createFunction() {
    UUID project = api.client.projects().create(new CreateProject().name("fn")).getId();
    StandInFixture.Answer created =
        api.post(
            "/v1/function",
            "{\"project_id\": \""
                + project
                + "\", \"name\": \"Greeter\", \"slug\": \"greeter\","
                + " \"function_data\": {\"type\": \"prompt\"}}");
    assertEquals(200, created.status(), created.body());
    return created.json().getAsJsonObject().get("id").getAsString();
  }

  private Response open(String path, String json) throws IOException {
    return api.http
        .newCall(api.request(path).post(RequestBody.create(json, StandInFixture.JSON)).build())
        .execute();
  }

  private static List<String> lines(BufferedSource source, int count) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(source.readUtf8LineStrict());
    }
    return lines;
  }
}
