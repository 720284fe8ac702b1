package io.github.bt4j.query.internal;

import com.google.gson.JsonObject;
import io.github.bt4j.RequestOptions;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.pagination.Page;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.internal.PageResponses;
import io.github.bt4j.query.QueryFormat;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One walk through the pages of a {@code /btql} query. The next page's cursor is read from the
 * {@code x-bt-cursor} response header, else {@code x-amz-meta-bt_cursor}, else the body's {@code
 * cursor} field; the walk ends on an empty page, on a page without a cursor, or when it has
 * returned {@code maxRows} rows. Each page asks for at most the rows still wanted.
 *
 * @param <T> the row type
 */
public final class BtqlPageSource<T> implements PageSource<T> {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** What every walk of one query shares. */
  public record Spec(
      Transport transport,
      Request template,
      RequestOptions options,
      QueryShape shape,
      QueryFormat format,
      JsonObject extraFields,
      int pageSize,
      long maxRows) {}

  private final Spec spec;
  private final RowMapper<T> mapper;
  private long returned;

  /** A new walk; {@code spec.maxRows()} is negative for no limit. */
  public BtqlPageSource(Spec spec, RowMapper<T> mapper) {
    this.spec = spec;
    this.mapper = mapper;
  }

  @Override
  public Page<T> fetch(String cursor) {
    long remaining = spec.maxRows() < 0 ? Long.MAX_VALUE : spec.maxRows() - returned;
    if (remaining <= 0) {
      return Page.last(List.of());
    }
    int limit = (int) Math.min(spec.pageSize(), remaining);
    JsonObject body = spec.extraFields().deepCopy();
    body.add("query", spec.shape().page(cursor, limit));
    body.addProperty("fmt", spec.format().wireName());
    Request request =
        spec.template()
            .newBuilder()
            .post(RequestBody.create(spec.transport().gson().toJson(body), JSON))
            .build();
    String[] headerCursor = new String[1];
    PageResponses.HeaderReader headers = response -> headerCursor[0] = cursorHeader(response);
    List<JsonObject> rows;
    String bodyCursor = null;
    if (spec.format() == QueryFormat.JSONL) {
      rows = PageResponses.readJsonLines(spec.transport(), request, spec.options(), headers);
    } else {
      PageResponses.RowsAndCursor page =
          PageResponses.readEnvelope(spec.transport(), request, spec.options(), "data", headers);
      rows = page.rows();
      bodyCursor = page.bodyCursor();
    }
    if (rows.size() > remaining) {
      rows = rows.subList(0, (int) remaining);
    }
    List<T> items = mapper.map(rows, request);
    returned += items.size();
    String next = headerCursor[0] != null ? headerCursor[0] : bodyCursor;
    boolean last = items.isEmpty() || (spec.maxRows() >= 0 && returned >= spec.maxRows());
    return Page.of(items, last ? null : next);
  }

  private static String cursorHeader(Response response) {
    String cursor = response.header("x-bt-cursor");
    if (cursor == null || cursor.isEmpty()) {
      cursor = response.header("x-amz-meta-bt_cursor");
    }
    return cursor == null || cursor.isEmpty() ? null : cursor;
  }
}
