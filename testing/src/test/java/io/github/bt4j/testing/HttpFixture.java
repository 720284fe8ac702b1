package io.github.bt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A running fake and plain HTTP calls to it (the JDK's client, no Braintrust client), so that its
 * tests see exactly what it answers.
 */
final class HttpFixture implements AutoCloseable {
  final FakeBraintrust fake;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HttpFixture() {
    this(FakeBraintrust.start());
  }

  HttpFixture(FakeBraintrust fake) {
    this.fake = fake;
  }

  /** An answer read whole: status, content type, body, and the headers the tests look at. */
  record Answer(int status, String contentType, String body, String cursor, String requestId) {
    JsonElement json() {
      return JsonParser.parseString(body);
    }

    JsonObject object() {
      return json().getAsJsonObject();
    }

    /** The {@code objects} of a list answer. */
    List<JsonObject> objects() {
      return list(object().getAsJsonArray("objects"));
    }

    /** The {@code data} of a BTQL answer in JSON. */
    List<JsonObject> data() {
      return list(object().getAsJsonArray("data"));
    }

    private static List<JsonObject> list(JsonArray array) {
      return array.asList().stream().map(JsonElement::getAsJsonObject).toList();
    }
  }

  /** A request to {@code path} with the fake's key. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
        .header("Authorization", "Bearer " + fake.apiKey());
  }

  Answer get(String path) {
    return send(request(path).GET().build());
  }

  Answer post(String path, String json) {
    return send(method("POST", path, json).build());
  }

  /** A request with a JSON body. */
  HttpRequest.Builder method(String method, String path, String json) {
    return request(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
  }

  /** POSTs {@code json} and returns the answer's JSON object, which must be a 200. */
  JsonObject ok(String path, String json) {
    Answer answer = post(path, json);
    assertEquals(200, answer.status(), answer.body());
    return answer.object();
  }

  /** GETs {@code path} and returns the answer's JSON object, which must be a 200. */
  JsonObject ok(String path) {
    Answer answer = get(path);
    assertEquals(200, answer.status(), answer.body());
    return answer.object();
  }

  /** Creates a project and returns its id. */
  String project(String name) {
    return ok("/v1/project", "{\"name\": \"" + name + "\"}").get("id").getAsString();
  }

  /** Creates an object below {@code projectId} ({@code experiment}, {@code dataset}) by name. */
  String child(String type, String projectId, String name) {
    return ok("/v1/" + type, "{\"project_id\": \"" + projectId + "\", \"name\": \"" + name + "\"}")
        .get("id")
        .getAsString();
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          response.headers().firstValue("x-bt-cursor").orElse(null),
          response.headers().firstValue("x-bt-request-id").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code request} and returns as soon as the headers are in, for reading a stream. */
  HttpResponse<InputStream> open(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    fake.close();
  }
}
