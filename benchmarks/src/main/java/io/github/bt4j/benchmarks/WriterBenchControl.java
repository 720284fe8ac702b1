package io.github.bt4j.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Talks to the control endpoints of a {@link WriterBenchServer} (started with {@link
 * ServerProcess}): clears its counters, turns fault injection on or off, reads what it received.
 */
final class WriterBenchControl implements AutoCloseable {
  private final String baseUrl;
  private final OkHttpClient control = new OkHttpClient();

  /** What the server received since the last reset. */
  record Stats(
      long inserts,
      long rows,
      long distinct,
      long injected503,
      long injectedResets,
      long injectedRetryAfter) {}

  /** Controls the server at {@code baseUrl}. */
  WriterBenchControl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The server's base URL. */
  String baseUrl() {
    return baseUrl;
  }

  /** Clears the counters and turns fault injection on or off. */
  void reset(boolean faults) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + "/control/reset?faults=" + (faults ? 1 : 0))
            .post(RequestBody.create(new byte[0], MediaType.get("application/json")))
            .build();
    try (Response response = control.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("reset failed: " + response.code());
      }
    }
  }

  /** The counters now. */
  Stats stats() throws IOException {
    Request request = new Request.Builder().url(baseUrl + "/control/stats").build();
    try (Response response = control.newCall(request).execute()) {
      JsonObject s = JsonParser.parseString(response.body().string()).getAsJsonObject();
      return new Stats(
          s.get("inserts").getAsLong(),
          s.get("rows").getAsLong(),
          s.get("distinct").getAsLong(),
          s.get("injected503").getAsLong(),
          s.get("injectedResets").getAsLong(),
          s.get("injectedRetryAfter").getAsLong());
    }
  }

  @Override
  public void close() {
    control.dispatcher().executorService().shutdown();
    control.connectionPool().evictAll();
  }
}
