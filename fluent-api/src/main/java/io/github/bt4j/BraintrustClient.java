package io.github.bt4j;

import io.github.bt4j.core.RetryPolicy;
import io.github.bt4j.internal.Sleeper;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.Version;
import io.github.bt4j.internal.http.ClientAccess;
import io.github.bt4j.internal.http.ClientConfig;
import io.github.bt4j.internal.http.ClientResources;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.query.Queries;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Braintrust API client: one instance per application, immutable and safe to share between
 * threads. Each resource of the API is an accessor ({@code client.projects()}, {@code
 * client.experiments()}, {@code client.proxy()}...), each operation a method on it.
 *
 * <pre>{@code
 * try (BraintrustClient client = BraintrustClient.fromEnv()) {
 *   Project project = client.projects().create(new CreateProject().name("my-project"));
 * }
 * }</pre>
 *
 * <p>Closing the client releases its connections and threads, unless you supplied the {@link
 * OkHttpClient}, which stays yours to manage.
 */
public final class BraintrustClient extends BraintrustResources implements AutoCloseable {
  /** The API of Braintrust's US data plane, the default. */
  public static final String US_API_URL = "https://api.braintrust.dev";

  /** The API of Braintrust's EU data plane. */
  public static final String EU_API_URL = "https://api-eu.braintrust.dev";

  /** The library's version, as sent in the User-Agent. */
  public static final String VERSION = Version.current();

  private final Transport transport;
  private final Builder settings;
  private final List<Runnable> closeActions;
  private final Queries queries;
  private final BraintrustClientAsync async;

  static {
    ClientAccess.register(client -> ((BraintrustClient) client).transport);
  }

  private BraintrustClient(Builder b, Transport transport) {
    super(transport);
    this.transport = transport;
    this.async = new BraintrustClientAsync(transport);
    this.settings = b.copy();
    this.closeActions = List.copyOf(b.closeActions);
    this.queries = new Queries(transport);
  }

  /** A builder with the defaults: US data plane, two retries, 10 s connect, 60 s read. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: see {@link Builder#fromEnv()}.
   *
   * @throws IllegalStateException if {@code BRAINTRUST_API_KEY} is not set
   */
  public static BraintrustClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * A new client that shares this one's connections, threads and rate-limit pause but differs in
   * some settings.
   *
   * <pre>{@code
   * BraintrustClient asAlice = client.withOptions(b -> b.impersonateUser("alice@example.com"));
   * }</pre>
   *
   * <p>Each client, this one and every derived one, holds a share of the connections and threads:
   * closing one never stops another's calls, and they are released when the last of them is closed.
   * Close the derived client when you are done with it (or let it go unclosed if this one outlives
   * it: it only releases its share).
   *
   * @throws IllegalStateException if this client and every client derived from it are closed
   */
  public BraintrustClient withOptions(java.util.function.Consumer<Builder> change) {
    Builder b = settings.copy();
    b.okHttpClient(transport.baseHttp());
    b.shared = transport.resources();
    change.accept(b);
    return b.build();
  }

  /**
   * The same operations, asynchronous: {@code client.async().projects().get(id)} answers a {@code
   * CompletableFuture}. Shares this client's connections, threads and settings.
   *
   * @return the asynchronous view of this client
   */
  public BraintrustClientAsync async() {
    return async;
  }

  /** The base URL every call goes to. */
  public String baseUrl() {
    return transport.config().baseUrl().toString();
  }

  /**
   * Large reads, paged lazily in constant memory: SQL and BTQL queries ({@code POST /btql}), every
   * event of an experiment, dataset or project's logs, and deleting events by id.
   */
  public Queries queries() {
    return queries;
  }

  /**
   * Releases the client's share of the connections and threads, then runs the actions registered
   * with {@link Builder#onClose}. They are shut down when the last client sharing them (see {@link
   * #withOptions}) is closed; never those of a supplied OkHttpClient.
   */
  @Override
  public void close() {
    transport.close();
    closeActions.forEach(Runnable::run);
  }

  @Override
  public String toString() {
    return "BraintrustClient{baseUrl=" + baseUrl() + ", apiKey=" + mask(settings.apiKey) + "}";
  }

  /** {@code "<set>"} or {@code "<unset>"}: a secret's only printable facts. */
  private static String mask(String secret) {
    return secret == null ? "<unset>" : "<set>";
  }

