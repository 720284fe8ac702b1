package io.github.bt4j.pagination.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Remembers which pages of fetched rows a walk has seen, by a 128-bit hash of each page's sequence
 * of ({@code id}, {@code _xact_id}) pairs. A version of a row belongs to one place in the version
 * history, so the same sequence twice means the server sent the same page again: it ignored the
 * cursor.
 */
public final class PageFingerprints {
  private final SeenIds pages = new SeenIds();

  /** The fingerprint of one page. */
  public record Fingerprint(long hi, long lo) {}

  /** The fingerprint of a page of rows. */
  public static Fingerprint of(List<JsonObject> rows) {
    StringBuilder versions = new StringBuilder(rows.size() * 64);
    for (JsonObject row : rows) {
      versions.append(text(row.get("id"))).append('\u0001');
      versions.append(text(row.get("_xact_id"))).append('\u0002');
    }
    Fingerprint[] out = new Fingerprint[1];
    IdKeys.hash(
        versions,
        (hi, lo) -> {
          out[0] = new Fingerprint(hi, lo);
          return true;
        });
    return out[0];
  }

  /** Whether a page with this fingerprint was recorded. */
  public boolean contains(Fingerprint page) {
    return pages.contains(page.hi(), page.lo());
  }

  /** Records a page. */
  public void add(Fingerprint page) {
    pages.add(page.hi(), page.lo());
  }

  private static String text(JsonElement e) {
    return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }
}
