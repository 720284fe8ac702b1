package io.github.bt4j.query;

/**
 * The code of a SQL text, position for position: comments ({@code -- ...} to the end of the line,
 * {@code /* ... *}{@code /}) become spaces, and the insides of string literals ({@code '...'}) and
 * quoted identifiers ({@code "..."}) become {@code x}, their quotes kept. Searching the mask for
 * keywords finds only real ones ({@code -- note: LIMIT 5} is not a limit), and a match's position
 * is the same in the original text. An unterminated comment or literal runs to the end.
 */
final class SqlMask {
  private SqlMask() {}

  /** The mask of {@code sql}, as long as {@code sql}. */
  static String of(String sql) {
    char[] out = sql.toCharArray();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = i;
        while (end < n && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
          end++;
        }
        blank(out, i, end, ' ');
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        int end = close < 0 ? n : close + 2;
        blank(out, i, end, ' ');
        i = end;
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(sql, i, c);
        blank(out, i + 1, Math.min(end, n), 'x');
        i = end + 1;
      } else {
        i++;
      }
    }
    return new String(out);
  }

  /**
   * The index of the quote that closes the literal opened at {@code open}, or the text's length.
   */
  private static int closingQuote(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // a doubled quote is part of the literal
          continue;
        }
        return i;
      }
      i++;
    }
    return sql.length();
  }

  private static void blank(char[] out, int from, int to, char with) {
    for (int k = from; k < to; k++) {
      // Keep line breaks, so that a masked text has the same lines as the original.
      if (out[k] != '\n' && out[k] != '\r') {
        out[k] = with;
      }
    }
  }
}
