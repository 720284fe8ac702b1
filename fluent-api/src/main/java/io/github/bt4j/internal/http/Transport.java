package io.github.bt4j.internal.http;

import com.google.gson.Gson;
import com.google.gson.JsonIOException;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import io.github.bt4j.core.RawResponse;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.BraintrustException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.UnexpectedResponseException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import retrofit2.Invocation;
import retrofit2.Retrofit;

/**
 * Runs every call of the client through one chain: retries, redirects within the API's origin,
 * logging, then OkHttp; each call gets its headers and auth when it is created ({@link #newCall}).
 * Requests are built by the generated Retrofit interface ({@link #api(Class)}); responses are read
 * here, straight from the response stream into the operation's model type, and errors become the
 * typed exceptions of {@code io.github.bt4j.errors}.
 */
public final class Transport implements AutoCloseable {
  private final ClientConfig config;
  private final OkHttpClient base;
  private final OkHttpClient http;
  private final ClientResources resources;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Gson gson;
  private final Retrofit retrofit;
  // One proxy per generated interface (one per tag of the spec), made on first use: a proxy costs
  // time in proportion to its interface's methods, so a program that logs proxies four of them.
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final Map<Method, TypeAdapter<?>> responseAdapters = new ConcurrentHashMap<>();

  /**
   * Creates the transport. {@code base} is the OkHttpClient to derive from (its pools and timeouts
   * are kept; our interceptors are added to a derived client); {@code resources} is this client's
   * share of the pools and rate-limit pause (see {@link ClientResources}), released by {@link
   * #close()}.
   *
   * <p>The derived client never resends a request by itself ({@code retryOnConnectionFailure} off),
   * whatever the base says: {@link RetryInterceptor} is the one place that decides a resend, so
   * {@code maxRetries} and the retry safety of each request hold. Redirects are followed by {@link
   * RedirectInterceptor}, within the API's origin only.
   */
  public Transport(ClientConfig config, OkHttpClient base, Gson gson, ClientResources resources) {
    this.config = config;
    this.gson = gson;
    this.resources = resources;
    this.base = base;
    OkHttpClient.Builder builder =
        this.base
            .newBuilder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .addInterceptor(new RetryInterceptor(config, resources.gate()))
            .addInterceptor(new RedirectInterceptor())
            .addNetworkInterceptor(Transport::onTheWire);
    if (config.logLevel() != Level.OFF) {
      builder.addInterceptor(
          new LoggingInterceptor(
              System.getLogger("io.github.bt4j.http"), config.logLevel() == Level.DEBUG));
    }
    this.http = builder.build();
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(config.baseUrl())
            .callFactory(http)
            .addConverterFactory(new JsonConverterFactory())
            .build();
  }

  /** This client's share of the pools and the rate-limit pause, for a client derived from it. */
  public ClientResources resources() {
    return resources;
  }

  /**
   * Turns Nagle's algorithm off on the connection of each attempt, before the request is written. A
   * request written in more than one segment otherwise waits for the server's delayed ACK
   * (measured: 2-3x slower inserts on loopback). And keeps every resend with the retry policy:
   * OkHttp on its own sends a request again, uncounted, when a 503 says {@code Retry-After: 0}; the
   * same wait is handed on as {@code Retry-After-Ms: 0}, which only the library reads.
   */
  private static Response onTheWire(Interceptor.Chain chain) throws IOException {
    chain.connection().socket().setTcpNoDelay(true);
    Response response = chain.proceed(chain.request());
    String after = response.header("Retry-After");
    if (response.code() != 503 || after == null || !after.matches("0+")) {
      return response;
    }
    Response.Builder handedOn = response.newBuilder().removeHeader("Retry-After");
    return response.header("Retry-After-Ms") == null
        ? handedOn.header("Retry-After-Ms", "0").build()
        : handedOn.build();
  }

  /**
   * The generated Retrofit interface of one tag of the spec ({@code LogsApi}, {@code
   * ProjectsApi}...), used to build requests.
   *
   * @param service the interface
   * @param <A> its type
   * @return its implementation, the same one on every call
   */
  public <A> A api(Class<A> service) {
    Object api = apis.get(service); // a lock-free read: computeIfAbsent may lock on a hit
    if (api == null) {
      api = apis.computeIfAbsent(service, retrofit::create);
    }
    return service.cast(api);
  }

  /** The client's Gson. */
  public Gson gson() {
    return gson;
  }

  /** The client-wide settings. */
  public ClientConfig config() {
    return config;
  }

