package io.github.bt4j.logging;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.bt4j.logging.internal.EventEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The data fields of a row that a {@link Span} or a {@link SpanUpdate} builds ({@code input},
 * {@code output}, {@code expected}, {@code error}, {@code metadata}, {@code scores}, {@code tags},
 * {@code metrics}), converted to JSON when set, so that later changes to the caller's objects do
 * not leak in. Every setter runs under the object's lock, after {@link #checkOpen()}.
 *
 * @param <S> the concrete type, returned by the setters for chaining
 */
abstract class SpanFields<S extends SpanFields<S>> {
  private final EventEncoder encoder;
  private final JsonObject row = new JsonObject();

  SpanFields(EventEncoder encoder) {
    this.encoder = encoder;
  }

  /** Throws if no more changes are allowed. */
  abstract void checkOpen();

  /** Sets the input (in an update, replaces the logged one). */
  public S input(Object input) {
    return change(() -> row.add("input", tree(input)));
  }

  /** Sets the output (in an update, replaces the logged one). */
  public S output(Object output) {
    return change(() -> row.add("output", tree(output)));
  }

  /** Sets the output that should have been produced, for scoring (in an update, replaces it). */
  public S expected(Object expected) {
    return change(() -> row.add("expected", tree(expected)));
  }

  /** Records an error; a {@link Throwable} is logged as its stack trace. */
  public S error(Object error) {
    if (!(error instanceof Throwable t)) {
      return change(() -> row.add("error", tree(error)));
    }
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return change(() -> row.addProperty("error", trace.toString()));
  }

  /** Sets one metadata entry, keeping the others. */
  public S metadata(String key, Object value) {
    Objects.requireNonNull(key, "key == null");
    return change(() -> object("metadata").add(key, tree(value)));
  }

  /** Sets several metadata entries, keeping the others. */
  public S metadata(Map<String, ?> metadata) {
    Objects.requireNonNull(metadata, "metadata == null");
    return change(() -> metadata.forEach((k, v) -> metadata(k, v)));
  }

  /**
   * Sets a score between 0 and 1, keeping the others.
   *
   * @throws IllegalArgumentException if the value is outside [0, 1]
   */
  public S score(String name, double value) {
    Objects.requireNonNull(name, "name == null");
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "score \"" + name + "\" must be between 0 and 1, got " + value);
    }
    return change(() -> object("scores").add(name, new JsonPrimitive(BigDecimal.valueOf(value))));
  }

  /** Adds tags (an update sends the tags it was given, which replace the logged ones). */
  public S tags(String... tags) {
    return change(
        () -> {
          JsonElement existing = row.get("tags");
          JsonArray array = existing != null ? existing.getAsJsonArray() : new JsonArray();
          for (String tag : tags) {
            array.add(Objects.requireNonNull(tag, "tag == null"));
          }
          row.add("tags", array);
        });
  }

  /**
   * Sets a metric such as {@code prompt_tokens}, keeping the others; {@code start} and {@code end}
   * are the span's own.
   */
  public S metric(String name, Number value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    if (name.equals("start") || name.equals("end")) {
      throw new IllegalArgumentException(
          "metrics." + name + " is set by the span itself when it starts and ends");
    }
    return change(() -> object("metrics").add(name, tree(value)));
  }

  /** The fields set so far, as a JSON object owned by the caller. */
  final synchronized JsonObject fields() {
    return row.deepCopy();
  }

  /** Whether nothing was set. */
  final synchronized boolean isEmpty() {
    return row.size() == 0;
  }

  @SuppressWarnings("unchecked")
  private synchronized S change(Runnable edit) {
    checkOpen();
    edit.run();
    return (S) this;
  }

  private JsonElement tree(Object value) {
    return value == null ? JsonNull.INSTANCE : encoder.toTree(value);
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
}
