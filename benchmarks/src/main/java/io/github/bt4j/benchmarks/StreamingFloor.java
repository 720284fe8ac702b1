package io.github.bt4j.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The floor for streams: what a careful programmer writes by hand with OkHttp, its line reader and
 * Gson. One pooled client with the library's settings (TCP_NODELAY, 10 s connect, 60 s read and
 * write timeouts); lines read with {@link BufferedSource#readUtf8Line()} (LF and CRLF only), an
 * event handled at its blank line. No typed events, no error events, no cancellation, no limits.
 */
final class StreamingFloor implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String INVOKE_BODY =
      "{\"input\":{\"question\":\"How did the deployment go?\"},\"stream\":true}";
  private static final String CHAT_BODY =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
          + "\"How did the deployment go?\"}],\"stream\":true}";

  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ofSeconds(60))
          .writeTimeout(Duration.ofSeconds(60))
          .socketFactory(new FloorClient.NoDelaySockets())
          .build();
  private final String baseUrl;

  StreamingFloor(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Invokes a function with {@code stream: true} and hands the decoded text of each {@code
   * text_delta} event to {@code texts} as it arrives.
   *
   * @param noEscapeShortcut take a JSON string without backslashes from between its quotes rather
   *     than through Gson, as the library does
   * @return the number of text deltas
   */
  long invoke(String function, boolean noEscapeShortcut, Consumer<String> texts)
      throws IOException {
    long deltas = 0;
    try (Response response = open("/v1/function/" + function + "/invoke", INVOKE_BODY)) {
      BufferedSource source = response.body().source();
      String event = "message";
      String data = null;
      for (String line; (line = source.readUtf8Line()) != null; ) {
        if (line.isEmpty()) {
          if (data != null && event.equals("text_delta")) {
            texts.accept(
                noEscapeShortcut && data.indexOf('\\') < 0
                    ? data.substring(1, data.length() - 1)
                    : new JsonReader(new StringReader(data)).nextString());
            deltas++;
          }
          event = "message";
          data = null;
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        }
      }
    }
    return deltas;
  }

  /**
   * Runs a proxy chat completion with {@code stream: true} until {@code data: [DONE]}, parsing each
   * chunk into a {@link JsonObject} and appending the content of its first choice to {@code text}.
   *
   * @return the number of chunks before {@code [DONE]}
   */
  long chat(StringBuilder text) throws IOException {
    long chunks = 0;
    try (Response response = open("/v1/proxy/chat/completions", CHAT_BODY)) {
      BufferedSource source = response.body().source();
      for (String line; (line = source.readUtf8Line()) != null; ) {
        if (!line.startsWith("data: ")) {
          continue;
        }
        String data = line.substring(6);
        if (data.equals("[DONE]")) {
          break;
        }
        JsonObject chunk = JsonParser.parseString(data).getAsJsonObject();
        chunks++;
        JsonArray choices = chunk.getAsJsonArray("choices");
        if (!choices.isEmpty()) {
          JsonElement content =
              choices.get(0).getAsJsonObject().getAsJsonObject("delta").get("content");
          if (content != null && !content.isJsonNull()) {
            text.append(content.getAsString());
          }
        }
      }
    }
    return chunks;
  }

  /** Reads a whole response as bytes without looking at them: how fast server and socket go. */
  long drain(String path) throws IOException {
    long bytes = 0;
    try (Response response = open(path, INVOKE_BODY)) {
      BufferedSource source = response.body().source();
      while (!source.exhausted()) {
        bytes += source.getBuffer().size();
        source.getBuffer().clear();
      }
    }
    return bytes;
  }

  private Response open(String path, String body) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + path)
            .header("Authorization", "Bearer floor")
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(body, JSON))
            .build();
    Response response = http.newCall(request).execute();
    if (!response.isSuccessful()) {
      response.close();
      throw new IOException("HTTP " + response.code() + " from " + path);
    }
    return response;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
