package io.github.bt4j.query;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.models.FetchEventsRequest;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.RowCursor;
import io.github.bt4j.pagination.internal.SeenIds;
import java.util.Objects;
import okhttp3.Request;

/**
 * One walk through the events of an experiment, a dataset or a project's logs, by the POST form of
 * their {@code fetch} endpoint (the form that takes a {@code cursor}). The walk follows the cursor
 * while a page gives one, empty pages included, and ends on a page without a cursor (or, for an
 * empty page, with a cursor the walk has already followed). With de-duplication on, a row whose
 * {@code id} was returned before is skipped: pages come newest {@code _xact_id} first, so the row
 * kept is the newest version. A page identical to an earlier one ends the walk with a {@link
 * PaginationException} once it has been read: pages are told apart by a 64-bit hash of their
 * sequence of ({@code id}, {@code _xact_id}) pairs, and since a version of a row belongs to one
 * place in the version history, the same sequence twice means the server sent the same page again.
 *
 * @param <T> the row type
 */
final class EventPageSource<T> implements PageSource<T> {
  private final EventFetch spec;
  private final TypeAdapter<T> adapter;
  private final SeenIds seenIds;
  private final SeenIds pages = new SeenIds();

  /** A new walk of {@code spec}. */
  EventPageSource(EventFetch spec, TypeAdapter<T> adapter) {
    this.spec = spec;
    this.adapter = adapter;
    this.seenIds = spec.deduplicate ? new SeenIds() : null;
  }

  @Override
  public RowCursor<T> open(String cursor) {
    Request request = spec.operation.apply(body(cursor)).request();
    return new PageRows<>(spec.transport, request, spec.options, "events", adapter) {
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
        // An empty page may still carry a cursor (the server pages by traces, and a page can match
        // none): it is followed; the walk ends it if it was followed before.
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

  /**
   * One step of a page's fingerprint: the hash of the row's id or {@code _xact_id} (a JSON string's
   * is its text's) mixed into the hash of the rows before it, in order.
   */
  private static long mix(long fingerprint, int hash) {
    long h = (fingerprint ^ hash) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private FetchEventsRequest body(String cursor) {
    FetchEventsRequest body = new FetchEventsRequest();
    body.limit(spec.tracesPerPage);
    if (cursor != null) {
      body.cursor(cursor);
    } else {
      // The deprecated hand-made cursor only places the first page; the server's cursor follows.
      if (spec.maxXactId != null) {
        body.maxXactId(spec.maxXactId);
      }
      if (spec.maxRootSpanId != null) {
        body.maxRootSpanId(spec.maxRootSpanId);
      }
    }
    if (spec.version != null) {
      body.version(spec.version);
    }
    if (spec.filters != null) {
      body._set("filters", spec.filters.deepCopy());
    }
    return body;
  }
}
