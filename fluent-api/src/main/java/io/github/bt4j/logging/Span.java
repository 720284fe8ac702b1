package io.github.bt4j.logging;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.bt4j.internal.EventIds;
import io.github.bt4j.models.SpanType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One unit of work in a trace, logged as a row when it {@link #end() ends}: a root span from {@link
 * EventWriter#startSpan(String)}, children from {@link #startChild(String)}. The row carries the
 * span's identity ({@code id}, {@code span_id}, {@code root_span_id}, {@code span_parents}), its
 * {@code span_attributes} (name and type), {@code metrics.start}/{@code metrics.end} in seconds
 * since the epoch, and whatever was set: input, output, expected, error, metadata, scores, tags and
 * other metrics.
 *
 * <pre>{@code
 * Span root = logs.startSpan("User Interaction").metadata("user_id", "user123");
 * root.startChild("Interaction 0").input("hello world").output("output0").end();
 * root.startChild("Interaction 1").input("output0").output("output1").end();
 * root.end();
 * }</pre>
 *
 * <p>Values are converted to JSON when set. A span is thread-safe. After {@code end()} the setters
 * refuse further changes; use {@link #update()} to change the logged row (a merge).
 */
public final class Span extends SpanFields<Span> {
  private final EventWriter<?, ?> writer;
  private final String id;
  private final String spanId;
  private final String rootSpanId;
  private final String parentSpanId;
  private final String name;
  private final Instant start;
  private SpanType type;
  private boolean ended;

  Span(EventWriter<?, ?> writer, String name, SpanType type, Span parent) {
    super(writer.encoder());
    this.writer = writer;
    this.name = Objects.requireNonNull(name, "name == null");
    this.type = type;
    this.id = EventIds.newId();
    this.spanId = EventIds.newId();
    this.rootSpanId = parent == null ? spanId : parent.rootSpanId;
    this.parentSpanId = parent == null ? null : parent.spanId;
    this.start = writer.options().clock().instant();
  }

  /** The id of the span's row, for {@link EventWriter#merge}, feedback or a later fetch. */
  public String id() {
    return id;
  }

  /** The span's own id ({@code span_id}). */
  public String spanId() {
    return spanId;
  }

  /** The span id of the trace's root ({@code root_span_id}). */
  public String rootSpanId() {
    return rootSpanId;
  }

  /** The span's name. */
  public String name() {
    return name;
  }

  /** Starts a child span of this one, with no type ({@link #type} sets one). */
  public Span startChild(String name) {
    return new Span(writer, name, null, this);
  }

  /** Sets the span's type ({@code span_attributes.type}). */
  public synchronized Span type(SpanType type) {
    checkOpen();
    this.type = type;
    return this;
  }

  /**
   * Ends the span now and logs its row through the writer.
   *
   * @return the row's id
   * @throws IllegalStateException if the span has already ended
   * @throws QueueFullException as {@link EventWriter#log(Object)}
   */
  public String end() {
    JsonObject row;
    synchronized (this) {
      checkOpen();
      ended = true;
      row = fields();
      Instant end = writer.options().clock().instant();
      identify(row);
      row.addProperty("created", start.toString());
      JsonObject attributes = new JsonObject();
      attributes.addProperty("name", name);
      if (type != null) {
        attributes.addProperty("type", type.getValue());
      }
      row.add("span_attributes", attributes);
      JsonObject metrics = row.has("metrics") ? row.getAsJsonObject("metrics") : new JsonObject();
      metrics.add("start", seconds(start));
      metrics.add("end", seconds(end));
      row.add("metrics", metrics);
    }
    writer.enqueueRow(row);
    return id;
  }

  /**
   * Starts a change to the row this span logged, sent as a merge ({@code "_is_merge": true}) when
   * {@link SpanUpdate#log()} is called.
   *
   * @throws IllegalStateException if the span has not ended: set the values on the span instead
   */
  public synchronized SpanUpdate update() {
    if (!ended) {
      throw new IllegalStateException(
          "span \"" + name + "\" has not ended: set values on the span itself before end()");
    }
    return new SpanUpdate(this, writer.encoder());
  }

  /** Whether {@link #end()} was called. */
  public synchronized boolean isEnded() {
    return ended;
  }

  /** Logs a merge row for this span; called by {@link SpanUpdate#log()}. */
  String logUpdate(JsonObject changes) {
    JsonObject row = new JsonObject();
    identify(row);
    row.addProperty("_is_merge", true);
    changes.entrySet().forEach(e -> row.add(e.getKey(), e.getValue()));
    writer.enqueueRow(row);
    return id;
  }

  private void identify(JsonObject row) {
    row.addProperty("id", id);
    row.addProperty("span_id", spanId);
    row.addProperty("root_span_id", rootSpanId);
    if (parentSpanId != null) {
      JsonArray parents = new JsonArray();
      parents.add(parentSpanId);
      row.add("span_parents", parents);
    }
  }

  @Override
  void checkOpen() {
    if (ended) {
      throw new IllegalStateException(
          "span \"" + name + "\" has ended; use update() to change its logged row");
    }
  }

  /** Seconds since the epoch with microsecond precision, written without an exponent. */
  private static JsonPrimitive seconds(Instant t) {
    long micros =
        Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    return new JsonPrimitive(BigDecimal.valueOf(micros, 6));
  }

  @Override
  public String toString() {
    return "Span{name=" + name + ", id=" + id + ", spanId=" + spanId + "}";
  }
}