  /** Builds a {@link BraintrustClient}. */
  public static final class Builder implements Cloneable {
    private static final Pattern IPV4_LOOPBACK =
        Pattern.compile("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");

    private String apiKey;
    private HttpUrl baseUrl = HttpUrl.get(US_API_URL + "/");
    private String impersonateUser;
    private Map<String, String> headers = new LinkedHashMap<>();
    // The timeouts set, applied in order to the OkHttpClient; null if none was.
    private UnaryOperator<OkHttpClient.Builder> timeouts;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private OkHttpClient okHttpClient;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private Level logLevel = Level.OFF;
    private boolean allowPlainHttp;
    // Not copied by copy(): a client derived with withOptions must not run its parent's actions.
    private List<Runnable> closeActions = new ArrayList<>();
    // Set by withOptions only: the parent's resources, which the derived client shares.
    private ClientResources shared;

    private Builder() {}

    private Builder copy() {
      try {
        Builder b = (Builder) clone();
        b.headers = new LinkedHashMap<>(headers);
        b.closeActions = new ArrayList<>();
        return b;
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    /**
     * Reads the settings from environment variables: the API key from {@code BRAINTRUST_API_KEY};
     * the base URL from {@code BRAINTRUST_API_URL} (the name the API guide and Braintrust's Python
     * and TypeScript SDKs use) or, if that is unset, {@code BRAINTRUST_BASE_URL} (the name of the
     * official Java/Kotlin REST SDK); HTTP logging from {@code BRAINTRUST_LOG} ({@code info} or
     * {@code debug}). Settings made later on the builder win.
     */
    public Builder fromEnv() {
      return fromEnv(System::getenv);
    }

    /** As {@link #fromEnv()}, reading variables through {@code env} (for tests). */
    public Builder fromEnv(Function<String, String> env) {
      String key = env.apply("BRAINTRUST_API_KEY");
      if (key == null || key.isBlank()) {
        throw new IllegalStateException(
            "BRAINTRUST_API_KEY is not set: export your API key (Settings > API keys in the "
                + "Braintrust app), or call BraintrustClient.builder().apiKey(...)");
      }
      apiKey(key.strip());
      String url = env.apply("BRAINTRUST_API_URL");
      url = url == null || url.isBlank() ? env.apply("BRAINTRUST_BASE_URL") : url;
      if (url != null && !url.isBlank()) {
        baseUrl(url.strip());
      }
      String log = env.apply("BRAINTRUST_LOG");
      logLevel =
          switch (log == null ? "" : log.strip().toLowerCase(Locale.ROOT)) {
            case "info" -> Level.INFO;
            case "debug", "body" -> Level.DEBUG;
            default -> Level.OFF;
          };
      return this;
    }

    /** The API key (required), sent as a bearer token. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Validation.notBlank(apiKey, "apiKey");
      return this;
    }

    /**
     * The API's base URL: {@link #US_API_URL} by default, {@link #EU_API_URL} for the EU data
     * plane, or a self-hosted data plane's URL. A trailing {@code /v1} is ignored, since the
     * operations' paths include it.
     */
    public Builder baseUrl(String baseUrl) {
      String u = Validation.notBlank(baseUrl, "baseUrl");
      u = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
      u = u.endsWith("/v1") ? u.substring(0, u.length() - 3) : u;
      HttpUrl parsed = HttpUrl.parse(u + "/");
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
      }
      this.baseUrl = parsed;
      return this;
    }

    /**
     * Allows a plain {@code http://} base URL to a host other than this machine. Without it, {@link
     * #build()} refuses one, because the API key would cross the network unencrypted; loopback
     * addresses ({@code localhost}, {@code 127.0.0.1}, {@code ::1}) are always allowed, for local
     * servers and tests. Use it only on a network you trust.
     */
    public Builder allowPlainHttp() {
      this.allowPlainHttp = true;
      return this;
    }

    /** Acts as another user of the organisation on every call ({@code x-bt-impersonate-user}). */
    public Builder impersonateUser(String userIdOrEmail) {
      this.impersonateUser = Validation.notBlank(userIdOrEmail, "impersonateUser");
      return this;
    }

    /** Adds a header to every call. */
    public Builder header(String name, String value) {
      Validation.headerName(name);
      headers.put(name, Objects.requireNonNull(value, "header value == null"));
      return this;
    }

    /** Limits the time to open a connection (10 s by default). */
    public Builder connectTimeout(Duration timeout) {
      Duration t = Validation.positive(timeout, "connectTimeout");
      return timeout(http -> http.connectTimeout(t));
    }

    /** Limits each wait for response bytes (60 s by default). */
    public Builder readTimeout(Duration timeout) {
      Duration t = Validation.positive(timeout, "readTimeout");
      return timeout(http -> http.readTimeout(t));
    }

    /** Limits each wait to send request bytes (60 s by default). */
    public Builder writeTimeout(Duration timeout) {
      Duration t = Validation.positive(timeout, "writeTimeout");
      return timeout(http -> http.writeTimeout(t));
    }

    /**
     * Limits each whole call, retries included (none by default). Streams are exempt: a stream is
     * bounded by the read timeout between events, and by a whole-call timeout only when its own
     * {@link io.github.bt4j.core.RequestOptions#timeout()} sets one.
     */
    public Builder callTimeout(Duration timeout) {
      Duration t = Validation.positive(timeout, "callTimeout");
      return timeout(http -> http.callTimeout(t));
    }

    private Builder timeout(UnaryOperator<OkHttpClient.Builder> setting) {
      UnaryOperator<OkHttpClient.Builder> before = timeouts;
      timeouts = before == null ? setting : http -> setting.apply(before.apply(http));
      return this;
    }

    /** Sets how many times a failed call is retried (2 by default); 0 turns retries off. */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.withMaxRetries(maxRetries);
      return this;
    }

