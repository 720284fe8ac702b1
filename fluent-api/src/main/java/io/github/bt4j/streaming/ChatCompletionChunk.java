package io.github.bt4j.streaming;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.bt4j.internal.json.JsonFields;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * One chunk of an OpenAI-style streamed chat completion, as the AI proxy sends them ({@code data:
 * {chunk}} events until {@code data: [DONE]}). The fields this type names are read once, straight
 * from the chunk's text (no JSON tree is built for them); every other field stays reachable through
 * {@link #raw()}.
 *
 * @param id the completion id, shared by all chunks of one completion, or null
 * @param model the model that answered, or null
 * @param created when the completion was created, in seconds since the epoch, or null
 * @param choices the choice deltas in this chunk; empty in a usage-only chunk
 * @param usage token counts, usually only in the last chunk, or null
 * @param json the chunk's JSON text as sent
 */
public record ChatCompletionChunk(
    String id, String model, Long created, List<Choice> choices, Usage usage, String json) {

  /** The data of the event that ends the stream, {@code data: [DONE]}. */
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
    JsonReader in = new JsonReader(new StringReader(json));
    in.setStrictness(Strictness.LENIENT); // as Gson's fromJson, which read chunks before
    try {
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        throw JsonFields.notAnObject(json, "A chat completion chunk");
      }
      String id = null;
      String model = null;
      Long created = null;
      List<Choice> choices = List.of();
      Usage usage = null;
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        if (name.equals("id")) {
          id = JsonFields.string(in);
        } else if (name.equals("model")) {
          model = JsonFields.string(in);
        } else if (name.equals("created")) {
          created = JsonFields.number(in);
        } else if (name.equals("choices")) {
          choices = JsonFields.objects(in, Choice::read);
        } else if (name.equals("usage")) {
          usage =
              JsonFields.object(in, r -> new Usage(JsonParser.parseReader(r).getAsJsonObject()));
        } else {
          in.skipValue();
        }
      }
      in.endObject();
      if (in.peek() != JsonToken.END_DOCUMENT) {
        throw JsonFields.notAnObject(json, "A chat completion chunk");
      }
      return new ChatCompletionChunk(id, model, created, choices, usage, json);
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw JsonFields.invalid(json, "A chat completion chunk", e);
    }
  }

  /**
   * The whole chunk as a JSON object, for fields this type does not name (such as {@code
   * system_fingerprint}, a choice's {@code logprobs} or a delta's {@code refusal}); parsed from
   * {@link #json()} on each call.
   *
   * @return a new object
   */
  public JsonObject raw() {
    return JsonFields.parseObject(json, "A chat completion chunk");
  }

  /**
   * The change to one choice.
   *
   * @param index which choice this is; 0 when the provider leaves it out
   * @param delta what the chunk adds to the message; an empty one when the provider sent none
   * @param finishReason why generation stopped, in the choice's last chunk; otherwise null
   */
  public record Choice(int index, Delta delta, String finishReason) {
    private static Choice read(JsonReader in) throws IOException {
      int index = 0;
      Delta delta = null;
      String finishReason = null;
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        if (name.equals("delta")) {
          delta = JsonFields.object(in, Delta::read);
        } else if (name.equals("index")) {
          Long n = JsonFields.number(in);
          index = n == null ? 0 : n.intValue();
        } else if (name.equals("finish_reason")) {
          finishReason = JsonFields.string(in);
        } else {
          in.skipValue();
        }
      }
      in.endObject();
      return new Choice(index, delta == null ? Delta.EMPTY : delta, finishReason);
    }
  }

  /**
   * What a chunk adds to a choice's message.
   *
   * @param role the message role, usually only in the first chunk, or null
   * @param content the next piece of the message text, or null
   * @param toolCalls pieces of tool calls; empty when none
   */
  public record Delta(String role, String content, List<ToolCallDelta> toolCalls) {
    private static final Delta EMPTY = new Delta(null, null, List.of());

    /** Makes the tool call list unmodifiable. */
    public Delta {
      toolCalls = List.copyOf(toolCalls);
    }

    private static Delta read(JsonReader in) throws IOException {
      String role = null;
      String content = null;
      List<ToolCallDelta> toolCalls = List.of();
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        if (name.equals("content")) {
          content = JsonFields.string(in);
        } else if (name.equals("role")) {
          role = JsonFields.string(in);
        } else if (name.equals("tool_calls")) {
          toolCalls = JsonFields.objects(in, ToolCallDelta::read);
        } else {
          in.skipValue();
        }
      }
      in.endObject();
      return new Delta(role, content, toolCalls);
    }
  }

  /**
   * A piece of one tool call. The first piece of a call usually carries its id, type and function
   * name; the following ones carry more of the arguments text.
   *
   * @param index which tool call of the choice this is a piece of, or null when the provider leaves
   *     it out
   * @param id the tool call id, or null
   * @param type the tool type ({@code function}), or null
   * @param name the function name, or null
   * @param arguments the next piece of the JSON arguments text, or null
   */
  public record ToolCallDelta(
      Integer index, String id, String type, String name, String arguments) {
    private static ToolCallDelta read(JsonReader in) throws IOException {
      Long index = null;
      String id = null;
      String type = null;
      String name = null;
      String arguments = null;
      in.beginObject();
      while (in.hasNext()) {
        switch (in.nextName()) {
          case "index" -> index = JsonFields.number(in);
          case "id" -> id = JsonFields.string(in);
          case "type" -> type = JsonFields.string(in);
          case "function" -> {
            name = null;
            arguments = null;
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
              in.skipValue();
              continue;
            }
            in.beginObject();
            while (in.hasNext()) {
              switch (in.nextName()) {
                case "name" -> name = JsonFields.string(in);
                case "arguments" -> arguments = JsonFields.string(in);
                default -> in.skipValue();
              }
            }
            in.endObject();
          }
          default -> in.skipValue();
        }
      }
      in.endObject();
      return new ToolCallDelta(index == null ? null : index.intValue(), id, type, name, arguments);
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
