package io.github.bt4j.logging.internal;

import io.github.bt4j.errors.BraintrustException;
import java.time.Duration;
import java.util.List;

/**
 * How one attempt to send a request ended.
 *
 * @param serverRowIds on success, the row ids the answer listed (empty if it was not read)
 * @param error on failure, the typed exception for the answer or the connection failure
 * @param status the failed answer's HTTP status, or 0 for a connection failure
 * @param retryAfter the wait the server asked for, or null
 * @param transientFailure whether a later attempt could succeed: a connection failure that is not a
 *     DNS or TLS failure; statuses are judged by the sender
 */
public record Attempt(
    List<String> serverRowIds,
    BraintrustException error,
    int status,
    Duration retryAfter,
    boolean transientFailure) {

  public static Attempt stored(List<String> serverRowIds) {
    return new Attempt(serverRowIds, null, 200, null, false);
  }

  public static Attempt refused(BraintrustException error, int status, Duration retryAfter) {
    return new Attempt(List.of(), error, status, retryAfter, false);
  }

  public static Attempt broken(BraintrustException error, boolean transientFailure) {
    return new Attempt(List.of(), error, 0, null, transientFailure);
  }

  public boolean succeeded() {
    return error == null;
  }
}
