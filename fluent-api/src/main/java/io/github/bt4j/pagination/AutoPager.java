package io.github.bt4j.pagination;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged read, as an {@link Iterable} and a {@link Stream}. Nothing is sent until
 * the first item is asked for, and each further page is fetched only when the loop reaches it, so a
 * loop that stops early, or {@code stream().findFirst()}, costs one page. A list page is read whole
 * into its items, and its response closed, before the first item is handed out; a fetch or query
 * page's rows are parsed one at a time as the loop asks for them, while a thread of the client
 * receives the rest of the page as bytes and closes its response at the end. An abandoned loop
 * leaves no connection open (a fetch or query page's once the page has arrived), and memory holds
 * one page at a time.
 *
 * <pre>{@code
 * for (Project p : client.projects().list()) {
 *   System.out.println(p.getName());
 * }
 * long n = client.queries().sql("SELECT id FROM project_logs('" + projectId + "')").rows().stream().count();
 * }</pre>
 *
 * <p>Immutable and safe to share; every {@link #iterator()} is a new walk from the first page (or
 * from {@link #startingAt(String)}). A cursor the server gives twice in one walk ends the walk with
 * a {@link io.github.bt4j.errors.PaginationException} instead of a loop.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Supplier<? extends PageSource<T>> sources;
  private final String startCursor;

  private AutoPager(Supplier<? extends PageSource<T>> sources, String startCursor) {
    this.sources = sources;
    this.startCursor = startCursor;
  }

  /**
   * A pager over the pages {@code sources} fetch.
   *
   * @param sources makes the source of each walk
   * @param <T> the item type
   * @return the pager, starting at the first page
   */
  public static <T> AutoPager<T> of(Supplier<? extends PageSource<T>> sources) {
    return new AutoPager<>(Objects.requireNonNull(sources, "sources == null"), null);
  }

  /**
   * The same read, starting at {@code cursor} instead of the first page: a {@link
   * PageIterator#resumeCursor()} or a {@link Page#nextCursor()}.
   *
   * @param cursor the cursor to start at, or null for the first page
   * @return a new pager
   */
  public AutoPager<T> startingAt(String cursor) {
    return new AutoPager<>(sources, cursor == null || cursor.isEmpty() ? null : cursor);
  }

  /**
   * A new walk over every item; see {@link PageIterator} for errors and resuming.
   *
   * @return the iterator; it sends nothing until {@code hasNext()} or {@code next()}
   */
  @Override
  public PageIterator<T> iterator() {
    return new PageIterator<>(sources.get(), startCursor);
  }

  /**
   * Every item as a sequential, ordered stream, fetched lazily as the stream is consumed.
   * Short-circuiting operations ({@code findFirst}, {@code limit}, {@code anyMatch}) stop fetching.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /**
   * The pages of a new walk, one at a time, for callers that work page by page. Empty pages that
   * are not the last are included.
   *
   * @return the pages; each iteration is a new walk
   */
  public Iterable<Page<T>> pages() {
    return () -> {
      PageIterator<T> walk = iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return walk.hasNextPage();
        }

        @Override
        public Page<T> next() {
          return walk.nextPage(); // past the last page: NoSuchElementException
        }
      };
    };
  }

  /**
   * Fetches the first page (or the page at {@link #startingAt(String)}) only.
   *
   * @return the page
   */
  public Page<T> firstPage() {
    return iterator().nextPage();
  }

  @Override
  public String toString() {
    return "AutoPager{startCursor=" + startCursor + "}";
  }
}
