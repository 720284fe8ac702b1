package io.github.bt4j.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Pre-rendered pages of {@code GET /v1/project}: {@code {"objects": [...]}} with projects shaped
 * like the real API's (about 280 bytes each). A page is rendered once as a template; serving a page
 * copies it and writes the project numbers into the ids, so the server writes bytes, not JSON.
 * Project {@code n}'s id ends in {@code n} in hex, so a {@code starting_after} id names the next
 * page.
 */
final class SyntheticProjects {
  private static final String ID_PREFIX = "a192f7d3-0000-4000-8000-";
  private static final int HEX_DIGITS = 12;
  private static final byte[] EMPTY = "{\"objects\":[]}".getBytes(StandardCharsets.US_ASCII);

  private final int total;
  private final int perPage;
  private final byte[] template;
  private final int[] idTails;

  /** Pages of {@code perPage} out of {@code total} projects. */
  SyntheticProjects(int total, int perPage) {
    this.total = total;
    this.perPage = perPage;
    String placeholder = ID_PREFIX + "#".repeat(HEX_DIGITS);
    StringBuilder page = new StringBuilder("{\"objects\":[");
    for (int i = 0; i < perPage; i++) {
      page.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(placeholder)
          .append("\",\"org_id\":\"5ba6d482-b475-4c66-8cd2-5815694764e3\",")
          .append("\"name\":\"project ")
          .append(placeholder)
          .append("\",\"created\":\"2025-11-12T02:58:27.365Z\",\"deleted_at\":null,")
          .append("\"user_id\":\"855483c6-68f0-4df4-a147-df9b4ea32e0c\",\"settings\":null}");
    }
    String text = page.append("]}").toString();
    this.template = text.getBytes(StandardCharsets.US_ASCII);
    this.idTails = new int[perPage * 2];
    int found = 0;
    for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + 1)) {
      idTails[found++] = at + ID_PREFIX.length();
    }
  }

  /** The page after the project whose id is {@code startingAfter}, or the first page if null. */
  byte[] pageAfter(String startingAfter) {
    long first =
        startingAfter == null
            ? 0
            : Long.parseLong(startingAfter.substring(startingAfter.length() - HEX_DIGITS), 16) + 1;
    if (first >= total) {
      return EMPTY;
    }
    if (first % perPage != 0 || first + perPage > total) {
      throw new IllegalArgumentException("pages must be whole: " + startingAfter);
    }
    byte[] out = template.clone();
    for (int i = 0; i < idTails.length; i++) {
      long n = first + i / 2;
      for (int d = HEX_DIGITS - 1, at = idTails[i]; d >= 0; d--, n >>>= 4) {
        out[at + d] = (byte) "0123456789abcdef".charAt((int) (n & 0xF));
      }
    }
    return out;
  }
}
