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
 * @param <T> the body type; {@code Void} for operations without one
 */
public final class RawResponse<T> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final String requestId;
  private final T body;

  /**
   * Creates a raw response (the client does; tests and fakes may too).
   *
   * @param statusCode the HTTP status
   * @param headers the response headers by name; copied, looked up without regard to case
   * @param requestId the id the server gave the request, or null
   * @param body the parsed body, or null if there is none
   */
  public RawResponse(int statusCode, Map<String, List<String>> headers, String requestId, T body) {
    this.statusCode = statusCode;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.requestId = requestId;
    this.body = body;
  }

  /** The HTTP status code, such as 200. */
  public int statusCode() {
    return statusCode;
  }

  /** Every response header by name (looked up without regard to case); unmodifiable. */
  public Map<String, List<String>> headers() {
    return headers;
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

  /** The id the server gave the request (for support requests), or null if it sent none. */
  public String requestId() {
    return requestId;
  }

  /** The parsed body, or null for an operation without one or an empty answer. */
  public T body() {
    return body;
  }

  /** The status and request id; never the headers or the body, which may hold secrets. */
  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", requestId=" + requestId + "}";
  }
}
