package io.github.bt4j.query;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.generated.api.BtqlApi;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.models.BtqlQueryRequest;
import io.github.bt4j.pagination.AutoPager;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.RowCursor;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A SQL, BTQL or structured query run through {@code POST /btql}, read page after page. Immutable:
 * every setter returns a new query. Nothing is sent until the rows are iterated.
 *
 * <pre>{@code
 * AutoPager<JsonObject> rows = client.queries()
 *     .sql("SELECT id, input, output FROM project_logs('" + projectId + "') WHERE scores.accuracy < 0.5")
 *     .maxRows(10_000)
 *     .rows();
 * for (JsonObject row : rows) { ... }
 * }</pre>
 *
 * <p><b>Paging.</b> The pager owns the query's cursor and limit: each page asks for {@link
 * #pageSize(int)} rows (or fewer, when fewer are still wanted) and carries the cursor of the
 * previous answer (its {@code x-bt-cursor} header, else {@code x-amz-meta-bt_cursor}, else the
 * body's {@code cursor}). A structured query gets {@code limit} and {@code cursor} fields, a BTQL
 * string {@code limit:} and {@code cursor:} clauses, a SQL string a trailing {@code LIMIT n OFFSET
 * '<cursor>'}. A limit written in the query itself is the total number of rows, not a page size:
 * {@code SELECT ... LIMIT 10} returns 10 rows, whatever the page size; in SQL, clauses inside
 * comments and string literals do not count. The walk ends on an empty page (whatever cursor it
 * carries), on a page without a cursor, or after {@link #maxRows(long)} rows.
 */
public final class BtqlQuery extends Settings<BtqlQuery> {
  /** Rows per request unless {@link #pageSize(int)} says otherwise. */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  private static final Set<String> OWNED_FIELDS = Set.of("query", "fmt");

  private final Transport transport;
  private final QueryShape shape;
  // Set only by with(), on a fresh clone, before the copy is handed out.
  private QueryFormat format = QueryFormat.JSONL;
  private int pageSize = DEFAULT_PAGE_SIZE;
  private long maxRows = -1;
  private JsonObject extraFields = new JsonObject();
  private RequestOptions options = RequestOptions.none();

  BtqlQuery(Transport transport, QueryShape shape) {
    this.transport = transport;
    this.shape = shape;
  }

  /**
   * The response format; {@link QueryFormat#JSONL} by default.
   *
   * @param format the format
   * @return a new query
   */
  public BtqlQuery format(QueryFormat format) {
    Validation.required(format, "format");
    return with(q -> q.format = format);
  }

  /**
   * How many rows each request asks for; {@value #DEFAULT_PAGE_SIZE} by default. Memory holds one
   * page of rows, so lower it for very large rows.
   *
   * @param pageSize rows per request, at least 1
   * @return a new query
   */
  public BtqlQuery pageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
    }
    return with(q -> q.pageSize = pageSize);
  }

  /**
   * The most rows to return over all pages; no limit by default, except one written in the query
   * itself. With both, the smaller wins.
   *
   * @param maxRows the total, at least 0
   * @return a new query
   */
  public BtqlQuery maxRows(long maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
    }
    return with(q -> q.maxRows = maxRows);
  }

  /**
   * Reads the objects as of a past transaction id ({@code version}), so that a long read sees one
   * consistent snapshot.
   *
   * @param version a {@code _xact_id}
   * @return a new query
   */
  public BtqlQuery version(String version) {
    return field("version", Validation.notBlank(version, "version"));
  }

  /**
   * Adds a field to every request, such as {@code tz_offset}, {@code use_brainstore} or {@code
   * audit_log}. {@code query} and {@code fmt} belong to this class.
   *
   * @param name the field's name
   * @param value the value, serialised with the client's Gson
   * @return a new query
   */
  public BtqlQuery field(String name, Object value) {
    Validation.notBlank(name, "name");
    if (OWNED_FIELDS.contains(name)) {
      throw new IllegalArgumentException(
          "the " + name + " field is set by the query itself; use format(...) for fmt");
    }
    JsonObject fields = extraFields.deepCopy();
    JsonElement json = transport.gson().toJsonTree(value);
    fields.add(name, json);
    return with(q -> q.extraFields = fields);
  }

  /**
   * Options applied to every request (timeout, retries, headers, impersonation).
   *
   * @param options the options
   * @return a new query
   */
  public BtqlQuery options(RequestOptions options) {
    Validation.required(options, "options");
    return with(q -> q.options = options);
  }

  /**
   * The rows as JSON objects.
   *
   * @return the rows, fetched lazily
   */
  public AutoPager<JsonObject> rows() {
    return rows(JsonObject.class);
  }

  /**
   * The rows read into your class with the client's Gson (JSON names as they come, so use
   * {@code @SerializedName} for snake_case columns).
   *
   * @param type the row class
   * @param <T> the row type
   * @return the rows, fetched lazily
   */
  public <T> AutoPager<T> rows(Class<T> type) {
    return rows((Type) type);
  }

  /**
   * The rows read into a generic type, such as {@code new TypeToken<Map<String, Object>>()
   * {}.getType()} for maps of column name to value. A cursor written in the query itself is where
   * the pager starts; {@link AutoPager#startingAt(String)} starts it elsewhere.
   *
   * @param type the row type
   * @param <T> the row type
   * @return the rows, fetched lazily
   */
  public <T> AutoPager<T> rows(Type type) {
    TypeAdapter<T> adapter = PageRows.adapter(transport.gson(), type);
    long own = shape.ownLimit();
    long total = own < 0 ? maxRows : maxRows < 0 ? own : Math.min(maxRows, own);
    return AutoPager.<T>of(() -> new Walk<>(total, adapter)).startingAt(shape.ownCursor());
  }

  /**
   * One walk through the pages of the query, each page's request built by the generated interface's
   * {@code btqlQuery} from its body, by the rules of the class documentation. Each page asks for at
   * most the rows still wanted.
   */
  private final class Walk<T> implements PageSource<T> {
    private final long maxRows;
    private final TypeAdapter<T> adapter;
    private long returned;

    /** A new walk; {@code maxRows} is negative for no limit. */
    Walk(long maxRows, TypeAdapter<T> adapter) {
      this.maxRows = maxRows;
      this.adapter = adapter;
    }

    private boolean wantsMore() {
      return maxRows < 0 || returned < maxRows;
    }

    @Override
    public RowCursor<T> open(String cursor) {
      if (!wantsMore()) {
        return RowCursor.of(List.of(), null);
      }
      int limit = maxRows < 0 ? pageSize : (int) Math.min(pageSize, maxRows - returned);
      BtqlQueryRequest body = new BtqlQueryRequest();
      extraFields.entrySet().forEach(field -> body._set(field.getKey(), field.getValue()));
      body._set("query", shape.page().apply(cursor, limit));
      body._set("fmt", new JsonPrimitive(format.wireName()));
      String rowsField = format == QueryFormat.JSON ? "data" : null;
      return new PageRows<>(
          transport,
          transport.api(BtqlApi.class).btqlQuery(body).request(),
          options,
          rowsField,
          adapter) {
        private final String headerCursor =
            Stream.of(header("x-bt-cursor"), header("x-amz-meta-bt_cursor"))
                .filter(value -> value != null && !value.isEmpty())
                .findFirst()
                .orElse(null);

        @Override
        protected boolean keep(JsonObject row) {
          returned++;
          return true;
        }

        @Override
        protected boolean wantsMore() {
          return Walk.this.wantsMore();
        }

        @Override
        public String announcedCursor() {
          return headerCursor;
        }

        @Override
        public String nextCursor() {
          if (!receivedRows() || !wantsMore()) {
            return null;
          }
          return headerCursor != null ? headerCursor : bodyCursor();
        }
      };
    }
  }

  @Override
  public String toString() {
    return "BtqlQuery{format="
        + format
        + ", pageSize="
        + pageSize
        + ", maxRows="
        + maxRows
        + ", fields="
        + extraFields.keySet()
        + "}";
  }
}
