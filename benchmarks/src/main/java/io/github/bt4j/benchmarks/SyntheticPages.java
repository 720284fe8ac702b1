package io.github.bt4j.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-rendered pages of synthetic project-log rows of about 1 KB. A page is rendered once as a
 * template; serving page {@code k} copies the template and writes the row numbers into the fixed
 * places where the ids are, so the server spends its time writing bytes, not building JSON.
 */
final class SyntheticPages {
  /** The project every row belongs to. */
  static final String PROJECT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  /** The {@code from} and {@code select} of a structured BTQL query of every row, as JSON. */
  static final String BTQL_FROM =
      "\"from\":{\"op\":\"function\",\"name\":{\"op\":\"ident\",\"name\":[\"project_logs\"]},"
          + "\"args\":[{\"op\":\"literal\",\"value\":\""
          + PROJECT
          + "\"}]},\"select\":[{\"op\":\"star\"}]";

  private static final String ID_PREFIX = "b7b7b7b7-0000-4000-8000-";
  private static final String ID_PLACEHOLDER = ID_PREFIX + "############";
  private static final String CURSOR_PLACEHOLDER = "p#######";

  private final int rowsPerPage;
  private final int pages;
  private final Template fetchPage;
  private final Template jsonLinesPage;

  private record Template(byte[] bytes, int[] idTails, int cursorDigits) {}

  SyntheticPages(long totalRows, int rowsPerPage) {
    if (totalRows % rowsPerPage != 0) {
      throw new IllegalArgumentException("totalRows must be a multiple of rowsPerPage");
    }
    this.rowsPerPage = rowsPerPage;
    this.pages = (int) (totalRows / rowsPerPage);
    StringBuilder events = new StringBuilder("{\"events\":[");
    StringBuilder lines = new StringBuilder();
    for (int r = 0; r < rowsPerPage; r++) {
      String row = row();
      events.append(r == 0 ? "" : ",").append(row);
      lines.append(row).append('\n');
    }
    events.append("],\"cursor\":\"").append(CURSOR_PLACEHOLDER).append("\"}");
    this.fetchPage = template(events.toString());
    this.jsonLinesPage = template(lines.toString());
  }

  /** One row of about 1 KB, with the id placeholder where the id, span id and root span id go. */
  static String row() {
    String text =
        "Summarise the attached support conversation for the on-call engineer, keeping every"
            + " error code, the customer's plan, the steps already tried and the time of the first"
            + " report; answer in three short paragraphs and flag anything that needs a refund. ";
    return "{\"id\":\""
        + ID_PLACEHOLDER
        + "\",\"_xact_id\":\"1000192000000000000\",\"created\":\"2026-07-01T12:00:00.000Z\","
        + "\"project_id\":\""
        + PROJECT
        + "\",\"log_id\":\"g\",\"org_id\":\"5d1f0a52-5b2a-4b7e-9a4e-0c6f7a8b9c0d\","
        + "\"span_id\":\""
        + ID_PLACEHOLDER
        + "\",\"root_span_id\":\""
        + ID_PLACEHOLDER
        + "\",\"is_root\":true,\"span_parents\":[],"
        + "\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\""
        + text
        + "\"}]},\"output\":\""
        + text.substring(0, 200)
        + "\",\"expected\":null,"
        + "\"metadata\":{\"model\":\"gpt-4o-mini\",\"user_id\":\"user-4711\",\"environment\":\"prod\"},"
        + "\"scores\":{\"accuracy\":0.75,\"relevance\":1},"
        + "\"metrics\":{\"start\":1751371200.123,\"end\":1751371201.456,\"prompt_tokens\":412,"
        + "\"completion_tokens\":96,\"tokens\":508},"
        + "\"span_attributes\":{\"name\":\"chat\",\"type\":\"llm\"},\"tags\":[\"bench\"]}";
  }

  private static Template template(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    List<Integer> tails = new ArrayList<>();
    for (int at = text.indexOf(ID_PLACEHOLDER);
        at >= 0;
        at = text.indexOf(ID_PLACEHOLDER, at + 1)) {
      tails.add(at + ID_PREFIX.length());
    }
    int cursor = text.indexOf(CURSOR_PLACEHOLDER);
    return new Template(
        bytes, tails.stream().mapToInt(Integer::intValue).toArray(), cursor < 0 ? -1 : cursor + 1);
  }

  /** The number of non-empty pages; page {@code pages()} is the empty last page. */
  int pages() {
    return pages;
  }

  /** The id of row {@code n}. */
  static String id(long n) {
    return ID_PREFIX + String.format("%012x", n);
  }

  /** The body of fetch page {@code k}: rows and, unless it is the empty last page, a cursor. */
  byte[] fetchPage(int k) {
    if (k >= pages) {
      return "{\"events\":[]}".getBytes(StandardCharsets.US_ASCII);
    }
    return render(fetchPage, k);
  }

  /** The body of JSON-lines page {@code k}; empty for the last page. */
  byte[] jsonLinesPage(int k) {
    return k >= pages ? new byte[0] : render(jsonLinesPage, k);
  }

  /** The cursor of the page after page {@code k}, or null after the empty last page. */
  String cursorAfter(int k) {
    return k >= pages ? null : cursor(k + 1);
  }

  /** The cursor of page {@code k}. */
  static String cursor(int k) {
    return "p" + String.format("%07d", k);
  }

  private byte[] render(Template t, int k) {
    byte[] out = t.bytes().clone();
    int perRow = t.idTails().length / rowsPerPage;
    for (int i = 0; i < t.idTails().length; i++) {
      writeHex(out, t.idTails()[i], (long) k * rowsPerPage + i / perRow, 12);
    }
    if (t.cursorDigits() >= 0) {
      writeDecimal(out, t.cursorDigits(), k + 1, 7);
    }
    return out;
  }

  private static void writeHex(byte[] out, int at, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = (byte) "0123456789abcdef".charAt((int) (value & 0xF));
      value >>>= 4;
    }
  }

  private static void writeDecimal(byte[] out, int at, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
