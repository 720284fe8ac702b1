package io.github.bt4j.testing;

import io.github.bt4j.testing.internal.ReceivedRequest;
import java.util.List;

/**
 * A request a {@link FakeBraintrust} received, as it came: method, path, query, headers and body.
 * Its {@link #toString()} shows the method and path only, since headers and bodies carry the API
 * key and other secrets.
 */
public final class RecordedRequest {
  private final ReceivedRequest received;

  RecordedRequest(ReceivedRequest received) {
    this.received = received;
  }

  /** The HTTP method, like {@code POST}. */
  public String method() {
    return received.method();
  }

  /**
   * The decoded path, like {@code /v1/project_logs/3c90c3cc-0d44-4b50-8888-8dd25736052a/insert}.
   */
  public String path() {
    return received.path();
  }

  /** The query string as sent (still percent-encoded), or null when there was none. */
  public String query() {
    return received.rawQuery();
  }

  /**
   * The first decoded value of query parameter {@code name}, or null when it is absent.
   *
   * @throws IllegalArgumentException if the query string has a malformed percent escape
   */
  public String queryParameter(String name) {
    List<String> values = received.queryValues(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The first value of header {@code name} (in any case), or null when it is absent. */
  public String header(String name) {
    return received.header(name);
  }

  /** The body as UTF-8 text; empty when there was none. */
  public String body() {
    return received.body();
  }

  /** Method and path, like {@code POST /v1/project}; never headers or body. */
  @Override
  public String toString() {
    return method() + " " + path();
  }
}
