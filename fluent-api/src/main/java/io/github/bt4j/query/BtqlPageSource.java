package io.github.bt4j.query;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import io.github.bt4j.generated.api.BtqlApi;
import io.github.bt4j.models.BtqlQueryRequest;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.RowCursor;
import java.util.List;
import okhttp3.Request;

/**
 * One walk through the pages of a {@code /btql} query, each page's request built by the generated
 * interface's {@code btqlQuery} from its body. The next page's cursor is read from the {@code
 * x-bt-cursor} response header, else {@code x-amz-meta-bt_cursor}, else the body's {@code cursor}
 * field; the walk ends on an empty page, on a page without a cursor, or when it has returned {@code
 * maxRows} rows. Each page asks for at most the rows still wanted.
 *
 * @param <T> the row type
 */
final class BtqlPageSource<T> implements PageSource<T> {
  private final BtqlQuery spec;
  private final long maxRows;
  private final TypeAdapter<T> adapter;
  private long returned;

  /** A new walk of {@code spec}; {@code maxRows} is negative for no limit. */
  BtqlPageSource(BtqlQuery spec, long maxRows, TypeAdapter<T> adapter) {
    this.spec = spec;
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
    int limit = maxRows < 0 ? spec.pageSize : (int) Math.min(spec.pageSize, maxRows - returned);
    BtqlQueryRequest body = new BtqlQueryRequest();
    spec.extraFields.entrySet().forEach(field -> body._set(field.getKey(), field.getValue()));
    body._set("query", spec.shape.page(cursor, limit));
    body._set("fmt", new JsonPrimitive(spec.format.wireName()));
    Request request = spec.transport.api(BtqlApi.class).btqlQuery(body).request();
    String rowsField = spec.format == QueryFormat.JSON ? "data" : null;
    return new PageRows<>(spec.transport, request, spec.options, rowsField, adapter) {
      private final String headerCursor =
          nonEmpty(header("x-bt-cursor"), header("x-amz-meta-bt_cursor"));

      @Override
      protected boolean keep(JsonObject row) {
        returned++;
        return true;
      }

      @Override
      protected boolean wantsMore() {
        return BtqlPageSource.this.wantsMore();
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

  /** The first of the header values that is not empty, or null. */
  private static String nonEmpty(String cursor, String fallback) {
    return cursor != null && !cursor.isEmpty()
        ? cursor
        : fallback == null || fallback.isEmpty() ? null : fallback;
  }
}
