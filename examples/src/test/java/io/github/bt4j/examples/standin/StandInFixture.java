package io.github.bt4j.examples.standin;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A running stand-in, a client for it, and raw HTTP access for what the client hides. */
final class StandInFixture implements AutoCloseable {
  static final MediaType JSON = MediaType.get("application/json");

  final StandIn standIn;
  final BraintrustClient client;
  final OkHttpClient http = new OkHttpClient();

  StandInFixture() {
    this(StandIn.start());
  }

  StandInFixture(StandIn standIn) {
    this.standIn = standIn;
    this.client =
        BraintrustClient.builder()
            .apiKey(standIn.apiKey())
            .baseUrl(standIn.baseUrl())
            .maxRetries(0)
            .build();
  }

  /** An answer read whole: status, content type, body, and the headers the tests look at. */
  record Answer(int status, String contentType, String body, String cursor, String requestId) {
    JsonElement json() {
      return JsonParser.parseString(body);
    }
  }

  Request.Builder request(String path) {
    return new Request.Builder()
        .url(standIn.baseUrl() + path)
        .header("Authorization", "Bearer " + standIn.apiKey());
  }

  Answer post(String path, String json) {
    return send(request(path).post(RequestBody.create(json, JSON)).build());
  }

  Answer get(String path) {
    return send(request(path).get().build());
  }

  Answer send(Request request) {
    try (Response response = http.newCall(request).execute()) {
      return new Answer(
          response.code(),
          response.header("Content-Type"),
          response.body().string(),
          response.header("x-bt-cursor"),
          response.header("x-bt-request-id"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    standIn.close();
  }
}
