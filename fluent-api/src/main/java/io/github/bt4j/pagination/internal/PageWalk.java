package io.github.bt4j.pagination.internal;

import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.pagination.Page;
import io.github.bt4j.pagination.PageSource;
import java.util.NoSuchElementException;

/**
 * Walks the pages of one source in order, following each page's cursor, and refuses to follow a
 * cursor it has followed before. A fetch that throws leaves the walk where it was, so the page can
 * be asked for again; a broken paging contract ends the walk for good.
 *
 * @param <T> the item type
 */
public final class PageWalk<T> {
  private final PageSource<T> source;
  private final SeenIds followedCursors = new SeenIds();
  private String cursor;
  private boolean started;
  private boolean done;
  private PaginationException broken;

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

  /** Whether a page has been fetched. */
  public boolean started() {
    return started;
  }

  /** The cursor of the page {@link #nextPage()} fetches (null for the first page). */
  public String pendingCursor() {
    return cursor;
  }

  /** Fetches the next page and moves past it. */
  public Page<T> nextPage() {
    if (broken != null) {
      throw broken;
    }
    if (done) {
      throw new NoSuchElementException("the walk is over");
    }
    Page<T> page;
    try {
      page = source.fetch(cursor);
    } catch (PaginationException e) {
      broken = e;
      throw e;
    }
    String next = page.nextCursor().orElse(null);
    if (next != null && !followedCursors.add(next)) {
      broken =
          new PaginationException(
              "the server returned a cursor this walk has already followed ("
                  + next
                  + "); stopping instead of reading the same pages again",
              cursor);
      throw broken;
    }
    started = true;
    cursor = next;
    done = next == null;
    return page;
  }
}
