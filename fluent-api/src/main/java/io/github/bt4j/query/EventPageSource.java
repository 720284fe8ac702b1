package io.github.bt4j.query;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.models.FetchEventsRequest;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.RowCursor;
import io.github.bt4j.pagination.internal.SeenIds;
import okhttp3.Request;

/**
 * One walk through the events of an experiment, a dataset or a project's logs, by the POST form of
 * their {@code fetch} endpoint (the form that takes a {@code cursor}). The walk follows the cursor
 * while a page gives one, empty pages included, and ends on a page without a cursor (or, for an
 * empty page, with a cursor the walk has already followed). With de-duplication on, a row whose
 * {@code id} was returned before is skipped: pages come newest {@code _xact_id} first, so the row
 * kept is the newest version. A page identical to an earlier one ends the walk with a {@link
 * PaginationException} once it has been read: pages are told apart by a hash of their sequence of
 * ({@code id}, {@code _xact_id}) pairs, and since a version of a row belongs to one place in the
 * version history, the same sequence twice means the server sent the same page again.
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
    StringBuilder pairs = new StringBuilder();
    return new PageRows<>(spec.transport, request, spec.options, "events", adapter) {
      @Override
      protected boolean keep(JsonObject row) {
        pairs.append(text(row.get("id"))).append('\u0001');
        pairs.append(text(row.get("_xact_id"))).append('\u0002');
        return seenIds == null || isNew(row);
      }

      @Override
      protected void finish() {
        // An empty page may still carry a cursor (the server pages by traces, and a page can match
        // none): it is followed; the walk ends it if it was followed before.
        if (receivedRows() && !pages.add(pairs)) {
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

  private boolean isNew(JsonObject row) {
    JsonElement id = row.get("id");
    if (id == null || !id.isJsonPrimitive()) {
      return true;
    }
    return seenIds.add(id.getAsString());
  }

  private static String text(JsonElement e) {
    return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
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
