package io.github.bt4j.proxy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.JsonAdapter;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.json.BraintrustJson;
import java.util.Map;

/**
 * The body of a chat completion through the AI proxy, in the OpenAI chat API's form: a model, the
 * messages so far, and optional settings. The proxy translates it for other providers' models.
 *
 * <pre>{@code
 * ChatCompletionRequest request = ChatCompletionRequest.builder()
 *     .model("gpt-4o-mini")
 *     .addMessage(ChatMessage.system("You are terse."))
 *     .addMessage(ChatMessage.user("What's the weather in San Francisco?"))
 *     .addFunctionTool("get_weather", "Get weather for a location", schema)
 *     .temperature(0.2)
 *     .maxTokens(200)
 *     .putExtra("tool_choice", "required") // any other field of the chat API
 *     .build();
 * }</pre>
 *
 * <p>Immutable and checked when built: bad input is an {@link IllegalArgumentException} naming the
 * argument, before anything is sent. The request is turned into JSON once, when built; {@link
 * #toJson()} and the library's JSON ({@code BraintrustJson}) write that JSON, fields in the order
 * they were first set, and read it back. {@code stream} is not set here: the streaming call sets
 * it.
 */
@JsonAdapter(JsonBacked.Adapter.class)
public final class ChatCompletionRequest extends JsonBacked {
  /** The fields the builder has a method for, or that the call sets, so not extras. */
  private static final Map<String, String> OWN_FIELDS =
      Map.of(
          "model", "model(...)",
          "messages", "addMessage(...)",
          "tools", "addFunctionTool(...) or addTool(...)",
          "temperature", "temperature(...)",
          "max_tokens", "maxTokens(...)",
          "stream", "the streaming call (chatCompletionsStream), which sets it");

  private ChatCompletionRequest(JsonObject json) {
    super(json);
  }

  /**
   * Starts a request.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder(new JsonObject());
  }

  /**
   * A builder holding this request's fields, to make a changed copy, such as the next turn of the
   * conversation with more messages. A {@code stream} field (of a request read from JSON) is left
   * out.
   *
   * @return a builder; changing it leaves this request as it is
   */
  public Builder toBuilder() {
    return new Builder(json().getAsJsonObject());
  }

  /**
   * The model asked for.
   *
   * @return the model name
   */
  public String model() {
    return json().getAsJsonObject().get("model").getAsString();
  }

  /**
   * Reads a request from its JSON, as the library's JSON does; every field is kept as it is.
   *
   * @throws IllegalArgumentException if the JSON has no model or no messages (the adapter turns it
   *     into a {@code JsonParseException})
   */
  static ChatCompletionRequest read(JsonElement json) {
    JsonObject object = object(json, "request", "model");
    JsonElement messages = object.get("messages");
    if (messages == null || !messages.isJsonArray() || messages.getAsJsonArray().isEmpty()) {
      throw new IllegalArgumentException("request must have at least one message");
    }
    messages.getAsJsonArray().forEach(ChatMessage::fromJson);
    return new ChatCompletionRequest(object);
  }

  /**
   * Builds a {@link ChatCompletionRequest}. Each method checks its argument at once; {@link
   * #build()} checks that a model and a message are there. Not thread-safe.
   */
  public static final class Builder {
    // The fields in the order first set: this builder's own copy.
    private final JsonObject fields;

    private Builder(JsonObject fields) {
      this.fields = fields.deepCopy();
      // A request read from JSON may say "stream"; the call decides that, not the builder.
      this.fields.remove("stream");
    }

    /**
     * Sets the model, such as {@code gpt-4o-mini} or {@code claude-3-5-sonnet-latest}. Required.
     *
     * @param model the model name
     * @return this builder
     * @throws IllegalArgumentException if {@code model} is null or blank
     */
    public Builder model(String model) {
      return set("model", Validation.notBlank(model, "model"));
    }

    /**
     * Adds a message after those already set.
     *
     * @param message the message
     * @return this builder
     * @throws IllegalArgumentException if {@code message} is null
     */
    public Builder addMessage(ChatMessage message) {
      array("messages").add(Validation.required(message, "message").json());
      return this;
    }

