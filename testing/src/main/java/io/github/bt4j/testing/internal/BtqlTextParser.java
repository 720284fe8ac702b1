package io.github.bt4j.testing.internal;

import io.github.bt4j.testing.internal.BtqlLexer.Kind;
import io.github.bt4j.testing.internal.BtqlLexer.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads BTQL text: clauses {@code select:}, {@code measures:}, {@code from:}, {@code filter:},
 * {@code limit:} and {@code cursor:}, in any order, optionally separated by {@code |}; see {@link
 * io.github.bt4j.testing.FakeBraintrust} for the grammar. Other clauses (dimensions, sort...) are a
 * 400.
 */
final class BtqlTextParser {
  private static final List<String> CLAUSES =
      List.of("select", "measures", "from", "filter", "limit", "cursor");

  private BtqlTextParser() {}

  /** Whether {@code tokens} look like BTQL text ({@code word:} first) rather than SQL. */
  static boolean isBtql(List<Token> tokens) {
    return tokens.size() > 1 && tokens.get(0).kind() == Kind.WORD && tokens.get(1).isSymbol(":");
  }

  static BtqlQuery parse(List<Token> tokens) {
    ExprParser p = new ExprParser(tokens);
    Set<String> seen = new HashSet<>();
    List<BtqlQuery.Column> select = null;
    List<BtqlQuery.Column> measures = null;
    BtqlQuery.Source source = null;
    Expr filter = null;
    Integer limit = null;
    String cursor = null;
    boolean star = false;
    while (true) {
      while (p.acceptSymbol("|")) {
        // clause separator
      }
      if (p.atEnd()) {
        break;
      }
      Token name = p.next();
      String clause = name.text().toLowerCase(Locale.ROOT);
      if (name.kind() != Kind.WORD || !p.acceptSymbol(":")) {
        throw ApiError.badRequest("expected a clause like 'from:' but found " + name.describe());
      }
      if (!CLAUSES.contains(clause)) {
        throw ApiError.badRequest(
            "the clause '"
                + clause
                + ":' is not supported by the fake Braintrust (supported: "
                + String.join(", ", CLAUSES)
                + ")");
      }
      if (!seen.add(clause)) {
        throw ApiError.badRequest("the clause '" + clause + ":' appears twice");
      }
      switch (clause) {
        case "select" -> {
          select = p.columns(true);
          star = select == null;
        }
        case "measures" -> measures = p.columns(false);
        case "from" -> source = from(p);
        case "filter" -> filter = p.expression();
        case "limit" -> limit = SqlParser.integer(p);
        default -> cursor = cursor(p);
      }
      if (!p.atEnd() && !p.peek().isSymbol("|") && !p.peek(1).isSymbol(":")) {
        throw p.unexpected("expected the next clause");
      }
    }
    if ((select != null || star) && measures != null) {
      throw ApiError.badRequest(
          "select: and measures: together need dimensions:, which the fake Braintrust does not support");
    }
    if (select == null && !star && measures == null) {
      throw ApiError.badRequest("the query needs select: or measures:");
    }
    return BtqlQuery.of(source, measures != null ? measures : select, filter, limit, cursor);
  }

  /** A source, optionally followed by its shape as a word: {@code project_logs('id') traces}. */
  private static BtqlQuery.Source from(ExprParser p) {
    BtqlQuery.Source source = p.source();
    Token shape = p.peek();
    if (shape.kind() == Kind.WORD && !p.peek(1).isSymbol(":")) {
      p.next();
      return new BtqlQuery.Source(source.type(), source.id(), ExprParser.shape(shape.text()));
    }
    return source;
  }

  private static String cursor(ExprParser p) {
    Token t = p.next();
    if (t.kind() != Kind.STRING) {
      throw ApiError.badRequest("expected the cursor as a 'string' but found " + t.describe());
    }
    return t.text();
  }
}
