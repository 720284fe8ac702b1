package io.github.bt4j.testing.internal;

import java.util.ArrayList;
import java.util.List;

/** What the fake received since it started or was last reset: requests, and queries among them. */
final class RequestLog {
  private final List<ReceivedRequest> requests = new ArrayList<>();
  private final List<String> queries = new ArrayList<>();

  synchronized void request(ReceivedRequest request) {
    requests.add(request);
  }

  synchronized void query(String query) {
    queries.add(query);
  }

  synchronized List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized List<String> queries() {
    return List.copyOf(queries);
  }
}
