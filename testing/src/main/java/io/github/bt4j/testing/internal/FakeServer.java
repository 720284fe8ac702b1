package io.github.bt4j.testing.internal;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine behind {@code io.github.bt4j.testing.FakeBraintrust}: a JDK HTTP server on a free port
 * of 127.0.0.1 whose state (objects, events, what it received) lives in one {@link State}, which
 * {@link #reset()} replaces whole. The organization and its people are kept across resets, so that
 * their ids stay valid for the life of the server.
 */
public final class FakeServer implements AutoCloseable {
  /** The name of the fake's one organization. */
  public static final String ORG_NAME = "fake-org";

  /** The email of the owner of the API key. */
  public static final String OWNER_EMAIL = "owner@example.com";

  /** The emails of the other members, whom calls may impersonate. */
  public static final List<String> MEMBER_EMAILS = List.of("alice@example.com", "bob@example.com");

  /** The API key a fake accepts unless told otherwise. */
  public static final String DEFAULT_API_KEY = "sk-fake-braintrust-key";

  /**
   * When the fake sends each event of a stream: called before event {@code index} (0 for the first)
   * of every streaming answer.
   */
  @FunctionalInterface
  public interface Pacing {
    /** Called before the stream's event {@code index} is written and flushed. */
    void beforeEvent(int index) throws InterruptedException;
  }

  /** Everything a reset forgets, wired together. */
  private record State(Router router, ObjectStore objects, EventStore events, RequestLog log) {}

  private final HttpServer server;
  private final ExecutorService threads;
  private final String baseUrl;
  private final String apiKey;
  private final Pacing pacing;
  private final XactClock clock = new XactClock();
  private final Directory directory;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile State state;

  private FakeServer(String apiKey, Pacing pacing) throws IOException {
    // The JDK server leaves Nagle's algorithm on; small answers would then wait for delayed ACKs.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    baseUrl = "http://" + loopback.getHostAddress() + ":" + server.getAddress().getPort();
    this.apiKey = apiKey;
    this.pacing = pacing;
    directory = new Directory(baseUrl);
    state = newState();
    server.createContext("/", exchange -> state.router().handle(exchange));
    threads = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Starts a server that accepts {@code apiKey} and paces streams with {@code pacing}.
   *
   * @throws UncheckedIOException if no port can be opened
   */
  public static FakeServer start(String apiKey, Pacing pacing) {
    try {
      return new FakeServer(apiKey, pacing);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake Braintrust", e);
    }
  }

  private State newState() {
    ObjectStore objects = new ObjectStore(directory, clock);
    EventStore events = new EventStore(objects, clock);
    RequestLog log = new RequestLog();
    Router router = new Router(new Authenticator(apiKey, directory), log);
    new ObjectHandlers(objects).register(router);
    new EventHandlers(events).register(router);
    new SummaryHandlers(events, baseUrl).register(router);
    new BtqlHandler(new BtqlRunner(events), log).register(router);
    new FunctionInvokeHandler(objects, pacing).register(router);
    new ChatCompletionsHandler(pacing).register(router);
    return new State(router, objects, events, log);
  }

  /** The URL to point a client at, like {@code http://127.0.0.1:54321}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The one API key this server accepts. */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Forgets every object, event, request and query; the organization and its people stay. A request
   * in progress finishes against the state it started with.
   */
  public void reset() {
    state = newState();
  }

  /** Every request received since the start or the last reset, in the order they came. */
  public List<ReceivedRequest> requests() {
    return state.log().requests();
  }

  /** Every query received on {@code POST /btql}, as its text (a structured query as JSON). */
  public List<String> queries() {
    return state.log().queries();
  }

  /**
   * Copies of the current rows of the events of {@code source} ({@code project_logs}, {@code
   * experiment} or {@code dataset}) {@code id}, in the order they were first written.
   *
   * @param argument the caller's name for {@code id}, for the exception's message
   * @throws IllegalArgumentException if {@code id} names no live object
   */
  public List<JsonObject> events(String source, String id, String argument) {
    EventObject type = EventObject.byPath(source);
    if (type == null) {
      throw new IllegalArgumentException("source: not an event source: " + source);
    }
    return copies(state.events().rows(type, id, argument));
  }

  /**
   * Copies of the live objects of {@code type} (the API's path segment, like {@code project}),
   * oldest first.
   */
  public List<JsonObject> objects(String type) {
    return copies(state.objects().all(ObjectKinds.byType(type)));
  }

  /** Stops the server at once; streams in progress are cut off. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static List<JsonObject> copies(List<JsonObject> rows) {
    return rows.stream().map(JsonObject::deepCopy).toList();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "bt4j-fake-braintrust-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
