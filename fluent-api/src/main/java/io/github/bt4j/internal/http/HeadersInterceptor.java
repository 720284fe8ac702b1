package io.github.bt4j.internal.http;

import io.github.bt4j.core.RequestOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Puts the client's and the call's headers on each request (bearer auth, user agent, impersonation,
 * extra headers), applies the call's read timeout, and marks the body of a call that must not be
 * repeated as one-shot, so that not even OkHttp's own connection recovery sends it twice.
 */
final class HeadersInterceptor implements Interceptor {
  static final String IMPERSONATE_HEADER = "x-bt-impersonate-user";

  private final ClientConfig config;

  HeadersInterceptor(ClientConfig config) {
    this.config = config;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestContext context = Transport.contextOf(request);
    RequestOptions options = context.options();
    Request.Builder builder = request.newBuilder();
    builder.header("Authorization", "Bearer " + config.apiKey());
    builder.header("User-Agent", config.userAgent());
    if (request.header("Accept") == null) {
      builder.header("Accept", "application/json");
    }
    for (Map.Entry<String, String> h : config.headers().entrySet()) {
      builder.header(h.getKey(), h.getValue());
    }
    String impersonate =
        options.impersonateUser() != null ? options.impersonateUser() : config.impersonateUser();
    if (impersonate != null) {
      builder.header(IMPERSONATE_HEADER, impersonate);
    }
    for (Map.Entry<String, String> h : options.headers().entrySet()) {
      builder.header(h.getKey(), h.getValue());
    }
    if (request.body() != null && !context.mayRetry()) {
      builder.method(request.method(), new OneShotBody(request.body()));
    }
    Chain next = chain;
    if (options.readTimeout() != null) {
      next = chain.withReadTimeout((int) options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    return next.proceed(builder.build());
  }

  /** A body OkHttp must not send twice. */
  private static final class OneShotBody extends RequestBody {
    private final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
