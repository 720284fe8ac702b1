package io.github.bt4j.internal.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.bt4j.json.BraintrustJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Null-tolerant reads of the fields of streamed JSON objects, from a tree or a reader. */
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
      throw invalid(data, what, e);
    }
    if (element == null || !element.isJsonObject()) {
      throw notAnObject(data, what);
    }
    return element.getAsJsonObject();
  }

  /** The error for event data that is not valid JSON. */
  public static IllegalArgumentException invalid(String data, String what, Exception cause) {
    return new IllegalArgumentException(what + " is not valid JSON: " + abbreviate(data), cause);
  }

  /** The error for event data that is JSON but not one object. */
  public static IllegalArgumentException notAnObject(String data, String what) {
    return new IllegalArgumentException(what + " is not a JSON object: " + abbreviate(data));
  }

  /** Reads one JSON object from a reader positioned at its start. */
  @FunctionalInterface
  public interface ObjectRead<T> {
    /**
     * Reads the object.
     *
     * @param in the reader, at the object's start; left after its end
     * @return what was read
     * @throws IOException if the JSON is malformed
     */
    T read(JsonReader in) throws IOException;
  }

  /**
   * The next value as a string, as {@link #string(JsonObject, String)} reads a field.
   *
   * @param in the reader, at the value
   * @return the value, or null when it is null
   * @throws IOException if the JSON is malformed
   */
  public static String string(JsonReader in) throws IOException {
    return switch (in.peek()) {
      case NULL -> {
        in.nextNull();
        yield null;
      }
      case STRING, NUMBER -> in.nextString();
      case BOOLEAN -> String.valueOf(in.nextBoolean());
      default -> JsonParser.parseReader(in).toString();
    };
  }

  /**
   * The next value as a whole number, as {@link #number(JsonObject, String)} reads a field.
   *
   * @param in the reader, at the value
   * @return the value, or null when it is not a number
   * @throws IOException if the JSON is malformed
   */
  public static Long number(JsonReader in) throws IOException {
    if (in.peek() != JsonToken.NUMBER) {
      in.skipValue();
      return null;
    }
    try {
      return in.nextLong();
    } catch (NumberFormatException notWhole) { // the value is still there, as text
      return new BigDecimal(in.nextString()).longValue();
    }
  }

  /**
   * The next value read by {@code read} if it is an object; otherwise skipped.
   *
   * @return what {@code read} gave, or null when the value is not an object
   * @throws IOException if the JSON is malformed
   */
  public static <T> T object(JsonReader in, ObjectRead<T> read) throws IOException {
    if (in.peek() != JsonToken.BEGIN_OBJECT) {
      in.skipValue();
      return null;
    }
    return read.read(in);
  }

  /**
   * The objects of the next value, if it is an array, each read by {@code read}; other elements are
   * skipped.
   *
   * @return the objects read, unmodifiable; empty when the value is not an array
   * @throws IOException if the JSON is malformed
   */
  public static <T> List<T> objects(JsonReader in, ObjectRead<T> read) throws IOException {
    if (in.peek() != JsonToken.BEGIN_ARRAY) {
      in.skipValue();
      return List.of();
    }
    List<T> objects = new ArrayList<>(2);
    in.beginArray();
    while (in.hasNext()) {
      T value = object(in, read);
      if (value != null) {
        objects.add(value);
      }
    }
    in.endArray();
    return objects.size() == 1 ? List.of(objects.get(0)) : List.copyOf(objects);
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

  private static String abbreviate(String data) {
    return data.length() <= 200 ? data : data.substring(0, 200) + "...";
  }
}
