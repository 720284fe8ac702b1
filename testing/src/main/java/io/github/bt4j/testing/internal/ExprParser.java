package io.github.bt4j.testing.internal;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import io.github.bt4j.testing.internal.BtqlLexer.Kind;
import io.github.bt4j.testing.internal.BtqlLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads expressions, column lists and sources from a token list; the SQL and BTQL parsers build on
 * it. Precedence, lowest first: {@code OR}, {@code AND}, {@code NOT}, comparisons and {@code IS
 * [NOT] NULL}, {@code + -}, {@code * /}, unary minus.
 */
final class ExprParser {
  static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max");

  /** Words that end an expression rather than name a field. */
  private static final Set<String> RESERVED =
      Set.of(
          "select", "from", "where", "limit", "and", "or", "not", "is", "null", "as", "case",
          "when", "then", "else", "end", "true", "false", "group", "order", "by", "having", "join",
          "offset", "union");

  private static final Set<String> COMPARISONS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");

  private final List<Token> tokens;
  private int position;

  ExprParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token peek() {
    return tokens.get(position);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = peek();
    if (t.kind() != Kind.END) {
      position++;
    }
    return t;
  }

  boolean atEnd() {
    return peek().kind() == Kind.END;
  }

  boolean acceptWord(String word) {
    if (peek().isWord(word)) {
      position++;
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  void expectWord(String word) {
    if (!acceptWord(word)) {
      throw unexpected("expected " + word.toUpperCase(Locale.ROOT));
    }
  }

  void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw unexpected("expected '" + symbol + "'");
    }
  }

  /** A 400 about the current token. */
  ApiError unexpected(String expectation) {
    return ApiError.badRequest(expectation + " but found " + peek().describe());
  }

  /** {@code *} (returns null) or a comma-separated list of {@code expr [AS name]}. */
  List<BtqlQuery.Column> columns(boolean starAllowed) {
    if (starAllowed && acceptSymbol("*")) {
      return null;
    }
    List<BtqlQuery.Column> columns = new ArrayList<>();
    do {
      Expr e = expression();
      String alias = null;
      if (acceptWord("as")) {
        Token name = next();
        if (name.kind() != Kind.WORD && name.kind() != Kind.QUOTED_NAME) {
          throw ApiError.badRequest("expected a column name after AS, found " + name.describe());
        }
        alias = name.text();
      }
      columns.add(BtqlQuery.Column.of(e, alias));
    } while (acceptSymbol(","));
    return columns;
  }

  /**
   * {@code experiment('<id>')}, {@code dataset('<id>')} or {@code project_logs('<id>')}, with an
   * optional {@code , shape => 'spans'|'traces'}.
   */
  BtqlQuery.Source source() {
    Token function = next();
    EventObject type =
        function.kind() == Kind.WORD
            ? EventObject.byPath(function.text().toLowerCase(Locale.ROOT))
            : null;
    if (type == null) {
      throw ApiError.badRequest(
          "expected experiment(...), dataset(...) or project_logs(...) but found "
              + function.describe());
    }
    expectSymbol("(");
    Token id = next();
    if (id.kind() != Kind.STRING) {
      throw ApiError.badRequest("expected the object id as a 'string' but found " + id.describe());
    }
    boolean traces = false;
    if (acceptSymbol(",")) {
      expectWord("shape");
      expectSymbol("=>");
      Token shape = next();
      traces = shape(shape.kind() == Kind.STRING ? shape.text() : "");
    }
    expectSymbol(")");
    return new BtqlQuery.Source(type, id.text(), traces);
  }

