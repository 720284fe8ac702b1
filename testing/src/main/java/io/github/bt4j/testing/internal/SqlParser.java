package io.github.bt4j.testing.internal;

import io.github.bt4j.testing.internal.BtqlLexer.Kind;
import io.github.bt4j.testing.internal.BtqlLexer.Token;
import java.util.List;

/**
 * Reads {@code SELECT <columns|*> FROM <source> [WHERE <condition>] [LIMIT <n>] [OFFSET '<cursor>']
 * [;]}; see {@link io.github.bt4j.testing.FakeBraintrust} for the whole grammar. {@code OFFSET}
 * takes the cursor of the previous page (a string), which is how the client pages a SQL query; a
 * numeric offset is a 400. Anything else (GROUP BY, ORDER BY, joins...) is a 400 too.
 */
final class SqlParser {
  private SqlParser() {}

  static BtqlQuery parse(List<Token> tokens) {
    ExprParser p = new ExprParser(tokens);
    p.expectWord("select");
    List<BtqlQuery.Column> columns = p.columns(true);
    p.expectWord("from");
    BtqlQuery.Source source = p.source();
    Expr filter = p.acceptWord("where") ? p.expression() : null;
    Integer limit = p.acceptWord("limit") ? integer(p) : null;
    String cursor = p.acceptWord("offset") ? cursor(p) : null;
    p.acceptSymbol(";");
    if (!p.atEnd()) {
      throw p.unexpected(
          "expected the end of the query (the fake Braintrust supports SELECT ... FROM ... [WHERE ...]"
              + " [LIMIT n] [OFFSET 'cursor'])");
    }
    return BtqlQuery.of(source, columns, filter, limit, cursor);
  }

  /** The cursor string of an {@code OFFSET}. */
  private static String cursor(ExprParser p) {
    Token t = p.next();
    if (t.kind() != Kind.STRING) {
      throw ApiError.badRequest("OFFSET takes a cursor string, but found " + t.describe());
    }
    return t.text();
  }

  /** A non-negative integer token. */
  static int integer(ExprParser p) {
    Token t = p.next();
    if (t.kind() != Kind.NUMBER) {
      throw ApiError.badRequest("expected a number but found " + t.describe());
    }
    return JsonValues.limit(t.text(), "limit");
  }
}
