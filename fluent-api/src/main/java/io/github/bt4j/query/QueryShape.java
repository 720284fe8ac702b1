package io.github.bt4j.query;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a paged walk puts its cursor and per-page limit in a query. The walk owns both: a limit the
 * query states itself becomes the total number of rows of the walk (so that paging never returns
 * more rows than the query asked for), and a cursor the query states itself becomes the walk's
 * starting point.
 *
 * <ul>
 *   <li>A structured query (a JSON object with {@code from}, {@code select}...) gets {@code limit}
 *       and {@code cursor} fields.
 *   <li>A BTQL string gets {@code limit: N} and {@code cursor: '...'} clauses, replacing its own.
 *   <li>A SQL string gets a trailing {@code LIMIT N OFFSET '<cursor>'}, replacing its own trailing
 *       {@code LIMIT}/{@code OFFSET}. Comments and string literals are not code: {@code -- note:
 *       LIMIT 5} is no limit, and {@code LIMIT 10 -- top ten} is one. A numeric {@code OFFSET}
 *       cannot be combined with cursors and is refused.
 * </ul>
 *
 * @param ownLimit the limit the query stated itself, or -1
 * @param ownCursor the cursor the query stated itself, or null
 * @param page the query of one page (the value of the request's {@code query} field) for a cursor
 *     (null for the first page) and a limit
 */
record QueryShape(long ownLimit, String ownCursor, BiFunction<String, Integer, JsonElement> page) {
  private static final Pattern SQL_TRAILING_OFFSET =
      Pattern.compile("(?is)(?:^|\\s)OFFSET\\s+(?:'((?:[^']|'')*)'|(\\d+))$");
  private static final Pattern SQL_TRAILING_LIMIT =
      Pattern.compile("(?is)(?:^|\\s)LIMIT\\s+(\\d+)$");
  private static final Pattern BTQL_LIMIT =
      Pattern.compile("(?im)(?:^|\\|)[ \\t]*limit[ \\t]*:[ \\t]*(\\d+)[ \\t]*(?=$|\\|)");
  // What is not code in SQL: a line comment, a block comment, a string literal, a quoted identifier
  // (the last two with their closing quote as a group); possessive, so long ones need no stack.
  private static final Pattern SQL_NOT_CODE =
      Pattern.compile(
          "--[^\\r\\n]*+|/\\*(?:[^*]++|\\*(?!/))*+(?:\\*/)?"
              + "|'(?:[^']++|'')*+(')?|\"(?:[^\"]++|\"\")*+(\")?");
  private static final Pattern BTQL_CURSOR =
      Pattern.compile("(?im)(?:^|\\|)[ \\t]*cursor[ \\t]*:[ \\t]*'((?:[^']|'')*)'[ \\t]*(?=$|\\|)");

  /** A SQL query. */
  static QueryShape sql(String text) {
    // The trailing clauses are found in the mask (comments blanked, literals hidden), and cut at
    // the same positions in the text; a trailing comment goes with them.
    String mask = sqlMask(text);
    int end = codeEnd(mask, mask.length());
    String cursor = null;
    Matcher offset = SQL_TRAILING_OFFSET.matcher(mask).region(0, end);
    if (offset.find()) {
      if (offset.group(2) != null) {
        throw new IllegalArgumentException(
            "the SQL query ends in a numeric OFFSET, which cannot be combined with the cursor"
                + " the pager pages with; remove it (use rows().stream().skip(n) to skip rows)");
      }
      cursor = unquote(text.substring(offset.start(1), offset.end(1)));
      end = codeEnd(mask, offset.start());
    }
    long limit = -1;
    Matcher trailingLimit = SQL_TRAILING_LIMIT.matcher(mask).region(0, end);
    if (trailingLimit.find()) {
      limit = parseLimit(trailingLimit.group(1));
      end = codeEnd(mask, trailingLimit.start());
    }
    return textual(text.substring(0, end), limit, cursor, "\nLIMIT ", " OFFSET ");
  }

  /**
   * A query string whose pages end in {@code limitClause N}, then {@code cursorClause '<cursor>'}
   * when there is a cursor.
   */
  private static QueryShape textual(
      String query, long ownLimit, String ownCursor, String limitClause, String cursorClause) {
    return new QueryShape(
        ownLimit,
        ownCursor,
        (cursor, limit) -> {
          StringBuilder s = new StringBuilder(query.length() + 64).append(query);
          s.append(limitClause).append(limit);
          if (cursor != null) {
            s.append(cursorClause).append(quote(cursor));
          }
          return new JsonPrimitive(s.toString());
        });
  }

  /**
   * The code of a SQL text, position for position: comments become spaces, and the insides of
   * string literals ({@code '...'}) and quoted identifiers ({@code "..."}) become {@code x}, their
   * quotes and every line break kept. Searching the mask for keywords finds only real ones ({@code
   * -- note: LIMIT 5} is not a limit), at the same positions as in the text. An unterminated
   * comment or literal runs to the end.
   */
  private static String sqlMask(String sql) {
    StringBuilder mask = new StringBuilder(sql);
    Matcher m = SQL_NOT_CODE.matcher(sql);
    while (m.find()) {
      boolean literal = sql.charAt(m.start()) == '\'' || sql.charAt(m.start()) == '"';
      int end = m.group(1) != null || m.group(2) != null ? m.end() - 1 : m.end();
      for (int k = literal ? m.start() + 1 : m.start(); k < end; k++) {
        if (sql.charAt(k) != '\n' && sql.charAt(k) != '\r') {
          mask.setCharAt(k, literal ? 'x' : ' ');
        }
      }
    }
    return mask.toString();
  }

  /** Where the code before {@code from} ends: trailing blanks (comments too) and semicolons cut. */
  private static int codeEnd(String mask, int from) {
    int end = from;
    while (end > 0
        && (Character.isWhitespace(mask.charAt(end - 1)) || mask.charAt(end - 1) == ';')) {
      end--;
    }
    return end;
  }

  /** A query in BTQL's own syntax. */
  static QueryShape btql(String text) {
    String base = text;
    long limit = -1;
    Matcher l = BTQL_LIMIT.matcher(base);
    if (l.find()) {
      limit = parseLimit(l.group(1));
      base = base.substring(0, l.start()) + base.substring(l.end());
    }
    String cursor = null;
    Matcher c = BTQL_CURSOR.matcher(base);
    if (c.find()) {
      cursor = unquote(c.group(1));
      base = base.substring(0, c.start()) + base.substring(c.end());
    }
    return textual(base.stripTrailing(), limit, cursor, "\nlimit: ", "\ncursor: ");
  }

  /** A structured BTQL query. */
  static QueryShape structured(JsonObject query) {
    JsonObject base = query.deepCopy();
    JsonElement ownLimit = base.remove("limit");
    JsonElement ownCursor = base.remove("cursor");
    long limit = -1;
    if (ownLimit != null
        && ownLimit.isJsonPrimitive()
        && ownLimit.getAsJsonPrimitive().isNumber()) {
      limit = ownLimit.getAsLong();
    }
    String cursor =
        ownCursor != null && ownCursor.isJsonPrimitive() ? ownCursor.getAsString() : null;
    return new QueryShape(
        limit,
        cursor,
        (pageCursor, pageLimit) -> {
          JsonObject page = base.deepCopy();
          page.addProperty("limit", pageLimit);
          if (pageCursor != null) {
            page.addProperty("cursor", pageCursor);
          }
          return page;
        });
  }

  private static long parseLimit(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String unquote(String literal) {
    return literal.replace("''", "'");
  }
}
