package io.github.bt4j.pagination;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a paged read: its items and the cursor of the page after it. Immutable.
 *
 * <p>The cursor is whatever the endpoint pages with: the id of the last item for list endpoints
 * ({@code starting_after}), or the opaque token of the fetch and BTQL endpoints. Pass it to {@link
 * AutoPager#startingAt(String)} to continue from this page on.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextCursor;
  private final JsonObject fields;

  private Page(List<T> items, String nextCursor, JsonObject fields) {
    this.items = items;
    this.nextCursor = nextCursor;
    this.fields = fields;
  }

  /**
   * A page of {@code items} followed by the page at {@code nextCursor}.
   *
   * @param items the items, in the order they are handed out; copied
   * @param nextCursor the cursor of the next page, or null if this page is the last
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(List<? extends T> items, String nextCursor) {
    return of(items, nextCursor, new JsonObject());
  }

  /**
   * A page of {@code items} followed by the page at {@code nextCursor}, with the fields its answer
   * carried beside the rows.
   *
   * @param items the items, in the order they are handed out; copied
   * @param nextCursor the cursor of the next page, or null if this page is the last
   * @param fields the answer's other fields (see {@link #fields()}); copied
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(List<? extends T> items, String nextCursor, JsonObject fields) {
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(fields, "fields == null");
    return new Page<>(
        Collections.unmodifiableList(new ArrayList<>(items)),
        nextCursor == null || nextCursor.isEmpty() ? null : nextCursor,
        fields.deepCopy());
  }

  /**
   * The last page: {@code items} and nothing after them.
   *
   * @param items the items; copied
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> last(List<? extends T> items) {
    return of(items, null);
  }

  /**
   * The items of this page, in order. May be empty even when more pages follow (for instance when
   * every row of a fetch page was an older version of a row already returned).
   *
   * @return the unmodifiable items
   */
  public List<T> items() {
    return items;
  }

  /**
   * Whether another page follows. Decided from this page alone: the next page may still turn out to
   * be empty.
   *
   * @return true if {@link #nextCursor()} is present
   */
  public boolean hasNextPage() {
    return nextCursor != null;
  }

  /**
   * The cursor that fetches the next page.
   *
   * @return the cursor, or empty if this page is the last
   */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /**
   * The fields the page's answer carried beside its rows and cursor: for a BTQL/SQL query read in
   * {@code QueryFormat.JSON}, the row {@code schema}, any {@code warnings} and the freshness state
   * ({@code realtime_state}, {@code freshness_state}); empty for other endpoints and for JSON
   * lines.
   *
   * @return a copy of the fields, by JSON name
   */
  public JsonObject fields() {
    return fields.deepCopy();
  }

  /**
   * One field the page's answer carried beside its rows, such as {@code "schema"}.
   *
   * @param name the field's JSON name
   * @return a copy of its value, or null if the answer had no such field
   */
  public JsonElement field(String name) {
    JsonElement value = fields.get(name);
    return value == null ? null : value.deepCopy();
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", nextCursor=" + nextCursor + "}";
  }
}