    /** Replaces the whole retry policy. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy == null");
      return this;
    }

    /**
     * Uses your OkHttpClient (its connection pool, dispatcher, proxy, TLS and timeouts); the client
     * adds its interceptors to a derived client and never shuts yours down.
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "okHttpClient == null");
      this.shared = null;
      return this;
    }

    /**
     * Runs {@code action} when the built client is closed, after it released its connections: for
     * example, to stop a local server the client was pointed at. Clients derived with {@link
     * BraintrustClient#withOptions} do not run it.
     */
    Builder onClose(Runnable action) {
      closeActions.add(Objects.requireNonNull(action, "action == null"));
      return this;
    }

    /** Replaces how the client waits between retries (tests record the waits instead). */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Replaces the clock used to read HTTP-date {@code Retry-After} values (for tests). */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no API key was given
     * @throws IllegalArgumentException if the base URL is plain HTTP to another machine and {@link
     *     #allowPlainHttp()} was not called
     */
    public BraintrustClient build() {
      if (apiKey == null) {
        throw new IllegalStateException(
            "no API key: call apiKey(...) or fromEnv() with BRAINTRUST_API_KEY set");
      }
      if (!baseUrl.isHttps() && !allowPlainHttp && !isLoopback(baseUrl.host())) {
        throw new IllegalArgumentException(
            "baseUrl "
                + baseUrl
                + " is plain http to another machine: the API key would cross the network"
                + " unencrypted. Use https, or call allowPlainHttp() on the builder if this network"
                + " is trusted");
      }
      ClientConfig config =
          new ClientConfig(
              apiKey,
              baseUrl,
              impersonateUser,
              Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
              "bt4j/" + VERSION + " (Java " + System.getProperty("java.version") + ")",
              retryPolicy,
              sleeper,
              clock,
              () -> ThreadLocalRandom.current().nextDouble(),
              logLevel);
      OkHttpClient base =
          okHttpClient != null
              ? okHttpClient
              : new OkHttpClient.Builder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .readTimeout(Duration.ofSeconds(60))
                  .writeTimeout(Duration.ofSeconds(60))
                  .build();
      if (timeouts != null) {
        base = timeouts.apply(base.newBuilder()).build();
      }
      ClientResources resources =
          shared != null ? shared.share() : new ClientResources(okHttpClient == null ? base : null);
      return new BraintrustClient(
          this, new Transport(config, base, BraintrustJson.gson(), resources));
    }

    /**
     * Whether {@code host} is this machine, from the name alone (no DNS lookup): {@code localhost},
     * an address in 127.0.0.0/8, or the IPv6 loopback address. {@link HttpUrl} gives hosts in one
     * form: lower case, IPv6 compressed ({@code ::1}), an IPv4-mapped IPv6 address as IPv4.
     */
    private static boolean isLoopback(String host) {
      return host.equals("localhost")
          || host.equals("::1")
          || IPV4_LOOPBACK.matcher(host).matches();
    }

    @Override
    public String toString() {
      return "BraintrustClient.Builder{baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + "}";
    }
  }
}