    /**
     * Adds a function the model may call: {@code {"type":"function","function":{"name",
     * "description","parameters"}}}.
     *
     * @param name the function name the model calls it by
     * @param description what the function does, for the model; null for none
     * @param parameters the JSON schema of its arguments: a {@code Map}, a {@code JsonObject} or
     *     any object the library's JSON writes as an object, copied; null for a function without
     *     parameters
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code parameters} is
     *     not a JSON object
     */
    public Builder addFunctionTool(String name, String description, Object parameters) {
      JsonObject function =
          json(
              "name",
              Validation.notBlank(name, "name"),
              "description",
              description,
              "parameters",
              parameters == null ? null : object(parameters, "parameters", null));
      return addTool(json("type", "function", "function", function));
    }

    /**
     * Adds a tool of any shape the chat API takes, given as JSON: a {@code JsonObject}, a {@code
     * Map} or any object the library's JSON writes as an object with a {@code type}.
     *
     * @param tool the tool; copied, so later changes to it are not seen
     * @return this builder
     * @throws IllegalArgumentException if {@code tool} is not a JSON object with a string {@code
     *     type}
     */
    public Builder addTool(Object tool) {
      array("tools").add(object(tool, "tool", "type"));
      return this;
    }

    /**
     * Sets the sampling temperature: 0 is the most deterministic; the highest value allowed depends
     * on the provider (2 for OpenAI, 1 for Anthropic).
     *
     * @param temperature the temperature, at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code temperature} is negative, NaN or infinite
     */
    public Builder temperature(double temperature) {
      boolean valid = Double.isFinite(temperature) && temperature >= 0;
      return set(
          "temperature", check(temperature, valid, "temperature", "a finite number of at least 0"));
    }

    /**
     * Sets the most tokens to generate ({@code max_tokens}), which most providers take.
     *
     * @param maxTokens the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxTokens} is below 1
     */
    public Builder maxTokens(int maxTokens) {
      return set("max_tokens", check(maxTokens, maxTokens >= 1, "maxTokens", "at least 1"));
    }

    /**
     * Sets any other field of the chat API to a value the library's JSON writes ({@code Map},
     * {@code List}, {@code JsonElement}, string, number, boolean, a model; null for JSON {@code
     * null}): {@code tool_choice}, {@code response_format}, {@code stream_options}, {@code top_p},
     * {@code stop}, {@code seed}, {@code max_completion_tokens} or a provider's own.
     *
     * @param name the field name
     * @param value the value, copied as JSON now, so later changes to it are not seen
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank or has a method of its own
     *     (such as {@code temperature}), or {@code value} cannot be written as JSON
     */
    public Builder putExtra(String name, Object value) {
      Validation.notBlank(name, "name");
      String instead = OWN_FIELDS.get(name);
      if (instead != null) {
        throw new IllegalArgumentException(
            "name '" + name + "' is not an extra field: use " + instead);
      }
      return set(name, tree(value, "value"));
    }

    /**
     * Makes the request.
     *
     * @return the request; later changes to this builder do not change it
     * @throws IllegalArgumentException if no model or no message was set
     */
    public ChatCompletionRequest build() {
      if (!fields.has("model")) {
        throw new IllegalArgumentException("model is required: set it with model(...)");
      }
      JsonElement messages = fields.get("messages");
      if (messages == null || messages.getAsJsonArray().isEmpty()) {
        throw new IllegalArgumentException(
            "messages must hold at least one message: add one with addMessage(...)");
      }
      return new ChatCompletionRequest(fields.deepCopy());
    }

    /** Sets a field to a JSON tree, a string, a number or a boolean. */
    private Builder set(String name, Object value) {
      fields.add(
          name, value instanceof JsonElement json ? json : BraintrustJson.gson().toJsonTree(value));
      return this;
    }

    private JsonArray array(String name) {
      JsonElement array = fields.get(name);
      if (array == null || !array.isJsonArray()) {
        array = new JsonArray();
        fields.add(name, array);
      }
      return array.getAsJsonArray();
    }
  }
}
