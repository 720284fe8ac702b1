package io.github.bt4j.pagination;

import java.util.ArrayList;
import java.util.List;

/**
 * A page source whose pages can be read row by row, so that a walk holds the page's bytes rather
 * than all its parsed rows.
 *
 * @param <T> the row type
 */
public interface StreamingPageSource<T> extends PageSource<T> {
  /**
   * Fetches one page and returns its rows, to be read in order. If this throws, the walk's state is
   * as before; once it returns, the response is closed.
   *
   * @param cursor the page's cursor, or null for the first page
   * @return the rows
   */
  RowCursor<T> open(String cursor);

  @Override
  default Page<T> fetch(String cursor) {
    RowCursor<T> rows = open(cursor);
    List<T> items = new ArrayList<>();
    while (rows.hasNext()) {
      items.add(rows.next());
    }
    return Page.of(items, rows.nextCursor(), rows.pageFields());
  }
}
