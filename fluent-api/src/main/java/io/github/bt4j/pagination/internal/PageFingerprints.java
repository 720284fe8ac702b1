package io.github.bt4j.pagination.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Remembers which pages of fetched rows a walk has seen, by a 128-bit hash of each page's sequence
 * of ({@code id}, {@code _xact_id}) pairs. A version of a row belongs to one place in the version
 * history, so the same sequence twice means the server sent the same page again: it ignored the
 * cursor.
 */
public final class PageFingerprints {
  private final SeenIds pages = new SeenIds();

  /** Accumulates the fingerprint of one page, row by row. */
  public static final class Fingerprint {
    private final StringBuilder pairs = new StringBuilder();
    private int rows;

    /** Adds the next row of the page. */
    public void add(JsonObject row) {
      pairs.append(text(row.get("id"))).append('\u0001');
      pairs.append(text(row.get("_xact_id"))).append('\u0002');
      rows++;
    }

    /** How many rows were added. */
    public int rows() {
      return rows;
    }
  }

  /**
   * Records a finished page.
   *
   * @return false if a page with the same rows was recorded before
   */
  public boolean add(Fingerprint page) {
    return pages.add(page.pairs);
  }

  private static String text(JsonElement e) {
    return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }
}
