package io.github.bt4j.examples.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Braintrust API, for running the examples without an account: an HTTP
 * server on 127.0.0.1 (a free port) that keeps everything in memory, so what a program creates it
 * can read back. It is example infrastructure, not a Braintrust server: it serves the operations
 * the examples use, follows the spec where the spec says how, and answers anything else with 404.
 *
 * <pre>{@code
 * try (StandIn api = StandIn.start()) {
 *   BraintrustClient client =
 *       BraintrustClient.builder().apiKey(api.apiKey()).baseUrl(api.baseUrl()).build();
 * }
 * }</pre>
 *
 * <h2>What it serves</h2>
 *
 * <ul>
 *   <li><b>Objects</b> ({@code /v1/project}, {@code experiment}, {@code dataset}, {@code prompt},
 *       {@code function}, {@code role}, {@code acl}): create, get, list, patch, delete, and {@code
 *       PUT} for prompts and functions. A create returns the existing object on a clash, as the
 *       spec says: same name in the organization (projects, roles), same name in the project
 *       (experiments, unless {@code ensure_new}, which picks a free name; datasets), same slug in
 *       the project (prompts, functions), same contents (ACLs). Lists are newest first and take
 *       {@code limit}, {@code starting_after}, {@code ending_before}, {@code ids}, {@code
 *       org_name}, the type's name filters and, below a project, {@code project_id}/{@code
 *       project_name}. {@code /v1/user} and {@code /v1/organization} are read-only: one
 *       organization named {@value #ORG_NAME}, its owner {@value #OWNER_EMAIL} (who the API key
 *       belongs to) and two members (see {@link #MEMBER_EMAILS}). {@code /v1/role} also lists the
 *       system roles Owner, Engineer and Viewer.
 *   <li><b>Events</b> of experiments, datasets and project logs ({@code insert}, {@code fetch} in
 *       both forms, {@code feedback}): rows merge by id ({@code _is_merge}, {@code _merge_paths},
 *       {@code _array_delete}, else replace), {@code _object_delete} deletes, {@code _parent_id}
 *       attaches to a parent span; each write request is one transaction with a new, larger {@code
 *       _xact_id}. Fetch returns whole traces newest first, {@code limit} traces per page, with an
 *       opaque {@code cursor} on every page that is not empty; {@code version} reads as of a
 *       transaction. Scores must lie between 0 and 1.
 *   <li><b>Summaries</b>: {@code /v1/experiment/{id}/summarize} computes score means, {@code
 *       duration} and token metrics from the stored rows (with {@code summarize_scores=true}),
 *       compared with {@code comparison_experiment_id} or the experiment's {@code base_exp_id};
 *       {@code /v1/dataset/{id}/summarize} counts records (with {@code summarize_data=true}).
 *   <li><b>Streams</b>: {@code /v1/function/{id}/invoke} and {@code /v1/proxy/chat/completions}
 *       answer with an echo of their input, streamed word by word when asked ({@code stream:
 *       true}): each event is written and flushed on its own, paced by {@link StreamPacing}.
 *   <li><b>Queries</b>: {@code POST /btql}, below.
 *   <li><b>Credentials</b>: every call needs {@code Authorization: Bearer <key>} with the key the
 *       stand-in was started with ({@link #apiKey()}), else 401. {@code x-bt-impersonate-user} (a
 *       member's id or email; anyone else is a 403) makes the call act as that member: objects it
 *       creates record the member as their creator ({@code user_id}), which {@code GET
 *       /v1/user/{id}} then names. (The guide's {@code /api/self/me} is not in the spec; list
 *       {@code /v1/user?email=...} and {@code /v1/organization} instead.)
 *   <li><b>Errors</b> are answered as the spec lists them, in {@code text/plain}, with an {@code
 *       x-bt-request-id} header; the AI proxy answers OpenAI's {@code {"error": {"message": ...,
 *       "type": ...}}}. 400: a malformed or invalid body or parameter, an unsupported query; 401:
 *       missing or wrong key; 403: impersonating a stranger; 404: an unknown id or path.
 * </ul>
 *
 * <h2>The SQL and BTQL it understands</h2>
 *
 * <p>{@code POST /btql} takes {@code {"query": ..., "fmt": "json"|"jsonl", "version": ...}}, where
 * the query is one of three forms of the same subset. Anything outside it is a 400 that says what
 * was not understood. Keywords and function names are case-insensitive.
 *
 * <pre>
 * SQL     := SELECT columns FROM source [WHERE expr] [LIMIT n] [OFFSET 'cursor'] [;]
 * BTQL    := clause (["|"] clause)*                -- any order, each at most once
 * clause  := "select:" columns | "measures:" columns | "from:" source [spans|traces]
 *          | "filter:" expr | "limit:" n | "cursor:" 'string'
 * columns := "*" | expr [AS name] ("," expr [AS name])*
 * source  := (experiment | dataset | project_logs) "(" 'id' ["," shape "=>" ('spans'|'traces')] ")"
 * expr    := expr OR expr | expr AND expr | NOT expr
 *          | sum "=" sum | sum ("!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum
 *          | sum IS [NOT] NULL | sum
 * sum     := term (("+" | "-") term)*      term := factor (("*" | "/") factor)*
 * factor  := ["-"] ( 'string' | number | TRUE | FALSE | NULL | path | "(" expr ")"
 *          | CASE WHEN expr THEN expr [WHEN expr THEN expr]* [ELSE expr] END
 *          | (count | sum | avg | min | max) "(" expr ")" | count "(" "*" ")" )
 * path    := name ("." name)*                name := word | "quoted name"
 * </pre>
 *
 * <ul>
 *   <li>A path reads a field of the row: {@code is_root}, {@code metadata.orgName}, {@code
 *       span_attributes.name}, {@code scores."response quality"}, {@code metrics.end}. A missing
 *       field is NULL; comparisons and arithmetic with NULL or across types are NULL; a filter
 *       keeps a row only when true.
 *   <li>The shape {@code spans} (the default) filters and limits rows; {@code traces} keeps every
 *       row of each trace in which some row matches, and limits traces.
 *   <li>A query whose columns hold an aggregate returns one row computed over all matching rows;
 *       every field must then sit inside an aggregate (no GROUP BY or dimensions). {@code sum} and
 *       {@code avg} count true as 1 and false as 0, so {@code sum(x IS NOT NULL)} counts.
 *   <li>A column is named by its alias, else its last path step, else its expression's text.
 *   <li>Rows come newest first ({@code _xact_id} descending). A page that is not empty carries a
 *       cursor, in the {@code x-bt-cursor} header and, for {@code fmt: json}, in {@code cursor};
 *       the next page is asked for with {@code cursor:} (BTQL text) or {@code "cursor"}
 *       (structured). An empty page means the end. SQL has no cursor clause.
 *   <li>Structured queries: {@code from} is {@code {"op": "function", "name": {"op": "ident",
 *       "name": ["dataset"]}, "args": [{"op": "literal", "value": "<id>"}], "shape": "traces"}};
 *       {@code select} a list of {@code {"op": "star"}} or {@code {"alias": ..., "expr": ...}};
 *       {@code measures} likewise; {@code filter}, {@code limit}, {@code cursor}. Expression nodes:
 *       {@code literal} (value), {@code ident} (name: list), {@code eq ne lt le gt ge add sub mul
 *       div} (left, right), {@code and or} (children, or left and right), {@code not isnull
 *       isnotnull} (expr), {@code function} (name: ident, args), or {@code {"btql": "<text
 *       expression>"}}.
 * </ul>
 */
public final class StandIn implements AutoCloseable {
  /** The name of the stand-in's one organization. */
  public static final String ORG_NAME = "stand-in-org";

  /** The email of the owner of the API key. */
  public static final String OWNER_EMAIL = "owner@stand-in.example";

  /** The emails of the other members, whom calls may impersonate. */
  public static final List<String> MEMBER_EMAILS =
      List.of("alice@stand-in.example", "bob@stand-in.example");

  /** The API key a stand-in accepts unless told otherwise. */
  public static final String DEFAULT_API_KEY = "sk-stand-in-local-key";

  private final HttpServer server;
  private final ExecutorService threads;
  private final String baseUrl;
  private final String apiKey;

  private StandIn(Builder b) throws IOException {
    // The JDK server leaves Nagle's algorithm on; small answers would then wait for delayed ACKs.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    baseUrl = "http://" + loopback.getHostAddress() + ":" + server.getAddress().getPort();
    apiKey = b.apiKey;
    XactClock clock = new XactClock();
    Directory directory = new Directory(baseUrl);
    ObjectStore objects = new ObjectStore(directory, clock);
    EventStore events = new EventStore(objects, clock);
    Router router = new Router(new Authenticator(apiKey, directory));
    new ObjectHandlers(objects).register(router);
    new EventHandlers(events).register(router);
    new SummaryHandlers(events, baseUrl).register(router);
    new BtqlHandler(new BtqlRunner(events)).register(router);
    new FunctionInvokeHandler(objects, b.pacing).register(router);
    new ChatCompletionsHandler(b.pacing).register(router);
    server.createContext("/", router);
    threads = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(threads);
    server.start();
  }

  /** Starts a stand-in with the defaults: {@link #DEFAULT_API_KEY}, no pause between events. */
  public static StandIn start() {
    return builder().start();
  }

  /** A builder for a stand-in with other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The URL to point a client at, like {@code http://127.0.0.1:54321}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The one API key this stand-in accepts. */
  public String apiKey() {
    return apiKey;
  }

  /** Stops the server at once; streams in progress are cut off. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "StandIn{" + baseUrl + "}";
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "bt4j-stand-in-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Settings of a {@link StandIn}. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private StreamPacing pacing = StreamPacing.none();

    private Builder() {}

    /** The one API key the stand-in accepts (default {@link #DEFAULT_API_KEY}). */
    public Builder apiKey(String apiKey) {
      if (Objects.requireNonNull(apiKey, "apiKey == null").isBlank()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** When each event of a streamed answer is sent (default: all at once). */
    public Builder streamPacing(StreamPacing pacing) {
      this.pacing = Objects.requireNonNull(pacing, "pacing == null");
      return this;
    }

    /** Starts the stand-in on a free port of 127.0.0.1. */
    public StandIn start() {
      try {
        return new StandIn(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the stand-in", e);
      }
    }
  }
}
