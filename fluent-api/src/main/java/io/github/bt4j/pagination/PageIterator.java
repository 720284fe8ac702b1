package io.github.bt4j.pagination;

import java.util.Iterator;
import java.util.Optional;

/**
 * Iterates the items of one walk, fetching each page when the previous one is used up.
 *
 * <p>An exception thrown by {@link #hasNext()} or {@link #next()} (a typed exception of {@code
 * io.github.bt4j.errors}, raised after the client's retries for that page) leaves the iterator
 * usable: calling {@code hasNext()} again asks for the same page again, and the walk keeps what it
 * remembers (such as the ids already returned). To continue in another process or later, save
 * {@link #resumeCursor()} and pass it to {@link AutoPager#startingAt(String)}.
 *
 * <p>Not thread-safe: use one iterator per thread.
 *
 * @param <T> the item type
 */
public interface PageIterator<T> extends Iterator<T> {
  /**
   * Where a new walk should start to continue this one. For list endpoints it is the id of the last
   * item returned, so nothing is repeated; for fetch and BTQL, whose cursors mark pages, it is the
   * cursor of the page being returned, so the items of that page already returned come again. After
   * a failed fetch it is the cursor of the page that failed.
   *
   * @return the cursor, or empty when the walk has to start from the beginning or is over
   */
  Optional<String> resumeCursor();
}
