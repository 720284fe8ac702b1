package io.github.bt4j.benchmarks;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor for listing: what a careful programmer writes by hand to walk {@code GET /v1/project}
 * page by page ({@code limit} and {@code starting_after} the last id), one pooled OkHttp client
 * with TCP_NODELAY, each project read from the response stream with Gson's {@link JsonReader} into
 * a small record. No retries, no typed errors.
 */
final class ListFloor implements AutoCloseable {
  private final OkHttpClient http =
      new OkHttpClient.Builder().socketFactory(new FloorClient.NoDelaySockets()).build();
  private final HttpUrl projects;

  /** A project as the floor keeps it. */
  record Project(String id, String orgId, String name, String created, String userId) {}

  ListFloor(String baseUrl) {
    this.projects = HttpUrl.get(baseUrl + "/v1/project");
  }

  /** Hands every project to {@code sink}, {@code pageSize} a request; returns the count. */
  long listAll(int pageSize, Consumer<Project> sink) throws IOException {
    long count = 0;
    String after = null;
    while (true) {
      HttpUrl.Builder url =
          projects.newBuilder().addQueryParameter("limit", Integer.toString(pageSize));
      if (after != null) {
        url.addQueryParameter("starting_after", after);
      }
      Request request =
          new Request.Builder().url(url.build()).header("Authorization", "Bearer floor").build();
      int onPage = 0;
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("HTTP " + response.code());
        }
        JsonReader reader = new JsonReader(response.body().charStream());
        reader.beginObject();
        while (reader.hasNext()) {
          if (!reader.nextName().equals("objects")) {
            reader.skipValue();
            continue;
          }
          reader.beginArray();
          while (reader.hasNext()) {
            Project project = project(reader);
            sink.accept(project);
            after = project.id();
            onPage++;
          }
          reader.endArray();
        }
        reader.endObject();
      }
      count += onPage;
      if (onPage < pageSize) {
        return count;
      }
    }
  }

  private static Project project(JsonReader reader) throws IOException {
    String id = null;
    String orgId = null;
    String name = null;
    String created = null;
    String userId = null;
    reader.beginObject();
    while (reader.hasNext()) {
      String field = reader.nextName();
      if (reader.peek() == JsonToken.NULL) {
        reader.skipValue();
        continue;
      }
      switch (field) {
        case "id" -> id = reader.nextString();
        case "org_id" -> orgId = reader.nextString();
        case "name" -> name = reader.nextString();
        case "created" -> created = reader.nextString();
        case "user_id" -> userId = reader.nextString();
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    return new Project(id, orgId, name, created, userId);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