  /**
   * The OkHttp client this transport derives from, without its interceptors: another transport
   * built on it shares the connections and threads but applies only its own settings.
   */
  public OkHttpClient baseHttp() {
    return base;
  }

  /** The OkHttp client with the whole chain installed. */
  public OkHttpClient http() {
    return http;
  }

  /**
   * Runs a call built by {@link #api(Class)} and returns its parsed body (null for no content);
   * {@code retry} says when the request may be sent twice (see {@link RetryRule}).
   */
  public <T> T execute(retrofit2.Call<T> call, RequestOptions options, RetryRule retry) {
    return execute(call.request(), options, retry);
  }

  /** Like {@link #execute}, but answers with the status and headers beside the parsed body. */
  public <T> RawResponse<T> executeRaw(
      retrofit2.Call<T> call, RequestOptions options, RetryRule retry) {
    return this.<T, RawResponse<T>>run(
        call.request(),
        options,
        retry,
        (response, body) ->
            new RawResponse<>(
                response.code(),
                response.headers().toMultimap(),
                ErrorMapper.requestIdOf(response),
                body));
  }

  /**
   * Runs a request built by {@link #api(Class)}, perhaps changed since (a list page's cursor in its
   * URL), and returns its body parsed as the operation's response type, as {@link #execute} does.
   */
  public <T> T execute(Request request, RequestOptions options, RetryRule retry) {
    return this.<T, T>run(request, options, retry, (response, body) -> body);
  }

  private <T, R> R run(
      Request request, RequestOptions options, RetryRule retry, BiFunction<Response, T, R> result) {
    TypeAdapter<T> adapter = responseAdapter(request);
    Call raw = newCall(request, options, retry);
    try (Response response = raw.execute()) {
      return result.apply(response, read(response, adapter));
    } catch (IOException e) {
      throw connectionFailure(raw.request(), e);
    }
  }

  /** Like {@link #execute} but asynchronous; cancelling the future cancels the call. */
  public <T> CompletableFuture<T> executeAsync(
      retrofit2.Call<T> call, RequestOptions options, RetryRule retry) {
    Request request;
    TypeAdapter<T> adapter;
    try {
      request = call.request();
      adapter = responseAdapter(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Call raw = newCall(request, options, retry);
    CompletableFuture<T> future = new CompletableFuture<>();
    raw.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call c, Response response) {
            try (response) {
              future.complete(read(response, adapter));
            } catch (IOException e) {
              future.completeExceptionally(connectionFailure(raw.request(), e));
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call c, IOException e) {
            future.completeExceptionally(connectionFailure(raw.request(), e));
          }
        });
    future.whenComplete(
        (value, error) -> {
          if (future.isCancelled()) {
            raw.cancel();
          }
        });
    return future;
  }

  /**
   * Runs a call made by {@link #newCall} whose response the caller reads itself (streams, JSON
   * lines, list pages). A non-2xx answer is closed and thrown as a typed exception; the caller must
   * close the returned response.
   */
  public Response open(Call raw) {
    Request request = raw.request();
    Response response;
    try {
      response = raw.execute();
    } catch (IOException e) {
      throw connectionFailure(request, e);
    }
    if (!response.isSuccessful()) {
      try (response) {
        throw ErrorMapper.toException(response);
      }
    }
    return response;
  }

