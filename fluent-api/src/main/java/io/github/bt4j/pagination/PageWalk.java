package io.github.bt4j.pagination;

import io.github.bt4j.errors.PaginationException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks the pages of one source in order, following each page's cursor while one is given, and
 * refuses to follow a cursor it has followed before: after a page with rows that is a broken
 * contract (the same rows would come again), which ends the walk for good with a {@link
 * PaginationException}; after an empty page it is simply the end, since following it again could
 * only give the same nothing. A page that fails to arrive leaves the walk where it was, so it can
 * be asked for again.
 *
 * @param <T> the item type
 */
public final class PageWalk<T> {
  private final PageSource<T> source;
  // one cursor per page: a plain set (the compact id set is for millions of row ids)
  private final java.util.Set<String> followedCursors = new java.util.HashSet<>();
  private String cursor;
  private boolean done;
  private RuntimeException broken;

  /** Starts a walk at {@code startCursor} (null for the first page). */
  public PageWalk(PageSource<T> source, String startCursor) {
    this.source = source;
    this.cursor = startCursor;
    if (startCursor != null) {
      followedCursors.add(startCursor);
    }
  }

  /** Whether another page is to be fetched. */
  public boolean hasNextPage() {
    return !done;
  }

  /** The cursor of the page {@link #open()} fetches (null for the first page). */
  public String pendingCursor() {
    return cursor;
  }

  /**
   * Fetches the pending page and returns its rows; the walk moves past the page only with {@link
   * #advance(String)}, once its rows have been read.
   */
  @SuppressWarnings("unchecked")
  public RowCursor<T> open() {
    throwIfBroken();
    if (done) {
      throw new NoSuchElementException("the walk is over");
    }
    try {
      RowCursor<T> rows =
          source instanceof StreamingPageSource
              ? ((StreamingPageSource<T>) source).open(cursor)
              : RowCursor.of(source.fetch(cursor));
      String announced = rows.announcedCursor();
      if (repeats(announced) && rowsAhead(rows)) {
        check(announced);
      }
      return rows;
    } catch (PaginationException e) {
      throw fail(e);
    }
  }

  /**
   * Moves past the page last opened, whose rows have all been read and named {@code next}; {@code
   * receivedRows} says whether it carried any row.
   */
  public void advance(String next, boolean receivedRows) {
    if (!receivedRows && repeats(next)) {
      next = null;
    }
    check(next);
    if (next != null) {
      followedCursors.add(next);
    }
    cursor = next;
    done = next == null;
  }

  /** Throws the error that ended the walk, if one did. */
  public void throwIfBroken() {
    if (broken != null) {
      throw broken;
    }
  }

  /** Ends the walk: every later call throws {@code e}. */
  public RuntimeException fail(RuntimeException e) {
    broken = e;
    return e;
  }

  /** Fetches the next page whole and moves past it. */
  public Page<T> nextPage() {
    RowCursor<T> rows = open();
    List<T> items = new ArrayList<>();
    try {
      while (rows.hasNext()) {
        items.add(rows.next());
      }
    } catch (RuntimeException e) {
      throw fail(e);
    }
    advance(rows.nextCursor(), rows.receivedRows());
    return Page.of(items, cursor, rows.pageFields());
  }

  private boolean repeats(String next) {
    return next != null && (next.equals(cursor) || followedCursors.contains(next));
  }

  /** Whether a page whose rows are not read yet has any (the check reads at most one row). */
  private boolean rowsAhead(RowCursor<T> rows) {
    try {
      return rows.hasNext();
    } catch (RuntimeException e) {
      throw fail(e);
    }
  }

  private void check(String next) {
    if (repeats(next)) {
      throw fail(
          new PaginationException(
              "the server returned a cursor this walk has already followed ("
                  + next
                  + "); stopping instead of reading the same pages again",
              cursor));
    }
  }
}
