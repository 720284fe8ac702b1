package io.github.bt4j.pagination.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.bt4j.RequestOptions;
import io.github.bt4j.errors.BraintrustException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.internal.http.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends one page request and reads its response straight from the stream: a whole JSON document, a
 * JSON object whose array field holds the rows, or JSON lines. The response is closed before these
 * methods return. Transport failures become {@link ConnectionException}, unreadable bodies {@link
 * UnexpectedResponseException}; non-2xx answers are the typed exceptions of {@link Transport#open}.
 */
public final class PageResponses {
  private PageResponses() {}

  /** The rows of a page and the cursor found in its body, if any. */
  public record RowsAndCursor(List<JsonObject> rows, String bodyCursor) {}

  /** What the caller needs from a response besides its body. */
  public interface HeaderReader {
    /** Reads what it needs from the response's headers. */
    void read(Response response);
  }

  /** Sends {@code request} and reads its body as one JSON document of {@code adapter}'s type. */
  public static <R> R readDocument(
      Transport transport, Request request, RequestOptions options, TypeAdapter<R> adapter) {
    try (Response response = transport.open(request, options, true)) {
      try {
        JsonReader reader = transport.gson().newJsonReader(body(response).charStream());
        return adapter.read(reader);
      } catch (IOException e) {
        throw connectionFailure(request, e);
      } catch (JsonParseException | IllegalStateException e) {
        throw unexpected(response, e.getMessage(), e);
      }
    }
  }

  /**
   * Sends {@code request} and reads a JSON object whose {@code rowsField} array holds the rows and
   * whose optional {@code cursor} field holds the next page's cursor; other fields are skipped.
   */
  public static RowsAndCursor readEnvelope(
      Transport transport,
      Request request,
      RequestOptions options,
      String rowsField,
      HeaderReader headers) {
    Gson gson = transport.gson();
    TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
    try (Response response = transport.open(request, options, true)) {
      headers.read(response);
      try {
        JsonReader reader = gson.newJsonReader(body(response).charStream());
        List<JsonObject> rows = new ArrayList<>();
        String cursor = null;
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (name.equals(rowsField) && reader.peek() == JsonToken.BEGIN_ARRAY) {
            reader.beginArray();
            while (reader.hasNext()) {
              rows.add(asRow(elements.read(reader), response));
            }
            reader.endArray();
          } else if (name.equals("cursor") && reader.peek() == JsonToken.STRING) {
            cursor = reader.nextString();
          } else {
            reader.skipValue();
          }
        }
        reader.endObject();
        return new RowsAndCursor(rows, cursor);
      } catch (IOException e) {
        throw connectionFailure(request, e);
      } catch (JsonParseException | IllegalStateException e) {
        throw unexpected(response, e.getMessage(), e);
      }
    }
  }

  /** Sends {@code request} and reads one JSON object per non-blank line of the body. */
  public static List<JsonObject> readJsonLines(
      Transport transport, Request request, RequestOptions options, HeaderReader headers) {
    try (Response response = transport.open(request, options, true)) {
      headers.read(response);
      List<JsonObject> rows = new ArrayList<>();
      BufferedSource source = body(response).source();
      long lineNumber = 0;
      try {
        for (String line; (line = source.readUtf8Line()) != null; ) {
          lineNumber++;
          if (!line.isBlank()) {
            rows.add(asRow(JsonParser.parseString(line), response));
          }
        }
        return rows;
      } catch (IOException e) {
        throw connectionFailure(request, e);
      } catch (JsonParseException | IllegalStateException e) {
        throw unexpected(response, "line " + lineNumber + ": " + e.getMessage(), e);
      }
    }
  }

  private static JsonObject asRow(JsonElement element, Response response) {
    if (!element.isJsonObject()) {
      throw unexpected(response, "a row is not a JSON object: " + abbreviate(element), null);
    }
    return element.getAsJsonObject();
  }

  private static String abbreviate(JsonElement element) {
    String s = String.valueOf(element);
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  private static ResponseBody body(Response response) {
    ResponseBody body = response.body();
    if (body == null) {
      throw unexpected(response, "no body", null);
    }
    return body;
  }

  private static BraintrustException connectionFailure(Request request, IOException e) {
    return new ConnectionException(request.method(), request.url().toString(), e);
  }

  private static BraintrustException unexpected(Response response, String detail, Exception e) {
    return new UnexpectedResponseException(
        response.code(),
        response.request().method(),
        response.request().url().toString(),
        detail,
        e);
  }
}