  /**
   * Creates an OkHttp call for {@code request} carrying the client's and the call's headers (bearer
   * auth, user agent, impersonation, extra headers), the call's options (and its extra query
   * parameters) and its timeouts. The body of a call that must not be repeated is marked one-shot,
   * so that not even OkHttp's own connection recovery sends it twice. The rule decides, from the
   * body as it will be sent, whether a retry may send it again, and may add what makes it safe
   * (event ids) to a copy of the body; the caller's objects are never changed.
   */
  public Call newCall(Request request, RequestOptions options, RetryRule retry) {
    RetryRule.Prepared prepared = retry.prepare(request);
    RequestContext context = new RequestContext(options, prepared.retrySafe());
    Request.Builder builder =
        prepared
            .request()
            .newBuilder()
            .tag(RequestContext.class, context)
            .header("Authorization", "Bearer " + config.apiKey())
            .header("User-Agent", config.userAgent());
    if (request.header("Accept") == null) {
      builder.header("Accept", "application/json");
    }
    config.headers().forEach(builder::header);
    String impersonate =
        options.impersonateUser() != null ? options.impersonateUser() : config.impersonateUser();
    if (impersonate != null) {
      builder.header("x-bt-impersonate-user", impersonate);
    }
    options.headers().forEach(builder::header);
    RequestBody body = prepared.request().body();
    if (body != null && !context.mayRetry()) {
      builder.method(request.method(), new OneShotBody(body));
    }
    if (!options.queryParams().isEmpty()) {
      HttpUrl.Builder url = request.url().newBuilder();
      options
          .queryParams()
          .forEach((name, values) -> values.forEach(v -> url.addQueryParameter(name, v)));
      builder.url(url.build());
    }
    OkHttpClient client =
        options.readTimeout() == null
            ? http
            : http.newBuilder().readTimeout(options.readTimeout()).build();
    Call raw = client.newCall(builder.build());
    if (options.timeout() != null) {
      raw.timeout().timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    return raw;
  }

  /** A body OkHttp must not send twice, even to recover a connection (a 421 answer, say). */
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

  /** The context a request carries, or a new default one (client settings, not retry-safe). */
  static RequestContext contextOf(Request request) {
    RequestContext context = request.tag(RequestContext.class);
    return context != null ? context : new RequestContext(RequestOptions.none(), false);
  }

  /** A transport failure of {@code request}, with the record of its attempts. */
  static ConnectionException connectionFailure(Request request, Exception e) {
    return new ConnectionException(
        request.method(), request.url().toString(), e, contextOf(request).attempts().snapshot());
  }

  @SuppressWarnings("unchecked")
  private <T> TypeAdapter<T> responseAdapter(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      throw new IllegalStateException("request was not built by the generated Retrofit interface");
    }
    return (TypeAdapter<T>)
        responseAdapters.computeIfAbsent(invocation.method(), this::adapterForReturnType);
  }

  private TypeAdapter<?> adapterForReturnType(Method method) {
    Type returnType = method.getGenericReturnType();
    Type bodyType =
        returnType instanceof ParameterizedType
            ? ((ParameterizedType) returnType).getActualTypeArguments()[0]
            : Object.class;
    if (bodyType == Void.class) {
      return null;
    }
    return gson.getAdapter(TypeToken.get(bodyType));
  }

  /**
   * Reads the body of {@code response}, the answer to a call made by {@link #newCall} from a
   * request the generated interface built (its body may have been replaced, as the event writer
   * does), as the operation's response type: the one body reader of the client. A non-2xx answer is
   * thrown as its typed exception.
   *
   * @throws IOException if the body cannot be read to its end
   */
  public <T> T read(Response response) throws IOException {
    return read(response, responseAdapter(response.request()));
  }

  private <T> T read(Response response, TypeAdapter<T> adapter) throws IOException {
    if (!response.isSuccessful()) {
      throw ErrorMapper.toException(response);
    }
    ResponseBody body = response.body();
    if (adapter == null || body == null || response.code() == 204) {
      return null;
    }
    if (adapter == gson.getAdapter(String.class) && !isJson(body.contentType())) {
      @SuppressWarnings("unchecked") // the operation's return type is String
      T text = (T) body.string();
      return text;
    }
    try {
      if (body.source().exhausted()) {
        return null; // no content, whatever the headers said
      }
      JsonReader reader = gson.newJsonReader(body.charStream());
      return adapter.read(reader);
    } catch (java.io.EOFException e) {
      throw unexpected(response, "the body ended early", e);
    } catch (JsonIOException e) {
      throw connectionFailure(response.request(), e);
    } catch (com.google.gson.stream.MalformedJsonException
        | JsonParseException
        | IllegalStateException
        | IllegalArgumentException e) {
      throw unexpected(response, e.getMessage(), e);
    }
  }

  /**
   * Whether a body is one JSON document ({@code application/json} or {@code +json}; OkHttp gives
   * the subtype in lower case): not a text body read as a String (such as {@code GET /v1}), nor
   * JSON lines ({@code application/x-jsonlines}, {@code x-ndjson}), which is streamed and must not
   * be read ahead of its consumer.
   */
  static boolean isJson(MediaType type) {
    return type != null && (type.subtype().equals("json") || type.subtype().endsWith("+json"));
  }

  /**
   * An answer whose status was fine but whose body cannot be read as expected.
   *
   * @param response the answer
   * @param detail what is wrong with the body
   * @param e the cause, or null
   * @return the exception to throw
   */
  public static BraintrustException unexpected(Response response, String detail, Exception e) {
    return new UnexpectedResponseException(
        response.code(),
        response.request().method(),
        response.request().url().toString(),
        detail,
        e);
  }

  /**
   * Gives back this client's share of the connection pool and threads; the last share to go shuts
   * them down, unless the caller supplied the OkHttpClient. Closing twice has no further effect.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      resources.release();
    }
  }
}
