package io.github.bt4j.testing;

import com.google.gson.JsonObject;
import io.github.bt4j.testing.internal.FakeServer;
import java.util.List;

/**
 * A fake Braintrust API for tests: an HTTP server on 127.0.0.1 (a free port) that keeps everything
 * in memory, so that what a program creates, logs or asks it can read back, and a test can then
 * check what arrived. It is not a Braintrust server: it serves the operations below, follows the
 * spec where the spec says how, and answers anything else with 404. It depends only on the JDK and
 * Gson, so it works with any client; with JUnit 5, {@link FakeBraintrustExtension} starts one per
 * test class and resets it before each test.
 *
 * <pre>{@code
 * try (FakeBraintrust braintrust = FakeBraintrust.start()) {
 *   BraintrustClient client =
 *       BraintrustClient.builder().apiKey(braintrust.apiKey()).baseUrl(braintrust.baseUrl()).build();
 *   ... // the code under test logs through client
 *   assertEquals(1, braintrust.projectLogs(projectId).size());
 * }
 * }</pre>
 *
 * <h2>What a test can inspect</h2>
 *
 * <ul>
 *   <li>{@link #requests()}: every request received (method, path, query, headers, body), also
 *       those it refused;
 *   <li>{@link #queries()}: every SQL or BTQL query sent to {@code POST /btql};
 *   <li>{@link #projectLogs}, {@link #experimentEvents}, {@link #datasetEvents}: the current rows
 *       of one object's events, after merges and deletes, as a fetch would return them;
 *   <li>{@link #objects(ObjectType)}: the projects, experiments, datasets... it holds.
 * </ul>
 *
 * <p>{@link #reset()} forgets all of it (the organization and its members stay). A fake is
 * thread-safe: calls may come from any number of threads.
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
 *       fake was started with ({@link #apiKey()}), else 401. {@code x-bt-impersonate-user} (a
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
public final class FakeBraintrust implements AutoCloseable {
  /** The name of the fake's one organization. */
  public static final String ORG_NAME = FakeServer.ORG_NAME;

  /** The email of the owner of the API key: whom a call acts as unless it impersonates. */
  public static final String OWNER_EMAIL = FakeServer.OWNER_EMAIL;

  /** The emails of the other members of the organization, whom calls may impersonate. */
  public static final List<String> MEMBER_EMAILS = FakeServer.MEMBER_EMAILS;

  /** The API key a fake accepts unless told otherwise. */
  public static final String DEFAULT_API_KEY = FakeServer.DEFAULT_API_KEY;

  private final FakeServer server;

  private FakeBraintrust(FakeServer server) {
    this.server = server;
  }

  /**
   * Starts a fake with the defaults: it accepts {@link #DEFAULT_API_KEY} and streams without
   * pauses.
   *
   * @throws java.io.UncheckedIOException if no port can be opened
   */
  public static FakeBraintrust start() {
    return builder().start();
  }

  /** A builder for a fake with other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The URL to point a client at, like {@code http://127.0.0.1:54321}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The one API key this fake accepts. */
  public String apiKey() {
    return server.apiKey();
  }

  /**
   * Every request received since the start or the last {@link #reset()}, in the order they came,
   * including those answered with an error.
   */
  public List<RecordedRequest> requests() {
    return server.requests().stream().map(RecordedRequest::new).toList();
  }

  /**
   * The queries received on {@code POST /btql} since the start or the last {@link #reset()}, in
   * order: the SQL or BTQL text as sent, a structured query as compact JSON. Queries the fake could
   * not run are included.
   */
  public List<String> queries() {
    return server.queries();
  }

  /**
   * The current rows of the logs of project {@code projectId}, in the order they were first logged:
   * each row as a fetch returns it, after merges, with deleted rows left out. The rows are copies.
   *
   * @throws IllegalArgumentException if the fake holds no project {@code projectId}
   */
  public List<JsonObject> projectLogs(String projectId) {
    return server.events("project_logs", projectId, "projectId");
  }

  /**
   * The current rows of experiment {@code experimentId}, as {@link #projectLogs} gives a project's.
   *
   * @throws IllegalArgumentException if the fake holds no experiment {@code experimentId}
   */
  public List<JsonObject> experimentEvents(String experimentId) {
    return server.events("experiment", experimentId, "experimentId");
  }

  /**
   * The current records of dataset {@code datasetId}, as {@link #projectLogs} gives a project's.
   *
   * @throws IllegalArgumentException if the fake holds no dataset {@code datasetId}
   */
  public List<JsonObject> datasetEvents(String datasetId) {
    return server.events("dataset", datasetId, "datasetId");
  }

  /**
   * Copies of the live (not deleted) objects of {@code type}, oldest first, as a get returns them.
   * Users, the organization and the built-in roles are always there.
   */
  public List<JsonObject> objects(ObjectType type) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    return server.objects(type.apiName());
  }

  /**
   * Forgets every object, event, request and query, as if the fake had just started; the base URL,
   * the API key, the organization and its members stay. A request in progress finishes against the
   * state it began with.
   */
  public void reset() {
    server.reset();
  }

  /** Stops the fake at once; streams in progress are cut off. Closing it again does nothing. */
  @Override
  public void close() {
    server.close();
  }

  /** The base URL only; never the API key. */
  @Override
  public String toString() {
    return "FakeBraintrust{" + server.baseUrl() + "}";
  }

  /** Settings of a {@link FakeBraintrust}; each {@link #start()} starts a new fake with them. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private StreamPacing pacing = StreamPacing.none();

    private Builder() {}

    /**
     * The one API key the fake accepts (default {@link #DEFAULT_API_KEY}).
     *
     * @throws IllegalArgumentException if {@code apiKey} is null or blank
     */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be null or blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * When each event of a streamed answer is sent (default: all at once).
     *
     * @throws IllegalArgumentException if {@code pacing} is null
     */
    public Builder streamPacing(StreamPacing pacing) {
      if (pacing == null) {
        throw new IllegalArgumentException("pacing must not be null");
      }
      this.pacing = pacing;
      return this;
    }

    /**
     * Starts a fake with these settings on a free port of 127.0.0.1.
     *
     * @throws java.io.UncheckedIOException if no port can be opened
     */
    public FakeBraintrust start() {
      return new FakeBraintrust(FakeServer.start(apiKey, pacing::beforeEvent));
    }
  }
}
