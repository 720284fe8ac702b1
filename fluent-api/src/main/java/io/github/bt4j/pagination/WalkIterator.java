package io.github.bt4j.pagination;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The items of a {@link PageWalk}, one at a time; empty pages in the middle are skipped. A page
 * that fails to arrive can be asked for again by calling {@link #hasNext()} again; a page that
 * arrived but cannot be read (a malformed row, a row that does not fit the requested class) ends
 * the walk.
 *
 * @param <T> the item type
 */
public final class WalkIterator<T> implements PageIterator<T> {
  private final PageWalk<T> walk;
  private final PageSource<T> source;
  private RowCursor<T> rows;
  private String pageCursor;
  private boolean pageStarted;
  private T lastReturned;
  private boolean returnedAny;

  /** Iterates {@code walk}, whose pages come from {@code source}. */
  public WalkIterator(PageWalk<T> walk, PageSource<T> source) {
    this.walk = walk;
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    walk.throwIfBroken();
    while (true) {
      if (rows == null) {
        if (!walk.hasNextPage()) {
          return false;
        }
        String cursor = walk.pendingCursor();
        rows = walk.open();
        pageCursor = cursor;
        pageStarted = false;
      }
      boolean more;
      try {
        more = rows.hasNext();
      } catch (RuntimeException e) {
        throw walk.fail(e);
      }
      if (more) {
        return true;
      }
      String next = rows.nextCursor();
      boolean receivedRows = rows.receivedRows();
      rows = null;
      walk.advance(next, receivedRows);
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
      throw walk.fail(e);
    }
    returnedAny = true;
    pageStarted = true;
    return lastReturned;
  }

  @Override
  public Optional<String> resumeCursor() {
    if (returnedAny) {
      Optional<String> exact = source.cursorAfter(lastReturned);
      if (exact.isPresent()) {
        return exact;
      }
    }
    if (rows != null && pageStarted) {
      return Optional.ofNullable(pageCursor);
    }
    return walk.hasNextPage() ? Optional.ofNullable(walk.pendingCursor()) : Optional.empty();
  }
}
