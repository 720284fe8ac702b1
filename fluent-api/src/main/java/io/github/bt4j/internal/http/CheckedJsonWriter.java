package io.github.bt4j.internal.http;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Writes request bodies, refusing what JSON cannot carry with an {@link IllegalArgumentException}
 * that names the field, before anything is sent: NaN and infinite numbers (Gson's own message would
 * point at {@code GsonBuilder}), and nesting deeper than {@value #MAX_DEPTH} levels, which is what
 * a value that contains itself (circular metadata) becomes instead of a {@code StackOverflowError}.
 */
public final class CheckedJsonWriter extends JsonWriter {
  /**
   * Deeper than any real body; below Gson's own reading limit (255), far below a stack overflow.
   */
  static final int MAX_DEPTH = 200;

  private static final int PATH_SHOWN = 12;

  /** One open array or object: where the value being written sits in it. */
  private static final class Frame {
    final boolean array;
    int index;
    String name;

    Frame(boolean array) {
      this.array = array;
    }
  }

  /** Per client Gson, the same Gson letting NaN reach this writer (see {@link #forBodies}). */
  private static final Map<Gson, Gson> BODY_GSONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Deque<Frame> open = new ArrayDeque<>();

  private CheckedJsonWriter(Writer out, JsonWriter settings) {
    super(out);
    setHtmlSafe(settings.isHtmlSafe());
    setSerializeNulls(settings.getSerializeNulls());
    setStrictness(settings.getStrictness());
    setFormattingStyle(settings.getFormattingStyle());
  }

  /**
   * {@code gson} with the same adapters, except that its number adapters hand NaN and Infinity to
   * the writer instead of refusing them with a message about {@code GsonBuilder}: this writer
   * refuses them itself, naming the field.
   */
  public static Gson forBodies(Gson gson) {
    return BODY_GSONS.computeIfAbsent(
        gson, g -> g.newBuilder().serializeSpecialFloatingPointValues().create());
  }

  /** A writer with {@code gson}'s settings; write with {@link #forBodies}'s adapters. */
  public static JsonWriter of(Writer out, Gson gson) throws IOException {
    return new CheckedJsonWriter(out, gson.newJsonWriter(Writer.nullWriter()));
  }

  /**
   * {@code value} as JSON text, written as its declared type with {@code gson}'s adapters.
   *
   * @throws IllegalArgumentException naming the field, if the value cannot be JSON
   */
  @SuppressWarnings("unchecked")
  public static String toJson(Gson gson, Object value, Type declaredType) {
    Gson bodies = forBodies(gson);
    StringWriter text = new StringWriter();
    try (JsonWriter writer = of(text, gson)) {
      ((TypeAdapter<Object>) bodies.getAdapter(TypeToken.get(declaredType))).write(writer, value);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string failed", e);
    }
    return text.toString();
  }

  @Override
  public JsonWriter beginArray() throws IOException {
    enter(true);
    return super.beginArray();
  }

  @Override
  public JsonWriter endArray() throws IOException {
    super.endArray();
    leave();
    return this;
  }

  @Override
  public JsonWriter beginObject() throws IOException {
    enter(false);
    return super.beginObject();
  }

  @Override
  public JsonWriter endObject() throws IOException {
    super.endObject();
    leave();
    return this;
  }

  @Override
  public JsonWriter name(String name) throws IOException {
    super.name(name);
    if (!open.isEmpty()) {
      open.peek().name = name;
    }
    return this;
  }

  @Override
  public JsonWriter value(String value) throws IOException {
    if (value == null) {
      return nullValue(); // Gson's own null handling would call nullValue() and count twice
    }
    super.value(value);
    return written();
  }

  @Override
  public JsonWriter jsonValue(String value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    super.jsonValue(value);
    return written();
  }

  @Override
  public JsonWriter nullValue() throws IOException {
    super.nullValue();
    return written();
  }

  @Override
  public JsonWriter value(boolean value) throws IOException {
    super.value(value);
    return written();
  }

  @Override
  public JsonWriter value(Boolean value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    super.value(value);
    return written();
  }

  @Override
  public JsonWriter value(float value) throws IOException {
    checkFinite(Float.toString(value));
    super.value(value);
    return written();
  }

  @Override
  public JsonWriter value(double value) throws IOException {
    checkFinite(Double.toString(value));
    super.value(value);
    return written();
  }

  @Override
  public JsonWriter value(long value) throws IOException {
    super.value(value);
    return written();
  }

  @Override
  public JsonWriter value(Number value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    checkFinite(value.toString());
    super.value(value);
    return written();
  }

  private void enter(boolean array) {
    if (open.size() >= MAX_DEPTH) {
      throw new IllegalArgumentException(
          "request body: "
              + path()
              + " nests deeper than "
              + MAX_DEPTH
              + " levels; a value that contains itself (circular metadata?) cannot be sent as"
              + " JSON");
    }
    open.push(new Frame(array));
  }

  private void leave() {
    open.pop();
    written();
  }

  private JsonWriter written() {
    if (!open.isEmpty() && open.peek().array) {
      open.peek().index++;
    }
    return this;
  }

  private void checkFinite(String number) {
    if (number.equals("NaN") || number.endsWith("Infinity")) {
      throw new IllegalArgumentException(
          "request body: "
              + path()
              + " is "
              + number
              + "; JSON has no NaN or Infinity: send null or a finite number");
    }
  }

  /** Where the next value goes, such as {@code events[0].metadata.score}, shortened if deep. */
  private String path() {
    StringBuilder path = new StringBuilder();
    int shown = 0;
    for (Iterator<Frame> it = open.descendingIterator(); it.hasNext(); ) {
      Frame f = it.next();
      if (shown++ == PATH_SHOWN) {
        path.append("...");
        break;
      }
      if (f.array) {
        path.append('[').append(f.index).append(']');
      } else if (f.name != null) {
        path.append(path.length() == 0 ? "" : ".").append(f.name);
      }
    }
    return path.length() == 0 ? "the value" : path.toString();
  }
}
