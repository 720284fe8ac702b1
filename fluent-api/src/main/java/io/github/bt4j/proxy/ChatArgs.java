package io.github.bt4j.proxy;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.http.CheckedJsonWriter;
import io.github.bt4j.internal.json.Json;
import java.util.List;

/** The argument checks and JSON conversions of the chat request types. */
final class ChatArgs {
  private ChatArgs() {}

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
      text = CheckedJsonWriter.toJson(Json.gson(), value, value.getClass());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " cannot be written as JSON: " + e.getMessage(), e);
    }
    return Json.gson().fromJson(text, JsonElement.class);
  }

  /** A value that must be a JSON object, such as a JSON schema. */
  static JsonObject object(Object value, String name) {
    Validation.required(value, name);
    JsonElement tree = tree(value, name);
    if (!tree.isJsonObject()) {
      throw new IllegalArgumentException(name + " must be a JSON object, got " + abbreviate(tree));
    }
    return tree.getAsJsonObject();
  }

  static double atLeastZero(double value, String name) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be a finite number of at least 0: " + value);
    }
    return value;
  }

  static double probability(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
    }
    return value;
  }

  static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
    return value;
  }

  /** A list argument with no null element; at least one when {@code nonEmpty}. */
  static <T> List<T> elements(List<T> values, String name, boolean nonEmpty) {
    Validation.required(values, name);
    if (nonEmpty && values.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new IllegalArgumentException(name + "[" + i + "] is null");
      }
    }
    return values;
  }

  static String abbreviate(JsonElement json) {
    String text = json.toString();
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }

  /** The string field {@code field} of {@code json}, which must be there and not blank. */
  static String stringField(JsonObject json, String field, String name) {
    JsonElement value = json.get(field);
    if (value == null
        || !value.isJsonPrimitive()
        || !value.getAsJsonPrimitive().isString()
        || value.getAsString().isBlank()) {
      throw new IllegalArgumentException(
          name + " must have a string \"" + field + "\": " + abbreviate(json));
    }
    return value.getAsString();
  }

  /** A value that must be a JSON object with the string field {@code field}, such as a type. */
  static JsonObject objectWith(Object value, String name, String field) {
    JsonObject json = object(value, name);
    stringField(json, field, name);
    return json;
  }
}
