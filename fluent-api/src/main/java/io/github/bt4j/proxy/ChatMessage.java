package io.github.bt4j.proxy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.annotations.JsonAdapter;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.streaming.ChatCompletionResult;

/**
 * One message of a chat: from the system, the user, the assistant, or a tool answering the
 * assistant's tool call. Messages of other shapes, such as a user message whose content is a list
 * of text and image parts, come in through {@link #fromJson(Object)}. Immutable.
 *
 * <pre>{@code
 * ChatMessage.system("You are terse.");
 * ChatMessage.user("What's the weather in Paris?");
 * ChatMessage.fromJson(Map.of("role", "user", "content", List.of(
 *     Map.of("type", "text", "text", "What is this?"),
 *     Map.of("type", "image_url", "image_url", Map.of("url", url)))));
 * ChatMessage.assistant(result.choices().get(0));     // a streamed reply, tool calls included
 * ChatMessage.tool(call.id(), "{\"celsius\":21}");    // the answer to one tool call
 * }</pre>
 */
@JsonAdapter(JsonBacked.Adapter.class)
public final class ChatMessage extends JsonBacked {

  private ChatMessage(JsonObject json) {
    super(json);
  }

  /**
   * A system message: instructions for the model.
   *
   * @param text the instructions
   * @return the message
   * @throws IllegalArgumentException if {@code text} is null
   */
  public static ChatMessage system(String text) {
    return text("system", text);
  }

  /**
   * A user message with text content.
   *
   * @param text the text
   * @return the message
   * @throws IllegalArgumentException if {@code text} is null
   */
  public static ChatMessage user(String text) {
    return text("user", text);
  }

  /**
   * An assistant message with text content, such as an earlier answer in the conversation.
   *
   * @param text the text
   * @return the message
   * @throws IllegalArgumentException if {@code text} is null
   */
  public static ChatMessage assistant(String text) {
    return text("assistant", text);
  }

  /**
   * The assistant's reply as a message for the next turn: its text, if any, and its tool calls, if
   * any. Follow it with one {@link #tool(String, String)} message per tool call.
   *
   * @param reply a choice of a completion put together by {@code ChatCompletionAccumulator}
   * @return the message
   * @throws IllegalArgumentException if {@code reply} is null, or has neither text nor tool calls
   */
  public static ChatMessage assistant(ChatCompletionResult.Choice reply) {
    Validation.required(reply, "reply");
    if (reply.content() == null && reply.toolCalls().isEmpty()) {
      throw new IllegalArgumentException("reply has neither text nor tool calls");
    }
    JsonArray calls = new JsonArray();
    for (ChatCompletionResult.ToolCall call : reply.toolCalls()) {
      // A field the stream never sent is left out rather than sent as null.
      String type = call.type() == null ? "function" : call.type();
      JsonObject function = json("name", call.name(), "arguments", call.arguments());
      calls.add(json("id", call.id(), "type", type, "function", function));
    }
    JsonArray toolCalls = calls.isEmpty() ? null : calls;
    return new ChatMessage(
        json("role", "assistant", "content", reply.content(), "tool_calls", toolCalls));
  }

  /**
   * A tool's answer to one of the assistant's tool calls.
   *
   * @param toolCallId the id of the tool call answered
   * @param content the tool's result, usually JSON text
   * @return the message
   * @throws IllegalArgumentException if {@code toolCallId} is null or blank, or {@code content} is
   *     null
   */
  public static ChatMessage tool(String toolCallId, String content) {
    return new ChatMessage(
        json(
            "role", "tool",
            "tool_call_id", Validation.notBlank(toolCallId, "toolCallId"),
            "content", Validation.required(content, "content")));
  }

  /**
   * A message of any other shape, given as JSON: a {@code JsonObject}, a {@code Map} or any object
   * the library's JSON writes as an object with a {@code role}.
   *
   * @param message the message; copied, so later changes to it are not seen
   * @return the message
   * @throws IllegalArgumentException if {@code message} is not a JSON object with a string {@code
   *     role}
   */
  public static ChatMessage fromJson(Object message) {
    return new ChatMessage(object(message, "message", "role"));
  }

  /**
   * Who the message is from.
   *
   * @return {@code system}, {@code user}, {@code assistant}, {@code tool}, or the role of a message
   *     made with {@link #fromJson(Object)}
   */
  public String role() {
    return json().getAsJsonObject().get("role").getAsString();
  }

  private static ChatMessage text(String role, String text) {
    return new ChatMessage(json("role", role, "content", Validation.required(text, "text")));
  }
}
