package io.github.bt4j.testing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a newest-first list of rows or traces: the transaction id of the last item returned
 * and, among items of that transaction, its id. Callers see it as an opaque string.
 *
 * @param xact the last returned item's {@code _xact_id}
 * @param tie the last returned item's row id or root span id
 */
record Cursor(long xact, String tie) implements Comparable<Cursor> {
  private static final String PREFIX = "fake1:";

  /** The opaque string form. */
  String encode() {
    String plain = PREFIX + xact + ":" + tie;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a string made by {@link #encode()}, or a 400. */
  static Cursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      if (plain.startsWith(PREFIX)) {
        String rest = plain.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        return new Cursor(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 1));
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // answered below
    }
    throw ApiError.badRequest("invalid cursor: pass the cursor of a previous answer unchanged");
  }

  /** Newest first: a greater cursor comes earlier. */
  @Override
  public int compareTo(Cursor o) {
    int byXact = Long.compare(xact, o.xact);
    return byXact != 0 ? byXact : tie.compareTo(o.tie);
  }
}
