package io.github.bt4j.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Runs {@link WriterBenchServer} in a JVM of its own and talks to its control endpoints. */
final class WriterBenchServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final OkHttpClient control = new OkHttpClient();

  /** What the server received since the last reset. */
  record Stats(
      long inserts,
      long rows,
      long distinct,
      long injected503,
      long injectedResets,
      long injectedRetryAfter) {}

  WriterBenchServerProcess() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                WriterBenchServer.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IOException("the server did not start: " + ready);
    }
    port = Integer.parseInt(ready.substring(5).trim());
  }

  /** The server's base URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Clears the counters and turns fault injection on or off. */
  void reset(boolean faults) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl() + "/control/reset?faults=" + (faults ? 1 : 0))
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
    Request request = new Request.Builder().url(baseUrl() + "/control/stats").build();
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
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    control.dispatcher().executorService().shutdown();
    control.connectionPool().evictAll();
  }
}
