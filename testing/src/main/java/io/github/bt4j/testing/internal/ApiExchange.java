package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One request to the fake and the means to answer it. */
final class ApiExchange {
  private final HttpExchange exchange;
  private final String body;
  private final String rawQuery;
  private Map<String, List<String>> query;
  private Map<String, String> pathParams = Map.of();
  private JsonObject actingUser;
  private boolean answered;

  ApiExchange(HttpExchange exchange, String requestId) throws IOException {
    this.exchange = exchange;
    // Read the whole body first: the JDK server needs it drained before the answer.
    this.body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    this.rawQuery = exchange.getRequestURI().getRawQuery();
    exchange.getResponseHeaders().set("x-bt-request-id", requestId);
  }

  String method() {
    return exchange.getRequestMethod();
  }

  String path() {
    return exchange.getRequestURI().getPath();
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = params;
  }

  /** The path parameter {@code name}, checked to be a UUID. */
  UUID pathId(String name) {
    return JsonValues.uuid(pathParams.get(name), name);
  }

  /** The first value of the query parameter {@code name}, or null. */
  String query(String name) {
    List<String> values = queryParams().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** All values of a query parameter given repeatedly ({@code ?a=1&a=2}). */
  List<String> queryAll(String name) {
    return queryParams().getOrDefault(name, List.of());
  }

  /** The query parameter {@code name} as a non-negative integer, or null. */
  Integer queryLimit(String name) {
    String v = query(name);
    return v == null ? null : JsonValues.limit(v, name);
  }

  /** The body, which must be a JSON object. */
  JsonObject bodyObject() {
    return JsonValues.object(JsonValues.parse(body), "the request body");
  }

  /** The user the call acts as: the key's owner, or whom {@code x-bt-impersonate-user} names. */
  JsonObject actingUser() {
    return actingUser;
  }

  void actingUser(JsonObject user) {
    this.actingUser = user;
  }

  /** The request as received, for the fake's record of what came. */
  ReceivedRequest received() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return new ReceivedRequest(
        method(), path(), rawQuery, Collections.unmodifiableMap(headers), body);
  }

  /** Sets a header of the answer; call before sending it. */
  void responseHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  boolean answered() {
    return answered;
  }

  void sendJson(int status, JsonElement value) throws IOException {
    send(status, "application/json", JsonValues.GSON.toJson(value));
  }

  void sendText(int status, String text) throws IOException {
    send(status, "text/plain; charset=utf-8", text);
  }

  private void send(int status, String contentType, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    answered = true;
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Starts a chunked 200 answer whose body the caller writes (and flushes) piece by piece. */
  OutputStream openStream(String contentType) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    answered = true;
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }

  private Map<String, List<String>> queryParams() {
    if (query == null) {
      try {
        query = QueryString.parse(rawQuery);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("malformed query string: " + e.getMessage());
      }
    }
    return query;
  }
}
