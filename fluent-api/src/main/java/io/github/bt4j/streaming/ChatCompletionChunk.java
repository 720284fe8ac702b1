package io.github.bt4j.streaming;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.List;

/**
 * One chunk of an OpenAI-style streamed chat completion, as the AI proxy sends them ({@code data:
 * {chunk}} events until {@code data: [DONE]}). Fields this type does not name stay reachable
 * through {@link #raw()}.
 *
 * @param id the completion id, shared by all chunks of one completion
 * @param model the model that answered
 * @param created when the completion was created, in seconds since the epoch, or null
 * @param choices the choice deltas in this chunk; empty in a usage-only chunk
 * @param usage token counts, usually only in the last chunk, or null
 * @param raw the whole chunk as sent
 */
public record ChatCompletionChunk(
    String id, String model, Long created, List<Choice> choices, Usage usage, JsonObject raw) {

  /** The data of the event that ends the stream. */
  public static final String DONE = "[DONE]";

  /** Makes the choice list unmodifiable. */
  public ChatCompletionChunk {
    choices = List.copyOf(choices);
  }

  /**
   * Parses the JSON of one chunk.
   *
   * @param json the chunk
   * @return the chunk
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public static ChatCompletionChunk parse(String json) {
    JsonObject o = JsonFields.parseObject(json, "A chat completion chunk");
    List<Choice> choices = objects(o, "choices", Choice::of);
    JsonObject usage = JsonFields.object(o, "usage");
    return new ChatCompletionChunk(
        JsonFields.string(o, "id"),
        JsonFields.string(o, "model"),
        JsonFields.number(o, "created"),
        choices,
        usage == null ? null : Usage.of(usage),
        o);
  }

  /**
   * The objects of the array field {@code name}, each decoded; other elements are skipped. Made
   * unmodifiable here, so that the records' own copies are no copies: a stream decodes one or two
   * of these per chunk, most of them with one element or none.
   */
  private static <T> List<T> objects(
      JsonObject o, String name, java.util.function.Function<JsonObject, T> decode) {
    JsonElement value = o.get(name);
    if (value == null || !value.isJsonArray()) {
      return List.of();
    }
    JsonArray array = value.getAsJsonArray();
    if (array.size() == 1) {
      JsonElement only = array.get(0);
      return only.isJsonObject() ? List.of(decode.apply(only.getAsJsonObject())) : List.of();
    }
    List<T> decoded = new ArrayList<>(array.size());
    for (JsonElement element : array) {
      if (element.isJsonObject()) {
        decoded.add(decode.apply(element.getAsJsonObject()));
      }
    }
    return List.copyOf(decoded);
  }

  /**
   * Decodes one server-sent event.
   *
   * @param event the event
   * @return the chunk, or null for the {@code [DONE]} marker
   * @throws IllegalArgumentException if the data is not a JSON object
   */
  public static ChatCompletionChunk fromEvent(SseEvent event) {
    return isDone(event) ? null : parse(event.data());
  }

  /**
   * Whether the event is the {@code data: [DONE]} marker that ends the stream.
   *
   * @param event the event
   * @return true for the end marker
   */
  public static boolean isDone(SseEvent event) {
    return DONE.equals(event.data());
  }

  /**
   * The change to one choice.
   *
   * @param index which choice; 0 when the provider leaves it out
   * @param delta what the chunk adds to the message
   * @param finishReason why generation stopped, in the choice's last chunk; otherwise null
   * @param raw the whole choice as sent
   */
  public record Choice(int index, Delta delta, String finishReason, JsonObject raw) {
    static Choice of(JsonObject o) {
      Long index = JsonFields.number(o, "index");
      JsonObject delta = JsonFields.object(o, "delta");
      return new Choice(
          index == null ? 0 : index.intValue(),
          Delta.of(delta == null ? new JsonObject() : delta),
          JsonFields.string(o, "finish_reason"),
          o);
    }
  }

  /**
   * What a chunk adds to a choice's message.
   *
   * @param role the message role, usually only in the first chunk, or null
   * @param content the next piece of the message text, or null
   * @param toolCalls pieces of tool calls; empty when none
   * @param raw the whole delta as sent, for fields such as {@code refusal}
   */
  public record Delta(String role, String content, List<ToolCallDelta> toolCalls, JsonObject raw) {
    /** Makes the tool call list unmodifiable. */
    public Delta {
      toolCalls = List.copyOf(toolCalls);
    }

    static Delta of(JsonObject o) {
      List<ToolCallDelta> toolCalls = objects(o, "tool_calls", ToolCallDelta::of);
      return new Delta(JsonFields.string(o, "role"), JsonFields.string(o, "content"), toolCalls, o);
    }
  }

  /**
   * A piece of one tool call. The first piece of a call usually carries its id, type and function
   * name; the following ones carry more of the arguments text.
   *
   * @param index which tool call of the choice, or null when the provider leaves it out
   * @param id the tool call id, or null
   * @param type the tool type, {@code function}, or null
   * @param name the function name, or null
   * @param arguments the next piece of the JSON arguments text, or null
   */
  public record ToolCallDelta(
      Integer index, String id, String type, String name, String arguments) {
    static ToolCallDelta of(JsonObject o) {
      Long index = JsonFields.number(o, "index");
      JsonObject function = JsonFields.object(o, "function");
      return new ToolCallDelta(
          index == null ? null : index.intValue(),
          JsonFields.string(o, "id"),
          JsonFields.string(o, "type"),
          function == null ? null : JsonFields.string(function, "name"),
          function == null ? null : JsonFields.string(function, "arguments"));
    }
  }

  /**
   * Token counts.
   *
   * @param promptTokens tokens in the prompt, or null
   * @param completionTokens tokens generated, or null
   * @param totalTokens both together, or null
   * @param raw the whole usage object, for details such as cached or reasoning tokens
   */
  public record Usage(Long promptTokens, Long completionTokens, Long totalTokens, JsonObject raw) {
    static Usage of(JsonObject o) {
      return new Usage(
          JsonFields.number(o, "prompt_tokens"),
          JsonFields.number(o, "completion_tokens"),
          JsonFields.number(o, "total_tokens"),
          o);
    }
  }
}
