package io.github.bt4j.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A successful answer with its HTTP status and headers beside the parsed body: what every operation
 * returns through a resource's {@code withRawResponse()} view.
 *
 * <pre>{@code
 * RawResponse<Project> created = client.projects().withRawResponse().create(new CreateProject().name("p"));
 * boolean existed = "true".equals(created.header("x-bt-found-existing"));
 * Project project = created.body();
 * }</pre>
 *
 * @param statusCode the HTTP status code, such as 200
 * @param headers every response header by name, looked up without regard to case; copied and
 *     unmodifiable
 * @param requestId the id the server gave the request, or null
 * @param body the parsed body, or null if there is none
 * @param <T> the body type; {@code Void} for operations without one
 */
public record RawResponse<T>(
    int statusCode, Map<String, List<String>> headers, String requestId, T body) {
  /** Copies the headers into an unmodifiable map that looks names up without regard to case. */
  public RawResponse {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * The first value of the header {@code name}, such as {@code x-bt-cursor} or {@code
   * x-bt-found-existing}.
   *
   * @param name the header name, in any case
   * @return the value, or null if the header is absent
   */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The status and request id; never the headers or the body, which may hold secrets. */
  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", requestId=" + requestId + "}";
  }
}
