package io.github.bt4j.query;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.internal.http.ReadAhead;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.pagination.RowCursor;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Objects;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import okio.Okio;

/**
 * The rows of one page of a fetch or a query, read one at a time. The page's request is sent and
 * its status checked in the caller's thread; its body is then read by a thread of the client into
 * memory as bytes ({@link ReadAhead}), and rows are parsed while it arrives, one at a time, by one
 * Gson reader for the whole page, and mapped to the caller's type: parsing overlaps the server's
 * writing. A caller that stops early leaves that thread to finish the page and close the response,
 * so no connection stays open, and memory holds at most one page of bytes rather than one page of
 * parsed rows, which a small heap would keep alive long enough to promote. The source that walks
 * the pages says which rows to hand out and where the next page is. Transport failures, before the
 * first row or in the middle of the page, become {@link io.github.bt4j.errors.ConnectionException},
 * unreadable bodies {@link UnexpectedResponseException}; non-2xx answers are the typed exceptions
 * of {@link Transport#open}.
 *
 * @param <T> the row type
 */
abstract class PageRows<T> implements RowCursor<T> {
  private final Response response; // closed by the thread that reads its body
  private final TypeAdapter<T> adapter; // null: rows are handed out as the JsonObjects they are
  private final String rowsField; // null for JSON lines
  private final BufferedSource body;
  private final JsonReader reader;
  private final TypeAdapter<JsonElement> elements;
  private final JsonObject fields = new JsonObject();
  private String cursor;
  private boolean started;
  private boolean inRows;
  private T pending;
  private int received;
  private boolean finished;

  /**
   * Sends {@code request} and starts receiving the page: a JSON object whose {@code rowsField}
   * array holds the rows and whose {@code cursor} string field, if any, is {@link #bodyCursor()},
   * or, with no {@code rowsField}, JSON lines: one JSON object after another, blank lines between.
   */
  PageRows(
      Transport transport,
      Request request,
      RequestOptions options,
      String rowsField,
      TypeAdapter<T> adapter) {
    this.adapter = adapter;
    this.rowsField = rowsField;
    this.response = transport.open(transport.newCall(request, options, RetryRule.ALWAYS));
    this.body = ReadAhead.start(response, transport);
    Gson gson = transport.gson();
    this.reader =
        gson.newJsonReader(new InputStreamReader(body.inputStream(), StandardCharsets.UTF_8));
    if (rowsField == null) {
      reader.setStrictness(Strictness.LENIENT); // lenient reads top-level values one after another
    }
    this.elements = gson.getAdapter(JsonElement.class);
  }

  /**
   * How rows are read as {@code type} with the client's Gson: null for {@link JsonObject}, which
   * rows already are.
   */
  @SuppressWarnings("unchecked")
  static <T> TypeAdapter<T> adapter(Gson gson, Type type) {
    Objects.requireNonNull(type, "type == null");
    return type == JsonObject.class ? null : (TypeAdapter<T>) gson.getAdapter(TypeToken.get(type));
  }

  /** Whether a received row is handed out; called once for every row, in order. */
  protected abstract boolean keep(JsonObject row);

  /** Called once, after the last row was received. */
  protected void finish() {}

  /** Whether the walk wants more rows; when it does not, the page ends here. */
  protected boolean wantsMore() {
    return true;
  }

  /** A response header, or null. */
  final String header(String name) {
    return response.header(name);
  }

  /** The body's {@code cursor} field, or null; final once {@link #hasNext()} is false. */
  final String bodyCursor() {
    return cursor;
  }

  @Override
  public final boolean hasNext() {
    while (pending == null) {
      if (finished || !wantsMore()) {
        return false;
      }
      JsonElement row;
      try {
        row = rowAhead() ? elements.read(reader) : null;
      } catch (IOException | JsonParseException | IllegalStateException e) {
        throw Transport.unexpected(response, e.getMessage(), e);
      }
      if (row == null) {
        finished = true;
        finish();
        return false;
      }
      if (!row.isJsonObject()) {
        String s = String.valueOf(row);
        throw Transport.unexpected(
            response,
            "a row is not a JSON object ("
                + reader // "JsonReader at line L column C path $": where the row ends
                + "): "
                + (s.length() <= 80 ? s : s.substring(0, 80) + "..."),
            null);
      }
      received++;
      if (keep(row.getAsJsonObject())) {
        pending = map(row.getAsJsonObject());
      }
    }
    return true;
  }

  /**
   * Moves the reader to the next row, if there is one: the next top-level value of JSON lines, or
   * the next element of the envelope's rows array, the envelope's other fields read on the way (the
   * cursor into {@link #bodyCursor()}, the rest into {@link #pageFields()}).
   */
  private boolean rowAhead() throws IOException {
    if (rowsField == null) {
      try {
        return reader.peek() != JsonToken.END_DOCUMENT;
      } catch (EOFException blank) {
        return false; // only a body of nothing but white space ends before its first value
      }
    }
    if (!started) {
      started = true;
      reader.beginObject();
    }
    while (true) {
      if (inRows) {
        if (reader.hasNext()) {
          return true;
        }
        reader.endArray();
        inRows = false;
      } else if (!reader.hasNext()) {
        reader.endObject();
        body.readAll(Okio.blackhole()); // the response is closed and its connection free
        return false;
      } else {
        String name = reader.nextName();
        if (name.equals(rowsField) && reader.peek() == JsonToken.BEGIN_ARRAY) {
          reader.beginArray();
          inRows = true;
        } else if (name.equals("cursor") && reader.peek() == JsonToken.STRING) {
          cursor = reader.nextString();
        } else {
          fields.add(name, elements.read(reader));
        }
      }
    }
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T row = pending;
    pending = null;
    return row;
  }

  @Override
  public final boolean receivedRows() {
    return received > 0;
  }

  @Override
  public final JsonObject pageFields() {
    return fields;
  }

  @SuppressWarnings("unchecked")
  private T map(JsonObject row) {
    if (adapter == null) {
      return (T) row;
    }
    try {
      return adapter.fromJsonTree(row);
    } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
      throw Transport.unexpected(
          response, "a row does not fit the requested type: " + e.getMessage(), e);
    }
  }
}
