package io.github.bt4j.query.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.RequestOptions;
import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.pagination.Page;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.internal.PageFingerprints;
import io.github.bt4j.pagination.internal.PageResponses;
import io.github.bt4j.pagination.internal.SeenIds;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One walk through the events of an experiment, a dataset or a project's logs, by the POST form of
 * their {@code fetch} endpoint (the form that takes a {@code cursor}). The walk ends on an empty
 * page or on a page without a cursor. With de-duplication on, a row whose {@code id} was returned
 * before is skipped: pages come newest {@code _xact_id} first, so the row kept is the newest
 * version. A page identical to an earlier one ends the walk with a {@link PaginationException}.
 *
 * @param <T> the row type
 */
public final class EventPageSource<T> implements PageSource<T> {
  /** What every walk of one fetch shares. */
  public record Spec(
      Transport transport,
      Request template,
      RequestOptions options,
      Integer tracesPerPage,
      String version,
      String maxXactId,
      String maxRootSpanId,
      JsonArray filters,
      boolean deduplicate) {}

  private final Spec spec;
  private final RowMapper<T> mapper;
  private final SeenIds seenIds;
  private final PageFingerprints pages = new PageFingerprints();

  /** A new walk. */
  public EventPageSource(Spec spec, RowMapper<T> mapper) {
    this.spec = spec;
    this.mapper = mapper;
    this.seenIds = spec.deduplicate() ? new SeenIds() : null;
  }

  @Override
  public Page<T> fetch(String cursor) {
    Request request =
        spec.template()
            .newBuilder()
            .post(
                RequestBody.create(
                    spec.transport().gson().toJson(body(cursor)), BtqlPageSource.JSON))
            .build();
    PageResponses.RowsAndCursor page =
        PageResponses.readEnvelope(
            spec.transport(), request, spec.options(), "events", response -> {});
    List<JsonObject> rows = page.rows();
    if (rows.isEmpty()) {
      return Page.last(List.of());
    }
    PageFingerprints.Fingerprint fingerprint = PageFingerprints.of(rows);
    if (pages.contains(fingerprint)) {
      throw new PaginationException(
          "the server returned the same page of events twice; it is not honouring the fetch"
              + " cursor. Read large objects with a /btql query instead",
          cursor);
    }
    List<T> mapped = mapper.map(rows, request);
    // Only now, with the whole page read and mapped, does the walk's memory change: a page that
    // failed can be fetched again as if it had never been seen.
    pages.add(fingerprint);
    if (seenIds == null) {
      return Page.of(mapped, page.bodyCursor());
    }
    List<T> items = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      if (isNew(rows.get(i))) {
        items.add(mapped.get(i));
      }
    }
    return Page.of(items, page.bodyCursor());
  }

  private boolean isNew(JsonObject row) {
    JsonElement id = row.get("id");
    if (id == null || !id.isJsonPrimitive()) {
      return true;
    }
    return seenIds.add(id.getAsString());
  }

  private JsonObject body(String cursor) {
    JsonObject body = new JsonObject();
    if (spec.tracesPerPage() != null) {
      body.addProperty("limit", spec.tracesPerPage());
    }
    if (cursor != null) {
      body.addProperty("cursor", cursor);
    } else {
      // The deprecated hand-made cursor only places the first page; the server's cursor follows.
      if (spec.maxXactId() != null) {
        body.addProperty("max_xact_id", spec.maxXactId());
      }
      if (spec.maxRootSpanId() != null) {
        body.addProperty("max_root_span_id", spec.maxRootSpanId());
      }
    }
    if (spec.version() != null) {
      body.addProperty("version", spec.version());
    }
    if (spec.filters() != null) {
      body.add("filters", spec.filters().deepCopy());
    }
    return body;
  }
}
