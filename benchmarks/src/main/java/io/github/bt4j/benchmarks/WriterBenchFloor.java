package io.github.bt4j.benchmarks;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The floor: a careful hand-written insert loop with no library in between. One pooled OkHttp
 * client with TCP_NODELAY, one request at a time, each batch written while it streams to the socket
 * (Gson's writer: a fresh random {@code id}, then the event's fields) and each answer's {@code
 * row_ids} read with Gson's reader.
 */
final class WriterBenchFloor implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .socketFactory(new FloorClient.NoDelaySockets())
          .readTimeout(Duration.ofSeconds(60))
          .build();
  private final TypeAdapter<Object> values = new Gson().getAdapter(Object.class);

  /**
   * Posts {@code events} to {@code insertUrl} in requests of {@code batchRows}, each event given a
   * random id as it is written; returns the number of row ids acknowledged.
   */
  long run(String insertUrl, List<Map<String, Object>> events, int batchRows) throws IOException {
    long acknowledged = 0;
    for (int from = 0; from < events.size(); from += batchRows) {
      List<Map<String, Object>> batch =
          events.subList(from, Math.min(events.size(), from + batchRows));
      Request request =
          new Request.Builder()
              .url(insertUrl)
              .header("Authorization", "Bearer bench-key")
              .post(body(batch))
              .build();
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("insert failed: " + response.code());
        }
        acknowledged += countRowIds(response.body().byteStream());
      }
    }
    return acknowledged;
  }

  private RequestBody body(List<Map<String, Object>> batch) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        OutputStream out = sink.outputStream();
        JsonWriter writer = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.beginObject().name("events").beginArray();
        for (Map<String, Object> event : batch) {
          writer.beginObject().name("id").value(UUID.randomUUID().toString());
          for (Map.Entry<String, Object> field : event.entrySet()) {
            values.write(writer.name(field.getKey()), field.getValue());
          }
          writer.endObject();
        }
        writer.endArray().endObject();
        writer.flush();
      }
    };
  }

  private static long countRowIds(InputStream body) throws IOException {
    long count = 0;
    try (JsonReader reader =
        new JsonReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("row_ids")) {
          reader.beginArray();
          while (reader.hasNext()) {
            reader.skipValue();
            count++;
          }
          reader.endArray();
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
    }
    return count;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
