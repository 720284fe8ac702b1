package io.github.bt4j.pagination.internal;

import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.pagination.AutoPager;
import io.github.bt4j.pagination.PageSource;
import io.github.bt4j.pagination.RowCursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Auto-pagination of the list endpoints ({@code GET /v1/project}, {@code /v1/experiment}...), used
 * by the generated {@code list} methods. The first request is the one the generated method builds
 * from its parameters; each next page is the same request with {@code starting_after} set to the id
 * of the last item (or, walking backwards, {@code ending_before} set to the id of the first item).
 * Without a {@code limit} a page asks for 100 items. The walk ends on an empty page, as the API's
 * list contract says (there is no next cursor to wait for); a page shorter than the page size does
 * not end it, since a server may answer fewer items than asked for (a cap of 50 would otherwise end
 * a walk of 230 items after 50).
 */
public final class ListPagers {
  private static final String LIMIT = "limit";
  private static final String STARTING_AFTER = "starting_after";
  private static final String ENDING_BEFORE = "ending_before";

  private ListPagers() {}

  /**
   * A pager over every item of a list operation.
   *
   * @param transport the client's transport
   * @param firstCall the call of the first page, as the generated method builds it
   * @param options per-call options, applied to every page
   * @param itemsOf the items of a response
   * @param idOf the id of an item, the cursor of the page after it
   * @param pageable whether the operation pages with {@code limit} and {@code starting_after} (the
   *     generated code says so; otherwise its one page is every item)
   */
  public static <R, T> AutoPager<T> create(
      Transport transport,
      retrofit2.Call<R> firstCall,
      RequestOptions options,
      Function<R, List<T>> itemsOf,
      Function<T, String> idOf,
      boolean pageable) {
    Validation.required(options, "options");
    Request first = firstCall.request();
    boolean backwards = first.url().queryParameter(ENDING_BEFORE) != null;
    String start = first.url().queryParameter(backwards ? ENDING_BEFORE : STARTING_AFTER);
    // Each list cursor is an item id, so a walk keeps no state: every walk shares one source.
    PageSource<T> source =
        new PageSource<>() {
          @Override
          public RowCursor<T> open(String cursor) {
            Request request = first;
            if (pageable) {
              HttpUrl.Builder url =
                  first
                      .url()
                      .newBuilder()
                      .removeAllQueryParameters(STARTING_AFTER)
                      .removeAllQueryParameters(ENDING_BEFORE);
              if (first.url().queryParameter(LIMIT) == null) {
                url.addQueryParameter(LIMIT, "100");
              }
              if (cursor != null) {
                url.setQueryParameter(backwards ? ENDING_BEFORE : STARTING_AFTER, cursor);
              }
              request = first.newBuilder().url(url.build()).build();
            }
            // Read by the transport as the operation's response, like every other answer.
            R response = transport.execute(request, options, RetryRule.ALWAYS);
            List<T> items = response == null ? null : itemsOf.apply(response);
            items = items == null ? List.of() : items;
            if (backwards) {
              items = new ArrayList<>(items);
              Collections.reverse(items);
            }
            // A page shorter than the limit is not the last: a server may cap its pages below it.
            boolean last = !pageable || items.isEmpty();
            return RowCursor.of(
                items, last ? null : cursorAfter(items.get(items.size() - 1)).orElse(null));
          }

          @Override
          public Optional<String> cursorAfter(T item) {
            return Optional.ofNullable(item == null ? null : idOf.apply(item));
          }
        };
    return AutoPager.<T>of(() -> source).startingAt(start);
  }
}
