package io.github.bt4j.proxy;

import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.http.CheckedJsonWriter;
import io.github.bt4j.json.BraintrustJson;
import java.lang.reflect.Type;

/**
 * A value of a chat request that is its JSON: built once, never changed, written as it is. Equal
 * values have equal JSON. Also holds the argument checks and JSON conversions the chat request
 * types share.
 */
abstract class JsonBacked {
  private static final int SHOWN_CHARS = 200;

  private final JsonElement json;

  JsonBacked(JsonElement json) {
    this.json = json;
  }

  /** The JSON; callers must not change it. */
  final JsonElement json() {
    return json;
  }

  /**
   * This value as the JSON the OpenAI chat API takes, as the client sends it.
   *
   * @return the JSON text
   */
  public String toJson() {
    return BraintrustJson.gson().toJson(json);
  }

  /**
   * Whether {@code other} is a value of the same type with the same JSON.
   *
   * @param other the other object
   * @return true when equal
   */
  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && ((JsonBacked) other).json.equals(json);
  }

  /**
   * A hash of the JSON.
   *
   * @return the hash code
   */
  @Override
  public final int hashCode() {
    return json.hashCode();
  }

  /**
   * The type and the start of the JSON, for logs; long prompts and images are cut short.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return getClass().getSimpleName() + abbreviate(toJson());
  }

  /**
   * A JSON object of the given names and values, in that order; a null value is left out. Values
   * are {@link JsonElement}s, or strings and booleans.
   */
  static JsonObject json(Object... namesAndValues) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value != null) {
        json.add(
            (String) namesAndValues[i],
            value instanceof JsonElement element
                ? element
                : BraintrustJson.gson().toJsonTree(value));
      }
    }
    return json;
  }

  /**
   * A value the caller owns, as a JSON tree of its own: later changes to the value do not leak in.
   */
  static JsonElement tree(Object value, String name) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof JsonElement element) {
      return element.deepCopy();
    }
    if (value instanceof JsonBacked backed) {
      return backed.json();
    }
    // Written with the body writer's checks, so NaN or a value containing itself is refused here,
    // naming the argument, rather than when the request is sent.
    String text;
    try {
      text = CheckedJsonWriter.toJson(value, value.getClass());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " cannot be written as JSON: " + e.getMessage(), e);
    }
    return BraintrustJson.gson().fromJson(text, JsonElement.class);
  }

  /**
   * A value that must be a JSON object, such as a JSON schema, with a non-blank string field {@code
   * field} unless that is null.
   */
  static JsonObject object(Object value, String name, String field) {
    JsonElement tree = tree(Validation.required(value, name), name);
    if (!tree.isJsonObject()) {
      throw new IllegalArgumentException(
          name + " must be a JSON object, got " + abbreviate(tree.toString()));
    }
    JsonObject json = tree.getAsJsonObject();
    JsonElement named = field == null ? null : json.get(field);
    if (field != null
        && (named == null
            || !named.isJsonPrimitive()
            || !named.getAsJsonPrimitive().isString()
            || named.getAsString().isBlank())) {
      throw new IllegalArgumentException(
          name + " must have a string \"" + field + "\": " + abbreviate(json.toString()));
    }
    return json;
  }

  /** Refuses {@code value} unless {@code valid}, naming the argument and saying what it must be. */
  static <T> T check(T value, boolean valid, String name, String mustBe) {
    if (!valid) {
      throw new IllegalArgumentException(name + " must be " + mustBe + ": " + value);
    }
    return value;
  }

  private static String abbreviate(String text) {
    return text.length() <= SHOWN_CHARS
        ? text
        : text.substring(0, SHOWN_CHARS) + "...(" + text.length() + " chars)";
  }

  /**
   * How any Gson, the library's included, writes and reads the chat request types: each is written
   * as the JSON it holds, and read back through the same checks its factory methods make. Named by
   * each type's {@code @JsonAdapter}; null is written and read as JSON null.
   */
  static final class Adapter implements JsonSerializer<JsonBacked>, JsonDeserializer<JsonBacked> {
    @Override
    public JsonElement serialize(JsonBacked value, Type type, JsonSerializationContext context) {
      return value.json();
    }

    @Override
    public JsonBacked deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
      try {
        return type == ChatMessage.class
            ? ChatMessage.fromJson(json)
            : ChatCompletionRequest.read(json);
      } catch (IllegalArgumentException e) {
        throw new JsonParseException(e.getMessage(), e);
      }
    }
  }
}
