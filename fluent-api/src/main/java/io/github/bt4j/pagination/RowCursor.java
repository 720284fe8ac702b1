package io.github.bt4j.pagination;

import com.google.gson.JsonObject;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one page, read one at a time. The page's status and headers have been received; its
 * body may still be arriving, read into memory by a thread of the client that closes the response
 * at the body's end, so a caller may stop at any row without closing anything. Rows are parsed as
 * they are asked for, so each one can be garbage as soon as the caller is done with it. A body that
 * breaks off is a {@link io.github.bt4j.errors.ConnectionException} from {@link #hasNext()}.
 *
 * @param <T> the row type
 */
public interface RowCursor<T> extends Iterator<T> {
  /**
   * The next page's cursor as the response announced it before its rows (a header), for checking
   * early; null if the response announces none (the default).
   */
  default String announcedCursor() {
    return null;
  }

  /** The next page's cursor, or null if this page is the last; final once hasNext() is false. */
  String nextCursor();

  /**
   * The fields the page's answer carried beside its rows (a BTQL JSON page's {@code schema}, {@code
   * warnings}, freshness state); final once hasNext() is false. None by default.
   */
  default JsonObject pageFields() {
    return new JsonObject();
  }

  /**
   * Whether the page carried any row, counting rows a de-duplicating source skipped; final once
   * hasNext() is false.
   */
  boolean receivedRows();

  /** The rows of a page that is already in memory, followed by the page at {@code next}. */
  static <T> RowCursor<T> of(List<T> items, String next) {
    Iterator<T> it = items.iterator();
    return new RowCursor<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public String announcedCursor() {
        return next;
      }

      @Override
      public String nextCursor() {
        return next;
      }

      @Override
      public boolean receivedRows() {
        return !items.isEmpty();
      }
    };
  }
}
