package io.github.bt4j.internal.http;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import io.github.bt4j.json.BraintrustJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Writes request bodies, refusing what JSON cannot carry with an {@link IllegalArgumentException}
 * that names the field, before anything is sent: NaN and infinite numbers (Gson's own message would
 * point at {@code GsonBuilder}), and nesting deeper than {@value #MAX_DEPTH} levels, which is what
 * a value that contains itself (circular metadata) becomes instead of a {@code StackOverflowError}.
 * Where each open array or object stands is kept in two arrays, so writing a value allocates
 * nothing.
 */
public final class CheckedJsonWriter extends JsonWriter {
  /**
   * Deeper than any real body; below Gson's own reading limit (255), far below a stack overflow.
   */
  static final int MAX_DEPTH = 200;

  private static final int PATH_SHOWN = 12;

  /**
   * The client's Gson, except that its number adapters hand NaN and Infinity to this writer instead
   * of refusing them with a message about {@code GsonBuilder}: this writer refuses them itself,
   * naming the field.
   */
  private static final Gson BODIES =
      BraintrustJson.gson().newBuilder().serializeSpecialFloatingPointValues().create();

  // Per open array or object, outermost first: the index of the next element in an array (-1 in
  // an object), and the last member name in an object.
  private int[] indices = new int[8];
  private String[] names = new String[8];
  private int depth;

  private CheckedJsonWriter(Writer out) {
    super(out);
    setHtmlSafe(BODIES.htmlSafe());
    setSerializeNulls(BODIES.serializeNulls());
  }

  /** The adapter that writes a body declared as {@code type}, for {@link #write}. */
  static TypeAdapter<?> adapter(Type type) {
    return BODIES.getAdapter(TypeToken.get(type));
  }

  /** Writes {@code value} to {@code out} with {@code adapter}, one of {@link #adapter}'s. */
  @SuppressWarnings("unchecked")
  static void write(TypeAdapter<?> adapter, Object value, Writer out) throws IOException {
    try (JsonWriter writer = new CheckedJsonWriter(out)) {
      ((TypeAdapter<Object>) adapter).write(writer, value);
    }
  }

  /**
   * {@code value} as JSON text, written as its declared type with the client's adapters.
   *
   * @throws IllegalArgumentException naming the field, if the value cannot be JSON
   */
  public static String toJson(Object value, Type declaredType) {
    StringWriter text = new StringWriter();
    try {
      write(adapter(declaredType), value, text);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string failed", e);
    }
    return text.toString();
  }

  @Override
  public JsonWriter beginArray() throws IOException {
    enter(0);
    return super.beginArray();
  }

  @Override
  public JsonWriter beginObject() throws IOException {
    enter(-1);
    return super.beginObject();
  }

  @Override
  public JsonWriter endArray() throws IOException {
    super.endArray();
    depth--;
    return written(this);
  }

  @Override
  public JsonWriter endObject() throws IOException {
    super.endObject();
    depth--;
    return written(this);
  }

  @Override
  public JsonWriter name(String name) throws IOException {
    super.name(name);
    names[depth - 1] = name;
    return this;
  }

  // Gson's writer turns a null String, Boolean or Number into nullValue(), which counts it.

  @Override
  public JsonWriter value(String value) throws IOException {
    return value == null ? nullValue() : written(super.value(value));
  }

  @Override
  public JsonWriter jsonValue(String value) throws IOException {
    return value == null ? nullValue() : written(super.jsonValue(value));
  }

  @Override
  public JsonWriter nullValue() throws IOException {
    return written(super.nullValue());
  }

  @Override
  public JsonWriter value(boolean value) throws IOException {
    return written(super.value(value));
  }

  @Override
  public JsonWriter value(Boolean value) throws IOException {
    return value == null ? nullValue() : written(super.value(value));
  }

  @Override
  public JsonWriter value(float value) throws IOException {
    return written(super.value(finite(value)));
  }

  @Override
  public JsonWriter value(double value) throws IOException {
    return written(super.value(finite(value)));
  }

  @Override
  public JsonWriter value(long value) throws IOException {
    return written(super.value(value));
  }

  @Override
  public JsonWriter value(Number value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    String text = value.toString();
    if (text.equals("NaN") || text.endsWith("Infinity")) {
      throw refused(text);
    }
    return written(super.value(value));
  }

  private void enter(int index) {
    if (depth == MAX_DEPTH) {
      throw new IllegalArgumentException(
          "request body: "
              + path()
              + " nests deeper than "
              + MAX_DEPTH
              + " levels; a value that contains itself (circular metadata?) cannot be sent as"
              + " JSON");
    }
    if (depth == indices.length) {
      indices = Arrays.copyOf(indices, depth * 2);
      names = Arrays.copyOf(names, depth * 2);
    }
    indices[depth] = index;
    names[depth++] = null;
  }

  /** Counts a value written into the open array, if any. */
  private JsonWriter written(JsonWriter self) {
    if (depth > 0 && indices[depth - 1] >= 0) {
      indices[depth - 1]++;
    }
    return self;
  }

  private float finite(float value) {
    if (!Float.isFinite(value)) {
      throw refused(Float.toString(value));
    }
    return value;
  }

  private double finite(double value) {
    if (!Double.isFinite(value)) {
      throw refused(Double.toString(value));
    }
    return value;
  }

  private IllegalArgumentException refused(String number) {
    return new IllegalArgumentException(
        "request body: "
            + path()
            + " is "
            + number
            + "; JSON has no NaN or Infinity: send null or a finite number");
  }

  /** Where the next value goes, such as {@code events[0].metadata.score}, shortened if deep. */
  private String path() {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (i == PATH_SHOWN) {
        return path.append("...").toString();
      }
      if (indices[i] >= 0) {
        path.append('[').append(indices[i]).append(']');
      } else if (names[i] != null) {
        path.append(path.length() == 0 ? "" : ".").append(names[i]);
      }
    }
    return path.length() == 0 ? "the value" : path.toString();
  }
}
