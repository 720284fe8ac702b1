package io.github.bt4j.logging.internal;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ResponseBody;
import okio.Okio;

/** Reads the {@code row_ids} of an insert's answer, {@code {"row_ids": ["...", ...]}}. */
final class RowIds {
  private RowIds() {}

  /**
   * The row ids the answer lists, or an empty list if it lists none or cannot be read: the status
   * was 2xx, so the rows are stored whatever the body says.
   */
  static List<String> read(ResponseBody body) {
    List<String> ids = new ArrayList<>();
    if (body == null) {
      return ids;
    }
    try (JsonReader reader = new JsonReader(body.charStream())) {
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        return ids;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("row_ids") && reader.peek() == JsonToken.BEGIN_ARRAY) {
          reader.beginArray();
          while (reader.hasNext()) {
            if (reader.peek() == JsonToken.STRING) {
              ids.add(reader.nextString());
            } else {
              reader.skipValue();
            }
          }
          reader.endArray();
        } else {
          reader.skipValue();
        }
      }
      return ids;
    } catch (IOException | RuntimeException unreadable) {
      return List.of();
    }
  }

  /** Reads and discards the body, so that the connection can be reused. */
  static void drain(ResponseBody body) {
    if (body == null) {
      return;
    }
    try {
      body.source().readAll(Okio.blackhole());
    } catch (IOException e) {
      // The status was 2xx, so the rows are stored; the rest of the body is not needed.
    }
  }
}
