package io.github.bt4j.internal.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects within the API's origin only (same scheme, host and port); OkHttp's own
 * redirect following is off. A redirect anywhere else is not followed: its 3xx answer reaches the
 * caller as an {@link io.github.bt4j.errors.ApiException}, so that neither the API key, nor the
 * impersonated user, nor the caller's headers leave the API's host, and no other host's body is
 * taken for the API's answer. Sits below the retries, so the whole chain counts as one attempt; a
 * followed request keeps the headers of the call, which stays within the API's origin.
 */
final class RedirectInterceptor implements Interceptor {
  /** Redirects followed per attempt before the last 3xx is returned as it is. */
  static final int MAX_REDIRECTS = 5;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int followed = 0; ; followed++) {
      Response response = chain.proceed(request);
      Request next = followUp(request, response);
      if (next == null || followed == MAX_REDIRECTS) {
        return response;
      }
      response.close();
      request = next;
    }
  }

  /** The request a redirect within the same origin asks for, or null to stop here. */
  private static Request followUp(Request request, Response response) {
    int code = response.code();
    if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
      return null;
    }
    String location = response.header("Location");
    HttpUrl target = location == null ? null : request.url().resolve(location);
    if (target == null || !sameOrigin(request.url(), target)) {
      return null;
    }
    Request.Builder next = request.newBuilder().url(target);
    boolean keepsMethod = code == 307 || code == 308 || request.method().equals("HEAD");
    if (!keepsMethod && !request.method().equals("GET")) {
      next.method("GET", null)
          .removeHeader("Content-Type")
          .removeHeader("Content-Length")
          .removeHeader("Transfer-Encoding");
    }
    return next.build();
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }
}
