package io.github.bt4j.pagination.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.BraintrustException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Sends one page request of rows (a fetch or a query) and reads its answer: its rows are parsed one
 * at a time, where {@link Transport#read} would parse a whole document at once. The body is moved
 * into memory as bytes (okio's segments, no copy into a String) and the response is closed before
 * any row is parsed: a caller that stops early leaves no connection open, and memory holds one page
 * of bytes rather than one page of parsed rows, which a small heap would keep alive long enough to
 * promote. Rows are then parsed one at a time from those bytes. Transport failures become {@link
 * ConnectionException}, unreadable bodies {@link UnexpectedResponseException}; non-2xx answers are
 * the typed exceptions of {@link Transport#open}.
 */
public final class PageResponses {
  private PageResponses() {}

  /**
   * A received page.
   *
   * @param body the body's bytes
   * @param headers the response headers
   * @param status the HTTP status, for error messages
   * @param request the page's request, for error messages
   */
  public record BufferedPage(Buffer body, Headers headers, int status, Request request) {
    /** A response header, or null. */
    public String header(String name) {
      return headers.get(name);
    }

    /** An error about the body of this page. */
    public BraintrustException unreadable(String detail, Exception cause) {
      return new UnexpectedResponseException(
          status, request.method(), request.url().toString(), detail, cause);
    }
  }

  /** Sends {@code request} and receives the whole body. */
  public static BufferedPage receive(Transport transport, Request request, RequestOptions options) {
    try (Response response =
        transport.open(transport.newCall(request, options, RetryRule.ALWAYS))) {
      Buffer buffer = new Buffer();
      ResponseBody body = response.body();
      if (body != null) {
        body.source().readAll(buffer);
      }
      return new BufferedPage(buffer, response.headers(), response.code(), request);
    } catch (IOException e) {
      throw new ConnectionException(request.method(), request.url().toString(), e);
    }
  }

  /**
   * The rows of a JSON object whose {@code rowsField} array holds them; its {@code cursor} string
   * field, if any, is {@link EnvelopeRows#bodyCursor()} once the rows are read.
   */
  public static EnvelopeRows envelopeRows(Gson gson, BufferedPage page, String rowsField) {
    return new EnvelopeRows(gson, page, rowsField);
  }

  /** The rows of a JSON-lines body, one object per non-blank line. */
  public static Iterator<JsonObject> jsonLines(BufferedPage page) {
    return new JsonLines(page);
  }

  private static JsonObject asRow(JsonElement element, BufferedPage page) {
    if (!element.isJsonObject()) {
      String s = String.valueOf(element);
      throw page.unreadable(
          "a row is not a JSON object: " + (s.length() <= 80 ? s : s.substring(0, 80) + "..."),
          null);
    }
    return element.getAsJsonObject();
  }

  /** Rows of a JSON object's array field, parsed as they are asked for. */
  public static final class EnvelopeRows implements Iterator<JsonObject> {
    private final BufferedPage page;
    private final String rowsField;
    private final JsonReader reader;
    private final TypeAdapter<JsonElement> elements;
    private boolean inRows;
    private boolean done;
    private boolean started;
    private String cursor;
    private final JsonObject fields = new JsonObject();

    private EnvelopeRows(Gson gson, BufferedPage page, String rowsField) {
      this.page = page;
      this.rowsField = rowsField;
      this.reader =
          gson.newJsonReader(
              new InputStreamReader(page.body().inputStream(), StandardCharsets.UTF_8));
      this.elements = gson.getAdapter(JsonElement.class);
    }

    /** The body's fields other than the rows and the cursor; final once the rows are read. */
    public JsonObject fields() {
      return fields;
    }

    /** The body's {@code cursor} field; final once {@link #hasNext()} is false. */
    public String bodyCursor() {
      return cursor;
    }

    @Override
    public boolean hasNext() {
      try {
        if (!started) {
          started = true;
          reader.beginObject();
        }
        while (!done) {
          if (inRows) {
            if (reader.hasNext()) {
              return true;
            }
            reader.endArray();
            inRows = false;
          } else if (reader.hasNext()) {
            String name = reader.nextName();
            if (name.equals(rowsField) && reader.peek() == JsonToken.BEGIN_ARRAY) {
              reader.beginArray();
              inRows = true;
            } else if (name.equals("cursor") && reader.peek() == JsonToken.STRING) {
              cursor = reader.nextString();
            } else {
              fields.add(name, elements.read(reader));
            }
          } else {
            reader.endObject();
            done = true;
          }
        }
        return false;
      } catch (IOException | JsonParseException | IllegalStateException e) {
        throw page.unreadable(e.getMessage(), e);
      }
    }

    @Override
    public JsonObject next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      try {
        return asRow(elements.read(reader), page);
      } catch (IOException | JsonParseException | IllegalStateException e) {
        throw page.unreadable(e.getMessage(), e);
      }
    }
  }

  /** Rows of a JSON-lines body, parsed as they are asked for. */
  private static final class JsonLines implements Iterator<JsonObject> {
    private final BufferedPage page;
    private final BufferedSource source;
    private String line;
    private long lineNumber;

    JsonLines(BufferedPage page) {
      this.page = page;
      this.source = page.body();
    }

    @Override
    public boolean hasNext() {
      try {
        while (line == null) {
          String read = source.readUtf8Line();
          if (read == null) {
            return false;
          }
          lineNumber++;
          if (!read.isBlank()) {
            line = read;
          }
        }
        return true;
      } catch (IOException e) {
        throw page.unreadable(e.getMessage(), e);
      }
    }

    @Override
    public JsonObject next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String text = line;
      line = null;
      try {
        return asRow(JsonParser.parseString(text), page);
      } catch (JsonParseException | IllegalStateException e) {
        throw page.unreadable("line " + lineNumber + ": " + e.getMessage(), e);
      }
    }
  }
}
