package io.github.bt4j.streaming;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One chunk of an OpenAI-style streamed chat completion, as the AI proxy sends them ({@code data:
 * {chunk}} events until {@code data: [DONE]}). A view of the chunk's JSON: each typed field is read
 * from it when asked for, and fields this type does not name stay reachable through {@link #raw()}.
 * Equal chunks have equal JSON.
 *
 * @param raw the whole chunk as sent; not to be changed
 */
public record ChatCompletionChunk(JsonObject raw) {

  /** The data of the event that ends the stream, {@code data: [DONE]}. */
  public static final String DONE = "[DONE]";

  /**
   * Parses the JSON of one chunk.
   *
   * @param json the chunk
   * @return the chunk
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public static ChatCompletionChunk parse(String json) {
    return new ChatCompletionChunk(JsonFields.parseObject(json, "A chat completion chunk"));
  }

  /**
   * The completion id, shared by all chunks of one completion.
   *
   * @return the id, or null
   */
  public String id() {
    return JsonFields.string(raw, "id");
  }

  /**
   * The model that answered.
   *
   * @return the model, or null
   */
  public String model() {
    return JsonFields.string(raw, "model");
  }

  /**
   * When the completion was created.
   *
   * @return seconds since the epoch, or null
   */
  public Long created() {
    return JsonFields.number(raw, "created");
  }

  /**
   * The choice deltas in this chunk.
   *
   * @return the choices, unmodifiable; empty in a usage-only chunk
   */
  public List<Choice> choices() {
    return objects(raw, "choices", Choice::new);
  }

  /**
   * Token counts, usually only in the last chunk.
   *
   * @return the counts, or null
   */
  public Usage usage() {
    JsonObject usage = JsonFields.object(raw, "usage");
    return usage == null ? null : new Usage(usage);
  }

  /** The objects of the array field {@code name}, each wrapped; other elements are skipped. */
  private static <T> List<T> objects(JsonObject o, String name, Function<JsonObject, T> wrap) {
    JsonElement value = o.get(name);
    if (value == null || !value.isJsonArray()) {
      return List.of();
    }
    JsonArray array = value.getAsJsonArray();
    if (array.size() == 1) {
      JsonElement only = array.get(0);
      return only.isJsonObject() ? List.of(wrap.apply(only.getAsJsonObject())) : List.of();
    }
    List<T> wrapped = new ArrayList<>(array.size());
    for (JsonElement element : array) {
      if (element.isJsonObject()) {
        wrapped.add(wrap.apply(element.getAsJsonObject()));
      }
    }
    return List.copyOf(wrapped);
  }

  /**
   * The change to one choice.
   *
   * @param raw the whole choice as sent
   */
  public record Choice(JsonObject raw) {
    /**
     * Which choice this is.
     *
     * @return the index; 0 when the provider leaves it out
     */
    public int index() {
      Long index = JsonFields.number(raw, "index");
      return index == null ? 0 : index.intValue();
    }

    /**
     * What the chunk adds to the message.
     *
     * @return the delta; an empty one when the provider sent none
     */
    public Delta delta() {
      JsonObject delta = JsonFields.object(raw, "delta");
      return new Delta(delta == null ? new JsonObject() : delta);
    }

    /**
     * Why generation stopped.
     *
     * @return the reason, in the choice's last chunk; otherwise null
     */
    public String finishReason() {
      return JsonFields.string(raw, "finish_reason");
    }
  }

  /**
   * What a chunk adds to a choice's message.
   *
   * @param raw the whole delta as sent, for fields such as {@code refusal}
   */
  public record Delta(JsonObject raw) {
    /**
     * The message role, usually only in the first chunk.
     *
     * @return the role, or null
     */
    public String role() {
      return JsonFields.string(raw, "role");
    }

    /**
     * The next piece of the message text.
     *
     * @return the text, or null
     */
    public String content() {
      return JsonFields.string(raw, "content");
    }

    /**
     * Pieces of tool calls.
     *
     * @return the pieces, unmodifiable; empty when none
     */
    public List<ToolCallDelta> toolCalls() {
      return objects(raw, "tool_calls", ToolCallDelta::new);
    }
  }

  /**
   * A piece of one tool call. The first piece of a call usually carries its id, type and function
   * name; the following ones carry more of the arguments text.
   *
   * @param raw the whole piece as sent
   */
  public record ToolCallDelta(JsonObject raw) {
    /**
     * Which tool call of the choice this is a piece of.
     *
     * @return the index, or null when the provider leaves it out
     */
    public Integer index() {
      Long index = JsonFields.number(raw, "index");
      return index == null ? null : index.intValue();
    }

    /**
     * The tool call id.
     *
     * @return the id, or null
     */
    public String id() {
      return JsonFields.string(raw, "id");
    }

    /**
     * The tool type.
     *
     * @return {@code function}, or null
     */
    public String type() {
      return JsonFields.string(raw, "type");
    }

    /**
     * The function name.
     *
     * @return the name, or null
     */
    public String name() {
      JsonObject function = JsonFields.object(raw, "function");
      return function == null ? null : JsonFields.string(function, "name");
    }

    /**
     * The next piece of the JSON arguments text.
     *
     * @return the piece, or null
     */
    public String arguments() {
      JsonObject function = JsonFields.object(raw, "function");
      return function == null ? null : JsonFields.string(function, "arguments");
    }
  }

  /**
   * Token counts.
   *
   * @param raw the whole usage object, for details such as cached or reasoning tokens
   */
  public record Usage(JsonObject raw) {
    /**
     * Tokens in the prompt.
     *
     * @return the count, or null
     */
    public Long promptTokens() {
      return JsonFields.number(raw, "prompt_tokens");
    }

    /**
     * Tokens generated.
     *
     * @return the count, or null
     */
    public Long completionTokens() {
      return JsonFields.number(raw, "completion_tokens");
    }

    /**
     * Both together.
     *
     * @return the count, or null
     */
    public Long totalTokens() {
      return JsonFields.number(raw, "total_tokens");
    }
  }
}
