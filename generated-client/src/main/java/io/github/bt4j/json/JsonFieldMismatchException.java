package io.github.bt4j.json;

import com.google.gson.JsonElement;

/**
 * Thrown by a model's typed getter when the server sent that field as JSON of another type than the
 * API spec declares (an object where the spec says string, a string where it says number, ...). The
 * response was still read: the value is kept as JSON, readable with the model's {@code
 * _field(name)} and written back unchanged.
 */
public final class JsonFieldMismatchException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 200;

  private final String model;
  private final String field;
  private final transient JsonElement received;

  /**
   * Creates the exception.
   *
   * @param model the model's simple class name
   * @param field the field's JSON name
   * @param expected the Java type the getter returns
   * @param received the JSON that was received for the field
   * @param secret whether the field holds a secret, whose value the message must not show
   */
  public JsonFieldMismatchException(
      String model, String field, String expected, JsonElement received, boolean secret) {
    super(
        model
            + "."
            + field
            + " is "
            + kindOf(received)
            + (secret ? "" : " (" + shown(received) + ")")
            + " where the API spec declares "
            + expected
            + "; read it as JSON with _field(\""
            + field
            + "\")");
    this.model = model;
    this.field = field;
    this.received = received;
  }

  /**
   * Throws the exception if {@code received} is not null; called by generated getters.
   *
   * @param received the JSON received for the field that did not fit its type, or null
   * @param model the model's simple class name
   * @param field the field's JSON name
   * @param expected the Java type the getter returns
   * @param secret whether the field holds a secret, whose value the message must not show
   * @throws JsonFieldMismatchException if {@code received} is not null
   */
  public static void throwIfPresent(
      JsonElement received, String model, String field, String expected, boolean secret) {
    if (received != null) {
      throw new JsonFieldMismatchException(model, field, expected, received, secret);
    }
  }

  /** The simple class name of the model whose getter threw. */
  public String model() {
    return model;
  }

  /** The JSON name of the field. */
  public String field() {
    return field;
  }

  /** The JSON that was received for the field. */
  public JsonElement received() {
    return received;
  }

  private static String kindOf(JsonElement json) {
    if (json.isJsonObject()) {
      return "an object";
    }
    if (json.isJsonArray()) {
      return "an array";
    }
    if (json.isJsonPrimitive()) {
      if (json.getAsJsonPrimitive().isString()) {
        return "a string";
      }
      if (json.getAsJsonPrimitive().isNumber()) {
        return "a number";
      }
      return "a boolean";
    }
    return "null";
  }

  private static String shown(JsonElement json) {
    String text = json.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }
}
