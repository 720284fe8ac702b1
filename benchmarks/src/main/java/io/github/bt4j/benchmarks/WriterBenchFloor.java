package io.github.bt4j.benchmarks;

import com.google.gson.Gson;
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
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The floor: a careful hand-written insert loop with no library in between. One pooled OkHttp
 * client with TCP_NODELAY, one request at a time, each batch streamed to the socket with Gson's
 * writer and each answer's {@code row_ids} read with Gson's reader.
 */
final class WriterBenchFloor implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .socketFactory(new FloorClient.NoDelaySockets())
          .readTimeout(Duration.ofSeconds(60))
          .build();
  private final Gson gson = new Gson();

  /** Posts every batch to {@code insertUrl}; returns the number of row ids acknowledged. */
  long run(String insertUrl, List<List<Map<String, Object>>> batches) throws IOException {
    long acknowledged = 0;
    for (List<Map<String, Object>> batch : batches) {
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
          gson.toJson(event, Map.class, writer);
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
