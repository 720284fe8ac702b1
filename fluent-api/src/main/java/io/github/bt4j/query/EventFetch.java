package io.github.bt4j.query;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.models.FetchEventsRequest;
import io.github.bt4j.pagination.AutoPager;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.RowCursor;
import io.github.bt4j.pagination.internal.SeenIds;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every event of an experiment, a dataset or a project's logs, read through the object's {@code
 * fetch} endpoint (its POST form, which carries the server's {@code cursor} from page to page).
 * Immutable: every setter returns a new fetch. Nothing is sent until the events are iterated.
 *
 * <pre>{@code
 * for (ProjectLogsEvent e : client.queries().fetchProjectLogs(projectId)
 *     .version(snapshotXactId)
 *     .events(ProjectLogsEvent.class)) { ... }
 * }</pre>
 *
 * <p><b>Duplicates.</b> The fetch endpoints page over the whole version history of the object, from
 * the latest {@code _xact_id} to the earliest, so a later page may hold an older version of a row
 * returned before. By default each {@code id} is returned once, the first time it appears, which is
 * its newest version: within the walk, a row is skipped if a row with the same {@code id} came
 * earlier, whatever its {@code _xact_id} (an earlier page, or earlier in the same page). Rows
 * without an {@code id} are all returned. {@link #deduplicate(boolean) deduplicate(false)} returns
 * every row as the server sends it, older versions included. A walk started at a cursor ({@link
 * AutoPager#startingAt(String)}, with a {@link
 * io.github.bt4j.pagination.PageIterator#resumeCursor()}) does not know the ids an earlier walk
 * returned, so older versions of them may come again; keep using the same iterator after an error
 * to avoid that. The ids are remembered in about 9 to 12 bytes each (hashes of the id: two distinct
 * ids among a million are taken for one, and the later row skipped, with a chance of about 10^-11),
 * so a million rows de-duplicate in a 64 MB heap.
 *
 * <p><b>Pages.</b> {@link #tracesPerPage(int)} is the request's {@code limit}: it counts traces, so
 * a page may hold more rows. The walk follows the cursor while a page gives one, even a page with
 * no rows (a page of traces can match none), and ends on a page without a cursor, or on an empty
 * page whose cursor it has followed before; it does not stop on a short page, since the server may
 * return fewer events than asked for (it sends at most 1000 per request). A server that ignores the
 * cursor and sends, after rows, a cursor or a page it sent before ends the walk with a {@link
 * io.github.bt4j.errors.PaginationException}, never a loop. Some deployments answer fetch with no
 * cursor at all, which ends the walk after one page: for reads that may exceed 1000 events, or that
 * need filters, prefer a {@link BtqlQuery}.
 *
 * <p><b>Consistency.</b> Rows written while the walk runs may or may not appear. {@link
 * #version(String)} pins the snapshot of a past transaction, so a long read is consistent and can
 * be repeated.
 */
public final class EventFetch extends Settings<EventFetch> {
  /** Traces per request unless {@link #tracesPerPage(int)} says otherwise. */
  public static final int DEFAULT_TRACES_PER_PAGE = 1000;

  private final Transport transport;
  private final Function<FetchEventsRequest, retrofit2.Call<?>> operation;
  // Set only by with(), on a fresh clone, before the copy is handed out.
  private int tracesPerPage = DEFAULT_TRACES_PER_PAGE;
  private String version;
  private JsonArray filters;
  private boolean deduplicate = true;
  private RequestOptions options = RequestOptions.none();

  /** A fetch through {@code operation}, the store's fetch operation of the generated interface. */
  EventFetch(Transport transport, Function<FetchEventsRequest, retrofit2.Call<?>> operation) {
    this.transport = transport;
    this.operation = operation;
  }

  /**
   * How many traces each request asks for ({@code limit}); {@value #DEFAULT_TRACES_PER_PAGE} by
   * default. A trace is a root span and its children, so a page may hold more rows. Memory holds
   * one page of rows, so lower it for large traces.
   *
   * @param traces traces per request, at least 1
   * @return a new fetch
   */
  public EventFetch tracesPerPage(int traces) {
    if (traces < 1) {
      throw new IllegalArgumentException("tracesPerPage must be at least 1, got " + traces);
    }
    return with(c -> c.tracesPerPage = traces);
  }

  /**
   * Reads the snapshot as of a past transaction id ({@code version}): a {@code _xact_id} returned
   * by an earlier read. Unset, the walk reads the latest data.
   *
   * @param version a {@code _xact_id}
   * @return a new fetch
   */
  public EventFetch version(String version) {
    return with(c -> c.version = Validation.notBlank(version, "version"));
  }

  /**
   * Path-lookup filters ({@code filters}, deprecated by the API in favour of {@code /btql}), sent
   * with every page, e.g. {@code [{"type":"path_lookup","path":["metadata","user"],"value":"u1"}]}.
   *
   * @param filters the filters
   * @return a new fetch
   */
  public EventFetch filters(JsonArray filters) {
    return with(c -> c.filters = Validation.required(filters, "filters").deepCopy());
  }

  /**
   * Whether each {@code id} is returned once, its newest version (true, the default), or every row
   * is returned as sent (false). See the class documentation for the exact rule.
   *
   * @param deduplicate whether to skip older versions of rows already returned
   * @return a new fetch
   */
  public EventFetch deduplicate(boolean deduplicate) {
    return with(c -> c.deduplicate = deduplicate);
  }

  /**
   * Options applied to every request (timeout, retries, headers, impersonation).
   *
   * @param options the options
   * @return a new fetch
   */
  public EventFetch options(RequestOptions options) {
    return with(c -> c.options = Validation.required(options, "options"));
  }

  /**
   * The events as JSON objects.
   *
   * @return the events, fetched lazily
   */
  public AutoPager<JsonObject> events() {
    return events(JsonObject.class);
  }

  /**
   * The events read into a class, such as the generated {@code ProjectLogsEvent}, {@code
   * ExperimentEvent} or {@code DatasetEvent}.
   *
   * @param type the event class
   * @param <T> the event type
   * @return the events, fetched lazily
   */
  public <T> AutoPager<T> events(Class<T> type) {
    return events((Type) type);
  }

  /**
   * The events read into a generic type.
   *
   * @param type the event type
   * @param <T> the event type
   * @return the events, fetched lazily
   */
  public <T> AutoPager<T> events(Type type) {
    TypeAdapter<T> adapter = PageRows.adapter(transport.gson(), type);
    return AutoPager.of(() -> new Walk<>(adapter));
  }

  /**
   * One walk through the events, by the POST form of the {@code fetch} endpoint (the form that
   * takes a {@code cursor}), following the rules of the class documentation. A page identical to an
   * earlier one ends the walk with a {@link PaginationException} once it has been read: pages are
   * told apart by a 64-bit hash of their sequence of ({@code id}, {@code _xact_id}) pairs, and
   * since a version of a row belongs to one place in the version history, the same sequence twice
   * means the server sent the same page again.
   */
  private final class Walk<T> implements PageSource<T> {
    private final TypeAdapter<T> adapter;
    private final SeenIds seenIds = deduplicate ? new SeenIds() : null;
    private final SeenIds pages = new SeenIds();

    Walk(TypeAdapter<T> adapter) {
      this.adapter = adapter;
    }

    @Override
    public RowCursor<T> open(String cursor) {
      return new PageRows<>(
          transport, operation.apply(body(cursor)).request(), options, "events", adapter) {
        private long fingerprint;

        @Override
        protected boolean keep(JsonObject row) {
          JsonElement id = row.get("id");
          fingerprint =
              mix(mix(fingerprint, Objects.hashCode(id)), Objects.hashCode(row.get("_xact_id")));
          return seenIds == null
              || id == null
              || !id.isJsonPrimitive()
              || seenIds.add(id.getAsString());
        }

        @Override
        protected void finish() {
          // An empty page may still carry a cursor (the server pages by traces, and a page can
          // match none): it is followed; the walk ends it if it was followed before.
          if (receivedRows() && !pages.add(Long.toString(fingerprint))) {
            throw new PaginationException(
                "the server returned the same page of events twice; it is not honouring the fetch"
                    + " cursor. Read large objects with a /btql query instead",
                cursor);
          }
        }

        @Override
        public String nextCursor() {
          return bodyCursor();
        }
      };
    }
  }

  /**
   * One step of a page's fingerprint: the hash of the row's id or {@code _xact_id} (a JSON string's
   * is its text's) mixed into the hash of the rows before it, in order.
   */
  private static long mix(long fingerprint, int hash) {
    long h = (fingerprint ^ hash) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /** The request body of the page at {@code cursor} (null for the first page). */
  private FetchEventsRequest body(String cursor) {
    FetchEventsRequest body = new FetchEventsRequest().limit(tracesPerPage);
    if (cursor != null) {
      body.cursor(cursor);
    }
    if (version != null) {
      body.version(version);
    }
    if (filters != null) {
      body._set("filters", filters);
    }
    return body;
  }

  @Override
  public String toString() {
    return "EventFetch{url="
        + operation.apply(new FetchEventsRequest()).request().url()
        + ", tracesPerPage="
        + tracesPerPage
        + ", deduplicate="
        + deduplicate
        + "}";
  }
}