  /** Whether the shape named {@code name} is traces (else spans); other shapes are a 400. */
  static boolean shape(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "traces" -> true;
      case "spans" -> false;
      default ->
          throw ApiError.badRequest(
              "unsupported shape '"
                  + name
                  + "': the fake Braintrust supports 'spans' and 'traces'");
    };
  }

  Expr expression() {
    Expr left = and();
    while (acceptWord("or")) {
      left = new Expr.Logic("OR", left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (acceptWord("and")) {
      left = new Expr.Logic("AND", left, not());
    }
    return left;
  }

  private Expr not() {
    return acceptWord("not") ? new Expr.Not(not()) : comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    if (acceptWord("is")) {
      boolean negated = acceptWord("not");
      expectWord("null");
      return new Expr.IsNull(left, negated);
    }
    Token t = peek();
    if (t.kind() == Kind.SYMBOL && COMPARISONS.contains(t.text())) {
      next();
      return new Expr.Compare(t.text(), left, additive());
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      left = new Expr.Arithmetic(next().text(), left, multiplicative());
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (peek().isSymbol("*") || peek().isSymbol("/")) {
      left = new Expr.Arithmetic(next().text(), left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (acceptSymbol("-")) {
      return new Expr.Arithmetic("-", new Expr.Literal(new JsonPrimitive(0)), unary());
    }
    return primary();
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        next();
        try {
          return new Expr.Literal(new JsonPrimitive(new BigDecimal(t.text())));
        } catch (NumberFormatException e) {
          throw ApiError.badRequest("malformed number " + t.describe());
        }
      }
      case STRING -> {
        next();
        return new Expr.Literal(new JsonPrimitive(t.text()));
      }
      case QUOTED_NAME -> {
        return field();
      }
      case SYMBOL -> {
        if (acceptSymbol("(")) {
          Expr inner = expression();
          expectSymbol(")");
          return inner;
        }
        throw unexpected("expected an expression");
      }
      case WORD -> {
        return word();
      }
      default -> throw unexpected("expected an expression");
    }
  }

  private Expr word() {
    Token t = peek();
    String lower = t.text().toLowerCase(Locale.ROOT);
    if (acceptWord("true") || acceptWord("false")) {
      return new Expr.Literal(new JsonPrimitive(lower.equals("true")));
    }
    if (acceptWord("null")) {
      return new Expr.Literal(JsonNull.INSTANCE);
    }
    if (acceptWord("case")) {
      return caseWhen();
    }
    if (peek(1).isSymbol("(")) {
      return call();
    }
    if (RESERVED.contains(lower)) {
      throw unexpected("expected an expression");
    }
    return field();
  }

  private Expr field() {
    List<String> path = new ArrayList<>();
    do {
      Token part = next();
      if (part.kind() != Kind.WORD && part.kind() != Kind.QUOTED_NAME) {
        throw ApiError.badRequest("expected a field name but found " + part.describe());
      }
      path.add(part.text());
    } while (acceptSymbol("."));
    return new Expr.Field(path);
  }

  private Expr call() {
    Token name = next();
    String function = name.text().toLowerCase(Locale.ROOT);
    if (!AGGREGATES.contains(function)) {
      throw ApiError.badRequest(
          "unsupported function "
              + name.text()
              + " at "
              + name.position()
              + "; the fake Braintrust supports "
              + String.join(", ", AGGREGATES.stream().sorted().toList()));
    }
    expectSymbol("(");
    Expr argument = null;
    if (!(function.equals("count") && acceptSymbol("*"))) {
      argument = expression();
    }
    expectSymbol(")");
    return new Expr.Aggregate(function, argument);
  }

  private Expr caseWhen() {
    if (!peek().isWord("when")) {
      throw unexpected("expected WHEN (only CASE WHEN ... THEN ... is supported)");
    }
    List<Expr> conditions = new ArrayList<>();
    List<Expr> results = new ArrayList<>();
    while (acceptWord("when")) {
      conditions.add(expression());
      expectWord("then");
      results.add(expression());
    }
    Expr otherwise = acceptWord("else") ? expression() : null;
    expectWord("end");
    return new Expr.Case(conditions, results, otherwise);
  }
}
