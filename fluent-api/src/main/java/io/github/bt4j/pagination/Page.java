package io.github.bt4j.pagination;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.List;
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

  /** The page {@code items} (taken, not copied) followed by the page at {@code nextCursor}. */
  Page(List<T> items, String nextCursor, JsonObject fields) {
    this.items = Collections.unmodifiableList(items);
    this.nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
    this.fields = fields;
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
