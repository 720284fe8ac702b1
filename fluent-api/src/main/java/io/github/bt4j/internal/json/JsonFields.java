package io.github.bt4j.internal.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.github.bt4j.json.BraintrustJson;

/** Null-tolerant reads of the fields of streamed JSON objects. */
public final class JsonFields {
  private JsonFields() {}

  /**
   * Parses event data that must be a JSON object.
   *
   * @param data the event data
   * @param what what the data is, for the error message
   * @return the object
   * @throws IllegalArgumentException if the data is not a JSON object
   */
  public static JsonObject parseObject(String data, String what) {
    JsonElement element;
    try {
      element = BraintrustJson.gson().fromJson(data, JsonElement.class);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + abbreviate(data), e);
    }
    if (element == null || !element.isJsonObject()) {
      throw new IllegalArgumentException(what + " is not a JSON object: " + abbreviate(data));
    }
    return element.getAsJsonObject();
  }

  /**
   * A string field; a number or boolean is given as its JSON text.
   *
   * @param object the object
   * @param name the field name
   * @return the value, or null when absent or null
   */
  public static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }

  /**
   * A whole-number field.
   *
   * @param object the object
   * @param name the field name
   * @return the value, or null when absent, null or not a number
   */
  public static Long number(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return null;
    }
    return value.getAsLong();
  }

  /**
   * An object field.
   *
   * @param object the object
   * @param name the field name
   * @return the value, or null when absent or not an object
   */
  public static JsonObject object(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
  }

  private static String abbreviate(String data) {
    return data.length() <= 200 ? data : data.substring(0, 200) + "...";
  }
}
