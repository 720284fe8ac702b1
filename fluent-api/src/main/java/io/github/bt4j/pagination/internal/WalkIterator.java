package io.github.bt4j.pagination.internal;

import io.github.bt4j.pagination.PageIterator;
import io.github.bt4j.pagination.PageSource;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The items of a {@link PageWalk}, one at a time; empty pages in the middle are skipped.
 *
 * @param <T> the item type
 */
public final class WalkIterator<T> implements PageIterator<T> {
  private final PageWalk<T> walk;
  private final PageSource<T> source;
  private List<T> items = List.of();
  private int index;
  private String pageCursor;
  private T lastReturned;
  private boolean returnedAny;

  /** Iterates {@code walk}, whose pages come from {@code source}. */
  public WalkIterator(PageWalk<T> walk, PageSource<T> source) {
    this.walk = walk;
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    while (index >= items.size()) {
      if (!walk.hasNextPage()) {
        return false;
      }
      String cursor = walk.pendingCursor();
      // Drop the used page before fetching, so that two pages are never held at once.
      items = List.of();
      index = 0;
      items = walk.nextPage().items();
      pageCursor = cursor;
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more items");
    }
    lastReturned = items.get(index++);
    returnedAny = true;
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
    if (index < items.size() || (index > 0 && !walk.hasNextPage())) {
      // Part of the current page is still to come, or it was the last page.
      return index < items.size() ? Optional.ofNullable(pageCursor) : Optional.empty();
    }
    return Optional.ofNullable(walk.pendingCursor());
  }
}
