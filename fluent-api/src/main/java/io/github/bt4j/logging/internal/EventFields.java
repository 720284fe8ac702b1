package io.github.bt4j.logging.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The data fields of a row being built by a span or a span update ({@code input}, {@code output},
 * {@code expected}, {@code error}, {@code metadata}, {@code scores}, {@code tags}, {@code
 * metrics}), converted to JSON when set, so that later changes to the caller's objects do not leak
 * in. Not thread-safe; the owner synchronises.
 */
public final class EventFields {
  private final EventEncoder encoder;
  private final JsonObject row = new JsonObject();

  /** Creates empty fields that convert values with {@code encoder}. */
  public EventFields(EventEncoder encoder) {
    this.encoder = encoder;
  }

  /** Sets a top-level field ({@code input}, {@code output}, {@code expected}) to any value. */
  public void set(String field, Object value) {
    row.add(field, value == null ? JsonNull.INSTANCE : encoder.toTree(value));
  }

  /** Sets {@code error}: a throwable becomes its stack trace, anything else its JSON. */
  public void error(Object error) {
    if (error instanceof Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      row.addProperty("error", trace.toString());
    } else {
      set("error", error);
    }
  }

  /** Sets one key of the object {@code field} ({@code metadata}, {@code scores}...). */
  public void put(String field, String key, Object value) {
    Objects.requireNonNull(key, "key == null");
    object(field).add(key, value == null ? JsonNull.INSTANCE : encoder.toTree(value));
  }

  /** Sets every entry of {@code values} in the object {@code field}. */
  public void putAll(String field, Map<String, ?> values) {
    Objects.requireNonNull(values, field + " == null");
    values.forEach((k, v) -> put(field, k, v));
  }

  /** Sets a score, which the API requires to be between 0 and 1. */
  public void score(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "score \"" + name + "\" must be between 0 and 1, got " + value);
    }
    object("scores").add(Objects.requireNonNull(name, "name == null"), number(value));
  }

  /** Appends tags. */
  public void tags(String... tags) {
    JsonElement existing = row.get("tags");
    JsonArray array = existing != null ? existing.getAsJsonArray() : new JsonArray();
    for (String tag : tags) {
      array.add(Objects.requireNonNull(tag, "tag == null"));
    }
    row.add("tags", array);
  }

  /** Sets a metric; {@code start} and {@code end} belong to the span and are refused here. */
  public void metric(String name, Number value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    if (name.equals("start") || name.equals("end")) {
      throw new IllegalArgumentException(
          "metrics." + name + " is set by the span itself when it starts and ends");
    }
    object("metrics").add(name, encoder.toTree(value));
  }

  /** The fields set so far, as a JSON object owned by the caller. */
  public JsonObject toJson() {
    return row.deepCopy();
  }

  /** Whether nothing was set. */
  public boolean isEmpty() {
    return row.size() == 0;
  }

  private JsonObject object(String field) {
    JsonElement existing = row.get(field);
    if (existing != null && existing.isJsonObject()) {
      return existing.getAsJsonObject();
    }
    JsonObject created = new JsonObject();
    row.add(field, created);
    return created;
  }

  private static JsonElement number(double value) {
    return new com.google.gson.JsonPrimitive(BigDecimal.valueOf(value));
  }
}
