package io.github.bt4j.json;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import io.github.bt4j.json.internal.SharedGson;
import java.io.Reader;
import java.lang.reflect.Type;

/**
 * JSON exactly as the library reads and writes it, without a client: render any model to JSON and
 * parse JSON into any model with the same settings the client uses on the wire (for tests, logging,
 * caching, or building a request from recorded JSON).
 *
 * <p>Models are lossless: fields the API spec does not declare, values of another JSON type than
 * declared and unknown enum values are kept and written back unchanged; explicit {@code null}s stay
 * distinct from absent fields. Numbers in free-form values keep their spelling; timestamps are
 * written in ISO-8601 (another spelling of the same instant, such as its precision, is not kept).
 *
 * <pre>{@code
 * Project p = BraintrustJson.fromJson(json, Project.class);
 * String back = BraintrustJson.toJson(p); // the same JSON
 * }</pre>
 */
public final class BraintrustJson {
  private BraintrustJson() {}

  /**
   * Renders {@code value} (a model, a list or map of models, or any JSON-like value) as JSON.
   *
   * @param value the value, or null for {@code null}
   * @return its JSON text
   */
  public static String toJson(Object value) {
    return gson().toJson(value);
  }

  /**
   * Renders {@code value} as a JSON tree.
   *
   * @param value the value, or null
   * @return its JSON; {@code JsonNull} for null
   */
  public static JsonElement toJsonTree(Object value) {
    return gson().toJsonTree(value);
  }

  /**
   * Parses JSON text into {@code type}.
   *
   * @param json the JSON text
   * @param type the class to parse into, such as a model class
   * @param <T> the type
   * @return the value; null for the JSON {@code null}
   * @throws IllegalArgumentException if an argument is null or the text is not well-formed JSON
   */
  public static <T> T fromJson(String json, Class<T> type) {
    return fromJson(json, (Type) type);
  }

  /**
   * Parses JSON text into a generic type, such as {@code new TypeToken<List<Project>>()
   * {}.getType()}.
   *
   * @param json the JSON text
   * @param type the type to parse into
   * @param <T> the type
   * @return the value; null for the JSON {@code null}
   * @throws IllegalArgumentException if an argument is null or the text is not well-formed JSON
   */
  public static <T> T fromJson(String json, Type type) {
    require(json, "json");
    require(type, "type");
    try {
      @SuppressWarnings("unchecked")
      T value = (T) gson().fromJson(json, TypeToken.get(type));
      return value;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "not well-formed JSON for " + type + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses the JSON read from {@code reader} into {@code type}; the reader is not closed.
   *
   * @param reader the JSON text
   * @param type the type to parse into
   * @param <T> the type
   * @return the value; null for the JSON {@code null}
   * @throws IllegalArgumentException if an argument is null or the text is not well-formed JSON
   */
  public static <T> T fromJson(Reader reader, Type type) {
    require(reader, "reader");
    require(type, "type");
    try {
      @SuppressWarnings("unchecked")
      T value = (T) gson().fromJson(reader, TypeToken.get(type));
      return value;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "not well-formed JSON for " + type + ": " + e.getMessage(), e);
    }
  }

  /**
   * Converts a JSON tree into {@code type}.
   *
   * @param json the JSON
   * @param type the class to convert into
   * @param <T> the type
   * @return the value; null for {@code JsonNull}
   * @throws IllegalArgumentException if an argument is null
   */
  public static <T> T fromJsonTree(JsonElement json, Class<T> type) {
    require(json, "json");
    require(type, "type");
    return gson().fromJson(json, type);
  }

  /**
   * The library's Gson, for code that needs Gson itself (type adapters, streaming readers). It is
   * immutable and thread-safe.
   *
   * @return the shared Gson
   */
  public static Gson gson() {
    return SharedGson.gson();
  }

  private static void require(Object argument, String name) {
    if (argument == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}
