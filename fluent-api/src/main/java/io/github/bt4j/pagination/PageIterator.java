package io.github.bt4j.pagination;

import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.PaginationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Iterates the items of one walk, fetching each page when the previous one is used up.
 *
 * <p>A page that fails to arrive (a typed exception of {@code io.github.bt4j.errors}, thrown by
 * {@link #hasNext()} or {@link #next()} after the client's retries for that page) leaves the
 * iterator usable: calling {@code hasNext()} again asks for the same page again, and the walk keeps
 * what it remembers (such as the ids already returned). So does a page whose body breaks off (a
 * {@link io.github.bt4j.errors.ConnectionException}) after some of its items were returned: they
 * come again, unless the walk skips them (a fetch with de-duplication does). A page that arrived
 * but cannot be read (a malformed row, a row that does not fit the requested class) or that breaks
 * the paging contract ({@link io.github.bt4j.errors.PaginationException}) ends the walk: every
 * later call throws the same exception. To continue in another process or later, save {@link
 * #resumeCursor()} and pass it to {@link AutoPager#startingAt(String)}.
 *
 * <p>Not thread-safe: use one iterator per thread.
 *
 * <p>The walk follows each page's cursor while one is given, skipping empty pages in the middle,
 * and refuses to follow a cursor it has followed before: after a page with rows that is a broken
 * contract (the same rows would come again), which ends the walk with a {@link
 * PaginationException}; after an empty page it is simply the end, since following it again could
 * only give the same nothing.
 *
 * @param <T> the item type
 */
public final class PageIterator<T> implements Iterator<T> {
  private final PageSource<T> source;
  // one cursor per page: a plain set (the compact id set is for millions of row ids)
  private final Set<String> followedCursors = new HashSet<>();
  private String cursor;
  private boolean done;
  private RuntimeException broken;
  // The page whose items are being handed out, and where it started.
  private RowCursor<T> rows;
  private String pageCursor;
  private boolean pageStarted;
  private T lastReturned; // null before the first item (or if it was null: no cursor after it)

  /** Starts a walk at {@code startCursor} (null for the first page). */
  PageIterator(PageSource<T> source, String startCursor) {
    this.source = source;
    this.cursor = startCursor;
    followedCursors.add(startCursor); // null, the first page, is never looked up
  }

  /** Whether another page is to be fetched. */
  boolean hasNextPage() {
    return !done;
  }

  /**
   * Fetches the pending page and returns its rows; the walk moves past the page only with {@link
   * #advance(String, boolean)}, once its rows have been read.
   */
  private RowCursor<T> open() {
    throwIfBroken();
    if (done) {
      throw new NoSuchElementException("the walk is over");
    }
    try {
      RowCursor<T> opened = source.open(cursor);
      String announced = opened.announcedCursor();
      if (repeats(announced) && rowsAhead(opened)) {
        check(announced);
      }
      return opened;
    } catch (PaginationException e) {
      throw fail(e);
    }
  }

  /**
   * Moves past the page last opened, whose rows have all been read and named {@code next}; {@code
   * receivedRows} says whether it carried any row.
   */
  private void advance(String next, boolean receivedRows) {
    if (!receivedRows && repeats(next)) {
      next = null;
    }
    check(next);
    followedCursors.add(next);
    cursor = next;
    done = next == null;
  }

  private void throwIfBroken() {
    if (broken != null) {
      throw broken;
    }
  }

  /**
   * Ends the walk: every later call throws {@code e}; except for a page whose body broke off (a
   * {@link ConnectionException}), which is dropped, so that the next call asks for it again.
   */
  private RuntimeException fail(RuntimeException e) {
    if (e instanceof ConnectionException) {
      rows = null;
    } else {
      broken = e;
    }
    return e;
  }

  /** Fetches the next page whole and moves past it. */
  Page<T> nextPage() {
    RowCursor<T> page = open();
    List<T> items = new ArrayList<>();
    try {
      while (page.hasNext()) {
        items.add(page.next());
      }
    } catch (RuntimeException e) {
      throw fail(e);
    }
    advance(page.nextCursor(), page.receivedRows());
    return new Page<>(items, cursor, page.pageFields());
  }

  @Override
  public boolean hasNext() {
    throwIfBroken();
    while (true) {
      if (rows == null) {
        if (done) {
          return false;
        }
        String at = cursor;
        rows = open();
        pageCursor = at;
        pageStarted = false;
      }
      if (rowsAhead(rows)) {
        return true;
      }
      RowCursor<T> finished = rows;
      rows = null;
      advance(finished.nextCursor(), finished.receivedRows());
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more items");
    }
    try {
      lastReturned = rows.next();
    } catch (RuntimeException e) {
      throw fail(e);
    }
    pageStarted = true;
    return lastReturned;
  }

  /**
   * Where a new walk should start to continue this one. For list endpoints it is always the id of
   * the last item returned, so nothing is repeated. For fetch and BTQL, whose cursors mark pages,
   * it is the cursor of the page being returned (so the items of that page already returned come
   * again), or of the next page once the current one is used up, or of the page that failed to
   * arrive.
   *
   * @return the cursor, or empty when the walk has to start from the beginning or is over
   */
  public Optional<String> resumeCursor() {
    if (lastReturned != null) {
      Optional<String> exact = source.cursorAfter(lastReturned);
      if (exact.isPresent()) {
        return exact;
      }
    }
    if (rows != null && pageStarted) {
      return Optional.ofNullable(pageCursor);
    }
    return done ? Optional.empty() : Optional.ofNullable(cursor);
  }

  private boolean repeats(String next) {
    return next != null && (next.equals(cursor) || followedCursors.contains(next));
  }

  /** Whether a page whose rows are not read yet has any (the check reads at most one row). */
  private boolean rowsAhead(RowCursor<T> page) {
    try {
      return page.hasNext();
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
