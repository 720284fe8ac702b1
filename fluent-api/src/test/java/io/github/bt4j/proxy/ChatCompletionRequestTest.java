package io.github.bt4j.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.streaming.ChatCompletionResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChatCompletionRequestTest {

  private static ChatCompletionRequest.Builder minimal() {
    return ChatCompletionRequest.builder().model("gpt-4o-mini").addMessage(ChatMessage.user("hi"));
  }

  /** Asserts that {@code call} is refused with a message starting with {@code argument}. */
  private static void refused(String argument, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(argument), () -> argument + ": " + e.getMessage());
  }

  @Test
  void everyFieldIsWrittenAsTheChatApiTakesItInTheOrderFirstSet() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of("city", Map.of("type", "string")));
    ChatCompletionRequest request =
        ChatCompletionRequest.builder()
            .model("gpt-4o")
            .addMessage(ChatMessage.system("Be terse."))
            .addMessage(
                ChatMessage.fromJson(
                    jsonObject(
                        "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
                            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\","
                            + "\"detail\":\"low\"}}]}")))
            .addFunctionTool("lookup", "Look a city up", schema)
            .putExtra(
                "tool_choice",
                jsonObject("{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}"))
            .temperature(0.5)
            .putExtra("top_p", 0.9)
            .maxTokens(100)
            .putExtra("max_completion_tokens", 200)
            .putExtra("stop", List.of("END", "\n\n"))
            .putExtra("response_format", Map.of("type", "json_object"))
            .putExtra("stream_options", Map.of("include_usage", true))
            .putExtra("seed", 7)
            .putExtra("metadata", Map.of("run", "a"))
            .putExtra("user", null)
            .build();
    assertEquals(
        "{\"model\":\"gpt-4o\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"Be terse.\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\","
            + "\"detail\":\"low\"}}]}],"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\","
            + "\"description\":\"Look a city up\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}}}}}],"
            + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}},"
            + "\"temperature\":0.5,\"top_p\":0.9,\"max_tokens\":100,\"max_completion_tokens\":200,"
            + "\"stop\":[\"END\",\"\\n\\n\"],\"response_format\":{\"type\":\"json_object\"},"
            + "\"stream_options\":{\"include_usage\":true},"
            + "\"seed\":7,\"metadata\":{\"run\":\"a\"},\"user\":null}",
        request.toJson());
    assertEquals("gpt-4o", request.model());
  }

  @Test
  void eachKindOfMessageToolChoiceAndFormatHasTheApisShape() {
    assertEquals(
        "{\"role\":\"assistant\",\"content\":\"earlier\"}",
        ChatMessage.assistant("earlier").toJson());
    assertEquals(
        "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"c\\\":21}\"}",
        ChatMessage.tool("call_1", "{\"c\":21}").toJson());
    assertEquals(
        jsonObject("{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"now\"}}]}")
            .get("tools"),
        jsonObject(minimal().addFunctionTool("now", null, null).build().toJson()).get("tools"));
    assertEquals(
        "{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{}}]}",
        ChatMessage.fromJson(
                jsonObject(
                    "{\"role\":\"user\",\"content\":"
                        + "[{\"type\":\"input_audio\",\"input_audio\":{}}]}"))
            .toJson());
    assertEquals("user", ChatMessage.user("x").role());
  }

  @Test
  void aStreamedReplyBecomesTheNextTurnsAssistantMessage() {
    ChatCompletionResult.Choice reply =
        new ChatCompletionResult.Choice(
            0,
            "assistant",
            null,
            List.of(
                new ChatCompletionResult.ToolCall(
                    0, "call_1", "function", "get_weather", "{\"location\":\"Paris\"}"),
                new ChatCompletionResult.ToolCall(1, null, null, "now", "")),
            "tool_calls");
    assertEquals(
        "{\"role\":\"assistant\",\"tool_calls\":["
            + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\"}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"\"}}]}",
        ChatMessage.assistant(reply).toJson());
    ChatCompletionResult.Choice text =
        new ChatCompletionResult.Choice(0, "assistant", "Hello", List.of(), "stop");
    assertEquals(ChatMessage.assistant("Hello"), ChatMessage.assistant(text));
    refused(
        "reply",
        () ->
            ChatMessage.assistant(
                new ChatCompletionResult.Choice(0, "assistant", null, List.of(), "length")));
  }

  @Test
  void badInputIsRefusedNamingTheArgument() {
    refused(
        "model", () -> ChatCompletionRequest.builder().addMessage(ChatMessage.user("hi")).build());
    refused("messages", () -> ChatCompletionRequest.builder().model("m").build());
    refused("model", () -> minimal().model(" "));
    refused("model", () -> minimal().model(null));
    refused("message", () -> minimal().addMessage(null));
    refused("text", () -> minimal().addMessage(ChatMessage.user(null)));
    refused("temperature", () -> minimal().temperature(Double.NaN));
    refused("temperature", () -> minimal().temperature(-0.1));
    refused("temperature", () -> minimal().temperature(Double.POSITIVE_INFINITY));
    refused("maxTokens", () -> minimal().maxTokens(0));
    refused("tool", () -> minimal().addTool(null));
    refused("name", () -> minimal().putExtra(" ", 1));
    refused("name 'temperature'", () -> minimal().putExtra("temperature", 1));
    refused("name 'messages'", () -> minimal().putExtra("messages", List.of()));
    refused("value", () -> minimal().putExtra("seed", Double.NaN));
    refused("name", () -> minimal().addFunctionTool("", "d", null));
    refused("parameters", () -> minimal().addFunctionTool("f", "d", "not a schema"));
    refused("parameters", () -> minimal().addFunctionTool("f", "d", List.of()));
    refused("toolCallId", () -> ChatMessage.tool(" ", "x"));
    refused("content", () -> ChatMessage.tool("call_1", null));
    refused("message", () -> ChatMessage.fromJson(Map.of("content", "no role")));
    refused("message", () -> ChatMessage.fromJson("text"));
    refused("value", () -> minimal().putExtra("tool_choice", Map.of("x", Double.NaN)));
    refused("tool", () -> minimal().addTool(Map.of("function", Map.of())));
  }

  @Test
  void theStreamFlagIsTheCallsToSetNotTheBuilders() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> minimal().putExtra("stream", true));
    assertTrue(e.getMessage().contains("chatCompletionsStream"), e.getMessage());
    ChatCompletionRequest read =
        BraintrustJson.fromJson(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}",
            ChatCompletionRequest.class);
    assertTrue(read.toJson().contains("\"stream\":true"), "reading keeps every field");
    assertFalse(
        read.toBuilder().build().toJson().contains("stream"), read.toBuilder().build().toJson());
  }

  @Test
  void theRequestIsImmutableWhateverTheCallerChangesAfterwards() {
    Map<String, Object> schema = new HashMap<>(Map.of("type", "object"));
    Map<String, Object> metadata = new HashMap<>(Map.of("run", "a"));
    JsonObject extra = new JsonObject();
    extra.addProperty("k", 1);
    Map<String, Object> message = new HashMap<>(Map.of("role", "user", "content", "first"));
    ChatCompletionRequest.Builder builder =
        ChatCompletionRequest.builder()
            .model("m")
            .addMessage(ChatMessage.fromJson(message))
            .addFunctionTool("f", null, schema)
            .putExtra("metadata", metadata)
            .putExtra("extra", extra);
    ChatCompletionRequest request = builder.build();
    String before = request.toJson();

    schema.put("changed", true);
    metadata.put("changed", true);
    extra.addProperty("changed", true);
    message.put("content", "changed");
    builder.addMessage(ChatMessage.user("added to the builder")).addFunctionTool("g", null, null);
    builder.model("other");
    ChatCompletionRequest next =
        request.toBuilder().addMessage(ChatMessage.user("next turn")).build();

    assertEquals(before, request.toJson());
    assertEquals("m", request.model());
    assertTrue(next.toJson().contains("next turn"));
    assertNotEquals(request, next);
    assertEquals(request, BraintrustJson.fromJson(before, ChatCompletionRequest.class));
  }

  @Test
  void theLibrarysJsonWritesAndReadsEveryType() {
    ChatCompletionRequest request =
        minimal()
            .addFunctionTool("f", "d", Map.of("type", "object"))
            .addTool(Map.of("type", "web_search_preview"))
            .putExtra("tool_choice", "required")
            .putExtra("response_format", Map.of("type", "text"))
            .build();
    assertEquals(request.toJson(), BraintrustJson.toJson(request));
    assertEquals(request, BraintrustJson.fromJson(request.toJson(), ChatCompletionRequest.class));
    // Inside a free-form value too, as when it is sent as a body declared as Object.
    assertEquals(
        jsonObject(request.toJson()),
        jsonObject(BraintrustJson.toJson(Map.of("r", request))).get("r"));
    ChatMessage message = ChatMessage.tool("call_1", "t");
    assertEquals(message, BraintrustJson.fromJson(message.toJson(), ChatMessage.class));
  }

  private static JsonObject jsonObject(String json) {
    return com.google.gson.JsonParser.parseString(json).getAsJsonObject();
  }

  @Test
  void jsonWithoutAModelOrMessagesIsNoRequest() {
    refused(
        "not well-formed JSON",
        () ->
            BraintrustJson.fromJson(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                ChatCompletionRequest.class));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BraintrustJson.fromJson(
                    "{\"model\":\"m\",\"messages\":[]}", ChatCompletionRequest.class));
    assertTrue(e.getMessage().contains("at least one message"), e.getMessage());
  }

  @Test
  void toStringIsShortAndEqualityFollowsTheJson() {
    String longText = "x".repeat(10_000);
    ChatCompletionRequest request = minimal().addMessage(ChatMessage.user(longText)).build();
    assertTrue(request.toString().startsWith("ChatCompletionRequest{\"model\":\"gpt-4o-mini\""));
    assertTrue(request.toString().length() < 300, request.toString());
    assertEquals(minimal().build(), minimal().build());
    assertEquals(minimal().build().hashCode(), minimal().build().hashCode());
    assertNotEquals(minimal().build(), minimal().temperature(0).build());
  }
}
