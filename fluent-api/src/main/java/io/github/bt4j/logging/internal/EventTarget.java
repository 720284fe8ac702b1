package io.github.bt4j.logging.internal;

import okhttp3.HttpUrl;

/**
 * The event store a writer sends to: its kind as the API names it ({@code project_logs}, {@code
 * experiment}, {@code dataset}), its id, and the two endpoints.
 *
 * @param objectType the path segment naming the kind of store
 * @param objectId the store's id (a UUID)
 * @param insertUrl {@code POST} here with {@code {"events": [...]}}
 * @param feedbackUrl {@code POST} here with {@code {"feedback": [...]}}
 */
public record EventTarget(
    String objectType, String objectId, HttpUrl insertUrl, HttpUrl feedbackUrl) {

  /** The target for the store {@code objectType}/{@code objectId} under the API's base URL. */
  public static EventTarget of(HttpUrl baseUrl, String objectType, String objectId) {
    HttpUrl object =
        baseUrl
            .newBuilder()
            .addPathSegment("v1")
            .addPathSegment(objectType)
            .addPathSegment(objectId)
            .build();
    return new EventTarget(
        objectType,
        objectId,
        object.newBuilder().addPathSegment("insert").build(),
        object.newBuilder().addPathSegment("feedback").build());
  }

  /** The URL for events of {@code kind}. */
  public HttpUrl url(EventKind kind) {
    return kind == EventKind.INSERT ? insertUrl : feedbackUrl;
  }

  @Override
  public String toString() {
    return objectType + " " + objectId;
  }
}
