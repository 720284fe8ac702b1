package io.github.bt4j.testing.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading, checking and combining the JSON trees the fake keeps its state in. */
final class JsonValues {
  /** Writes explicit nulls, so that a selected but missing column still shows up. */
  static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private JsonValues() {}

  /** Parses a request body strictly; anything but one JSON value is a 400. */
  static JsonElement parse(String text) {
    if (text.isBlank()) {
      throw ApiError.badRequest("the request body is empty; expected JSON");
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = GSON.getAdapter(JsonElement.class).read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw ApiError.badRequest("malformed JSON body: unexpected data after the value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiError apiError) {
        throw apiError;
      }
      throw ApiError.badRequest("malformed JSON body: " + e.getMessage());
    }
  }

  /** {@code value} as an object, or a 400 naming {@code what}. */
  static JsonObject object(JsonElement value, String what) {
    if (value == null || !value.isJsonObject()) {
      throw ApiError.badRequest(what + " must be a JSON object");
    }
    return value.getAsJsonObject();
  }

  /** The member {@code key} as an array, or null when absent; a 400 if it is something else. */
  static JsonArray optArray(JsonObject o, String key, String what) {
    JsonElement v = o.get(key);
    if (isNull(v)) {
      return null;
    }
    if (!v.isJsonArray()) {
      throw ApiError.badRequest(what + " must be an array");
    }
    return v.getAsJsonArray();
  }

  /** The member {@code key} as an object, or null when absent; a 400 if it is something else. */
  static JsonObject optObject(JsonObject o, String key, String what) {
    JsonElement v = o.get(key);
    if (isNull(v)) {
      return null;
    }
    return object(v, what);
  }

  /** The member {@code key} as a string, or null when absent; a 400 if it is something else. */
  static String optString(JsonObject o, String key, String what) {
    JsonElement v = o.get(key);
    if (isNull(v)) {
      return null;
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
      throw ApiError.badRequest(what + " must be a string");
    }
    return v.getAsString();
  }

  /** The member {@code key} as a boolean, false when absent; a 400 if it is something else. */
  static boolean flag(JsonObject o, String key, String what) {
    JsonElement v = o.get(key);
    if (isNull(v)) {
      return false;
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
      throw ApiError.badRequest(what + " must be true or false");
    }
    return v.getAsBoolean();
  }

  /** The member {@code key} as a non-negative integer, or null when absent. */
  static Integer optLimit(JsonObject o, String key, String what) {
    JsonElement v = o.get(key);
    if (isNull(v)) {
      return null;
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
      throw ApiError.badRequest(what + " must be a non-negative integer");
    }
    return limit(v.getAsString(), what);
  }

  /** Parses a non-negative integer, or a 400 naming {@code what}. */
  static int limit(String text, String what) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw ApiError.badRequest(what + " must be a non-negative integer, got " + text);
  }

  /** Parses a UUID, or a 400 naming {@code what}. */
  static UUID uuid(String text, String what) {
    try {
      UUID id = UUID.fromString(text);
      if (id.toString().equalsIgnoreCase(text)) {
        return id;
      }
    } catch (IllegalArgumentException ignored) {
      // answered below
    }
    throw ApiError.badRequest(what + " must be a UUID, got '" + text + "'");
  }

  /** Whether {@code v} is absent or JSON null. */
  static boolean isNull(JsonElement v) {
    return v == null || v.isJsonNull();
  }

  /** The value at {@code path} inside {@code row}, or null when any step is missing. */
  static JsonElement at(JsonObject row, List<String> path) {
    JsonElement current = row;
    for (String key : path) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(key);
    }
    return isNull(current) ? null : current;
  }

  /** A JSON number, written as an integer when it has no fraction. */
  static JsonPrimitive number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return new JsonPrimitive((long) d);
    }
    return new JsonPrimitive(d);
  }

  /** The current time as the API writes it (ISO-8601, UTC, milliseconds). */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** A new random id in the API's format. */
  static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Deep-merges {@code patch} into {@code target} (changed in place): objects are merged key by
   * key, anything else replaces, except below a path of {@code stopPaths}, which replaces whole.
   */
  static void deepMerge(
      JsonObject target, JsonObject patch, List<List<String>> stopPaths, List<String> at) {
    for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
      List<String> path = new ArrayList<>(at);
      path.add(e.getKey());
      JsonElement old = target.get(e.getKey());
      JsonElement value = e.getValue();
      if (old != null && old.isJsonObject() && value.isJsonObject() && !stopPaths.contains(path)) {
        deepMerge(old.getAsJsonObject(), value.getAsJsonObject(), stopPaths, path);
      } else {
        target.add(e.getKey(), value.deepCopy());
      }
    }
  }

  /** Adds {@code value} under {@code key}, writing JSON null for a Java null. */
  static void put(JsonObject o, String key, JsonElement value) {
    o.add(key, value == null ? JsonNull.INSTANCE : value);
  }
}
