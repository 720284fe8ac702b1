package io.github.bt4j.testing.internal;

import java.util.List;
import java.util.Map;

/**
 * One request as the fake received it, before it was checked or answered.
 *
 * @param method the HTTP method, like {@code POST}
 * @param path the decoded path, like {@code /v1/project}
 * @param rawQuery the query string as sent (still percent-encoded), or null when there was none
 * @param headers the request headers, by name in any case
 * @param body the body as UTF-8 text, empty when there was none
 */
public record ReceivedRequest(
    String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

  /** The decoded values of query parameter {@code name}, in order; empty when it is absent. */
  public List<String> queryValues(String name) {
    return QueryString.parse(rawQuery).getOrDefault(name, List.of());
  }

  /** The first value of header {@code name} (in any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Method, path and body size only: headers and body may hold the API key or other secrets. */
  @Override
  public String toString() {
    return method + " " + path + " (" + body.length() + " characters of body)";
  }
}
