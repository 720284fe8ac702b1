package io.github.bt4j.logging;

import io.github.bt4j.logging.internal.EventFields;
import java.util.Map;

/**
 * A change to a span's logged row, sent as a merge ({@code "_is_merge": true}): the fields set here
 * are deep-merged into the row, the others left as they are; tags and other arrays are replaced.
 * Get one from {@link Span#update()}, set values, then {@link #log()}. Not thread-safe.
 *
 * <pre>{@code
 * span.update().score("accuracy", 1.0).metadata("reviewed", true).log();
 * }</pre>
 */
public final class SpanUpdate {
  private final Span span;
  private final EventFields fields;

  SpanUpdate(Span span, EventFields fields) {
    this.span = span;
    this.fields = fields;
  }

  /** Replaces the input. */
  public SpanUpdate input(Object input) {
    fields.set("input", input);
    return this;
  }

  /** Replaces the output. */
  public SpanUpdate output(Object output) {
    fields.set("output", output);
    return this;
  }

  /** Replaces the expected output. */
  public SpanUpdate expected(Object expected) {
    fields.set("expected", expected);
    return this;
  }

  /** Replaces the error; a {@link Throwable} is logged as its stack trace. */
  public SpanUpdate error(Object error) {
    fields.error(error);
    return this;
  }

  /** Sets one metadata entry, keeping the others. */
  public SpanUpdate metadata(String key, Object value) {
    fields.put("metadata", key, value);
    return this;
  }

  /** Sets several metadata entries, keeping the others. */
  public SpanUpdate metadata(Map<String, ?> metadata) {
    fields.putAll("metadata", metadata);
    return this;
  }

  /** Sets a score between 0 and 1, keeping the others. */
  public SpanUpdate score(String name, double value) {
    fields.score(name, value);
    return this;
  }

  /** Replaces the tags with these. */
  public SpanUpdate tags(String... tags) {
    fields.tags(tags);
    return this;
  }

  /** Sets a metric, keeping the others. */
  public SpanUpdate metric(String name, Number value) {
    fields.metric(name, value);
    return this;
  }

  /**
   * Logs the change through the writer.
   *
   * @return the span's row id
   * @throws IllegalStateException if nothing was set
   */
  public String log() {
    if (fields.isEmpty()) {
      throw new IllegalStateException("nothing to update: set at least one value before log()");
    }
    return span.logUpdate(fields.toJson());
  }
}
