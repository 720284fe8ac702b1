package io.github.bt4j.pagination;

import java.util.Iterator;
import java.util.Optional;

/**
 * Iterates the items of one walk, fetching each page when the previous one is used up.
 *
 * <p>A page that fails to arrive (a typed exception of {@code io.github.bt4j.errors}, thrown by
 * {@link #hasNext()} or {@link #next()} after the client's retries for that page) leaves the
 * iterator usable: calling {@code hasNext()} again asks for the same page again, and the walk keeps
 * what it remembers (such as the ids already returned). A page that arrived but cannot be read (a
 * malformed row, a row that does not fit the requested class) or that breaks the paging contract
 * ({@link io.github.bt4j.errors.PaginationException}) ends the walk: every later call throws the
 * same exception. To continue in another process or later, save {@link #resumeCursor()} and pass it
 * to {@link AutoPager#startingAt(String)}.
 *
 * <p>Not thread-safe: use one iterator per thread.
 *
 * @param <T> the item type
 */
public interface PageIterator<T> extends Iterator<T> {
  /**
   * Where a new walk should start to continue this one. For list endpoints it is always the id of
   * the last item returned, so nothing is repeated. For fetch and BTQL, whose cursors mark pages,
   * it is the cursor of the page being returned (so the items of that page already returned come
   * again), or of the next page once the current one is used up, or of the page that failed to
   * arrive.
   *
   * @return the cursor, or empty when the walk has to start from the beginning or is over
   */
  Optional<String> resumeCursor();
}
