package io.github.bt4j.pagination;

import java.util.Optional;

/**
 * Fetches the pages of one walk through a paged endpoint. {@link AutoPager} asks for a new source
 * for every walk (every {@code iterator()}), so a source may keep the state of its walk, such as
 * the ids already returned or the number of rows still wanted.
 *
 * <p>The library implements it for list, fetch and BTQL endpoints.
 *
 * @param <T> the item type
 */
public interface PageSource<T> {
  /**
   * Fetches one page and returns its rows, to be read in order. If this throws, the walk's state
   * must be as before the call, so that the same page can be asked for again.
   *
   * @param cursor the cursor of the page, or null for the first page
   * @return the page's rows; its {@link RowCursor#nextCursor()} is null when the walk is over
   */
  RowCursor<T> open(String cursor);

  /**
   * The cursor of a walk that continues right after {@code item}, if the endpoint can start
   * mid-page (list endpoints can: the cursor is the item's id). The default says it cannot.
   *
   * @param item an item this source returned
   * @return the cursor, or empty if walks can only resume at the start of a page
   */
  default Optional<String> cursorAfter(T item) {
    return Optional.empty();
  }
}
