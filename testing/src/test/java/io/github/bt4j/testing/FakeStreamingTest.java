package io.github.bt4j.testing;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeStreamingTest {
  /** Holds the third event of every stream back until the test has read the first two. */
  private final CountDownLatch releaseThirdEvent = new CountDownLatch(1);

  private final HttpFixture api =
      new HttpFixture(
          FakeBraintrust.builder()
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
    String body = "{\"input\": \"hello fake world\", \"stream\": true}";
    HttpResponse<InputStream> response = open("/v1/function/" + functionId + "/invoke", body);
    try (BufferedReader source = reader(response)) {
      assertEquals("text/event-stream", response.headers().firstValue("Content-Type").get());
      assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").get());

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
      assertEquals("Echo from Greeter: hello fake world", text.toString());
      assertNull(source.readLine(), "the stream ends after done");
    }
  }

  @Test
  void jsonModeStreamsPiecesOfOneJsonValue() {
    releaseThirdEvent.countDown();
    String body = "{\"input\": {\"q\": 1}, \"stream\": true, \"mode\": \"json\"}";
    StringBuilder json = new StringBuilder();
    for (String event :
        api.post("/v1/function/" + functionId + "/invoke", body).body().split("\n\n")) {
      if (event.startsWith("event: json_delta\n")) {
        json.append(event.substring("event: json_delta\ndata: ".length()));
      }
    }

    assertEquals(
        JsonParser.parseString("{\"function\": \"greeter\", \"input\": {\"q\": 1}}"),
        JsonParser.parseString(json.toString()));
  }

  @Test
  void aNonStreamingInvocationAnswersTheOutput() {
    HttpFixture.Answer output =
        api.post("/v1/function/" + functionId + "/invoke", "{\"input\": \"hi\"}");
    HttpFixture.Answer unknown =
        api.post("/v1/function/" + UUID.randomUUID() + "/invoke", "{\"input\": \"hi\"}");

    assertEquals("Echo from Greeter: hi", output.json().getAsString());
    assertEquals(404, unknown.status());
  }

  @Test
  void chatCompletionsStreamOpenAiChunksThenDone() {
    releaseThirdEvent.countDown();
    String body =
        "{\"model\": \"gpt-4o-mini\", \"stream\": true, \"stream_options\": {\"include_usage\": true},"
            + " \"messages\": [{\"role\": \"system\", \"content\": \"Be brief\"},"
            + " {\"role\": \"user\", \"content\": \"Hello there\"}]}";
    List<String> data = new ArrayList<>();
    for (String event : api.post("/v1/proxy/chat/completions", body).body().split("\n\n")) {
      assertTrue(event.startsWith("data: "), event);
      data.add(event.substring(6));
    }

    assertEquals("[DONE]", data.get(data.size() - 1));
    StringBuilder text = new StringBuilder();
    String finishReason = null;
    for (String chunk : data.subList(0, data.size() - 2)) {
      JsonObject choice = firstChoice(JsonParser.parseString(chunk).getAsJsonObject());
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
    HttpFixture.Answer completion =
        api.post(
            "/v1/proxy/chat/completions",
            "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");

    JsonObject choice = firstChoice(completion.object());
    assertEquals("Echo: Hi", choice.getAsJsonObject("message").get("content").getAsString());
    assertEquals("stop", choice.get("finish_reason").getAsString());
  }

  @Test
  void proxyErrorsUseOpenAisShape() {
    HttpFixture.Answer raw = api.post("/v1/proxy/chat/completions", "{\"messages\": []}");

    assertEquals(400, raw.status());
    JsonObject error = raw.object().getAsJsonObject("error");
    assertEquals("invalid_request_error", error.get("type").getAsString());
    assertEquals("model is required", error.get("message").getAsString());
  }

  private String createFunction() {
    String project = api.project("fn");
    return api.ok(
            "/v1/function",
            "{\"project_id\": \""
                + project
                + "\", \"name\": \"Greeter\", \"slug\": \"greeter\","
                + " \"function_data\": {\"type\": \"prompt\"}}")
        .get("id")
        .getAsString();
  }

  private HttpResponse<InputStream> open(String path, String json) {
    return api.open(api.method("POST", path, json).build());
  }

  private static BufferedReader reader(HttpResponse<InputStream> response) {
    return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }

  private static JsonObject firstChoice(JsonObject completion) {
    return completion.getAsJsonArray("choices").get(0).getAsJsonObject();
  }

  private static List<String> lines(BufferedReader source, int count) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(source.readLine());
    }
    return lines;
  }
}
