package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/proxy/chat/completions} in OpenAI's format, answered by an echo of the last user
 * message ({@code "Echo: <message>"}): a {@code chat.completion} object, or with {@code stream:
 * true} one {@code chat.completion.chunk} per word as {@code data:} events, a final chunk with
 * {@code finish_reason: "stop"} (and a usage chunk if {@code stream_options.include_usage}), then
 * {@code data: [DONE]}. Token counts are word counts.
 */
final class ChatCompletionsHandler {
  private final FakeServer.Pacing pacing;
  private final AtomicLong ids = new AtomicLong();

  ChatCompletionsHandler(FakeServer.Pacing pacing) {
    this.pacing = pacing;
  }

  void register(Router router) {
    router.add("POST", "/v1/proxy/chat/completions", this::complete, Router.ErrorStyle.OPENAI);
  }

  private void complete(ApiExchange call) throws IOException {
    JsonObject body = call.bodyObject();
    String model = JsonValues.optString(body, "model", "model");
    if (model == null || model.isBlank()) {
      throw ApiError.badRequest("model is required");
    }
    JsonArray messages = JsonValues.optArray(body, "messages", "messages");
    if (messages == null || messages.isEmpty()) {
      throw ApiError.badRequest("messages is required: a non-empty list of chat messages");
    }
    for (int i = 0; i < messages.size(); i++) {
      JsonValues.object(messages.get(i), "messages[" + i + "]");
    }
    String reply = "Echo: " + lastUserMessage(messages);
    List<String> pieces = EchoText.pieces(reply);
    JsonObject usage = usage(messages, pieces.size());
    String id = "chatcmpl-fake-" + ids.incrementAndGet();
    long created = Instant.now().getEpochSecond();
    if (!JsonValues.flag(body, "stream", "stream")) {
      JsonObject message = new JsonObject();
      message.addProperty("role", "assistant");
      message.addProperty("content", reply);
      JsonObject choice = new JsonObject();
      choice.addProperty("index", 0);
      choice.add("message", message);
      choice.addProperty("finish_reason", "stop");
      JsonObject completion = envelope(id, "chat.completion", created, model, choice);
      completion.add("usage", usage);
      call.sendJson(200, completion);
      return;
    }
    JsonObject options = JsonValues.optObject(body, "stream_options", "stream_options");
    boolean includeUsage =
        options != null && JsonValues.flag(options, "include_usage", "include_usage");
    call.responseHeader("Cache-Control", "no-cache");
    try (SseWriter sse = new SseWriter(call.openStream("text/event-stream"), pacing)) {
      JsonObject first = new JsonObject();
      first.addProperty("role", "assistant");
      first.addProperty("content", "");
      sse.data(chunk(id, created, model, first, null));
      for (String piece : pieces) {
        JsonObject delta = new JsonObject();
        delta.addProperty("content", piece);
        sse.data(chunk(id, created, model, delta, null));
      }
      sse.data(chunk(id, created, model, new JsonObject(), "stop"));
      if (includeUsage) {
        JsonObject last = envelope(id, "chat.completion.chunk", created, model, null);
        last.add("usage", usage);
        sse.data(JsonValues.GSON.toJson(last));
      }
      sse.data("[DONE]");
    }
  }

  private static String chunk(
      String id, long created, String model, JsonObject delta, String finishReason) {
    JsonObject choice = new JsonObject();
    choice.addProperty("index", 0);
    choice.add("delta", delta);
    JsonValues.put(
        choice, "finish_reason", finishReason == null ? null : new JsonPrimitive(finishReason));
    return JsonValues.GSON.toJson(envelope(id, "chat.completion.chunk", created, model, choice));
  }

  private static JsonObject envelope(
      String id, String object, long created, String model, JsonObject choice) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("object", object);
    o.addProperty("created", created);
    o.addProperty("model", model);
    JsonArray choices = new JsonArray();
    if (choice != null) {
      choices.add(choice);
    }
    o.add("choices", choices);
    return o;
  }

  private static String lastUserMessage(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonObject m = messages.get(i).getAsJsonObject();
      if ("user".equals(JsonValues.optString(m, "role", "messages[" + i + "].role"))) {
        return content(m.get("content"));
      }
    }
    throw ApiError.badRequest("messages has no message with role user");
  }

  /** A message's text: a string, or the text parts of a list of content parts. */
  private static String content(JsonElement content) {
    if (content != null && content.isJsonArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonElement part : content.getAsJsonArray()) {
        if (part.isJsonObject() && part.getAsJsonObject().has("text")) {
          text.append(EchoText.of(part.getAsJsonObject().get("text")));
        }
      }
      return text.toString();
    }
    return EchoText.of(content);
  }

  private static JsonObject usage(JsonArray messages, int completionTokens) {
    int promptTokens = 0;
    for (JsonElement m : messages) {
      promptTokens += EchoText.pieces(content(m.getAsJsonObject().get("content"))).size();
    }
    JsonObject usage = new JsonObject();
    usage.addProperty("prompt_tokens", promptTokens);
    usage.addProperty("completion_tokens", completionTokens);
    usage.addProperty("total_tokens", promptTokens + completionTokens);
    return usage;
  }
}
