package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a structured BTQL query (a JSON object), the form the API guide paginates datasets with:
 * {@code {"from": {"op": "function", "name": {"op": "ident", "name": ["dataset"]}, "args": [{"op":
 * "literal", "value": "<id>"}]}, "select": [{"op": "star"}], "limit": 100, "cursor": null}}. See
 * {@link io.github.bt4j.testing.FakeBraintrust} for the expression nodes it knows.
 */
final class BtqlJsonReader {
  private static final Set<String> KEYS =
      Set.of("from", "select", "measures", "filter", "limit", "cursor");
  private static final Map<String, String> COMPARISONS =
      Map.of("eq", "=", "ne", "!=", "lt", "<", "le", "<=", "gt", ">", "ge", ">=");
  private static final Map<String, String> ARITHMETIC =
      Map.of("add", "+", "sub", "-", "mul", "*", "div", "/");

  private BtqlJsonReader() {}

  static BtqlQuery read(JsonObject query) {
    for (String key : query.keySet()) {
      if (!KEYS.contains(key)) {
        throw ApiError.badRequest(
            "query." + key + " is not supported by the fake Braintrust (supported: " + KEYS + ")");
      }
    }
    JsonArray select = JsonValues.optArray(query, "select", "query.select");
    JsonArray measures = JsonValues.optArray(query, "measures", "query.measures");
    if (select != null && measures != null) {
      throw ApiError.badRequest("query.select and query.measures together need dimensions");
    }
    List<BtqlQuery.Column> columns =
        measures != null ? columns(measures, false) : select != null ? columns(select, true) : null;
    if (select == null && measures == null) {
      throw ApiError.badRequest("the query needs select or measures");
    }
    JsonElement filter = query.get("filter");
    return BtqlQuery.of(
        source(JsonValues.optObject(query, "from", "query.from")),
        columns,
        JsonValues.isNull(filter) ? null : expr(filter),
        JsonValues.optLimit(query, "limit", "query.limit"),
        JsonValues.optString(query, "cursor", "query.cursor"));
  }

  private static BtqlQuery.Source source(JsonObject from) {
    if (from == null) {
      return null;
    }
    if (!"function".equals(JsonValues.optString(from, "op", "query.from.op"))) {
      throw ApiError.badRequest("query.from must be a function node: {\"op\": \"function\", ...}");
    }
    String name = identName(JsonValues.optObject(from, "name", "query.from.name"));
    EventObject type = EventObject.byPath(name.toLowerCase(Locale.ROOT));
    if (type == null) {
      throw ApiError.badRequest(
          "query.from: unknown source " + name + " (experiment, dataset or project_logs)");
    }
    JsonArray args = JsonValues.optArray(from, "args", "query.from.args");
    if (args == null || args.size() != 1) {
      throw ApiError.badRequest("query.from.args must hold the object id as one literal");
    }
    JsonObject id = JsonValues.object(args.get(0), "query.from.args[0]");
    if (!"literal".equals(JsonValues.optString(id, "op", "query.from.args[0].op"))) {
      throw ApiError.badRequest("query.from.args[0] must be a literal node");
    }
    String shape = JsonValues.optString(from, "shape", "query.from.shape");
    return new BtqlQuery.Source(
        type,
        JsonValues.optString(id, "value", "query.from.args[0].value"),
        shape != null && ExprParser.shape(shape));
  }

  private static List<BtqlQuery.Column> columns(JsonArray list, boolean starAllowed) {
    List<BtqlQuery.Column> columns = new ArrayList<>();
    for (JsonElement item : list) {
      JsonObject column = JsonValues.object(item, "a select/measures entry");
      if (starAllowed && "star".equals(JsonValues.optString(column, "op", "op"))) {
        if (list.size() != 1) {
          throw ApiError.badRequest("a star selects every field and takes no other columns");
        }
        return null;
      }
      JsonElement expr = column.get("expr");
      if (JsonValues.isNull(expr)) {
        throw ApiError.badRequest("a select/measures entry needs {\"alias\": ..., \"expr\": ...}");
      }
      columns.add(BtqlQuery.Column.of(expr(expr), JsonValues.optString(column, "alias", "alias")));
    }
    return columns;
  }

  /** An expression node. */
  static Expr expr(JsonElement element) {
    JsonObject node = JsonValues.object(element, "an expression node");
    String btql = JsonValues.optString(node, "btql", "btql");
    if (btql != null) {
      ExprParser p = new ExprParser(BtqlLexer.tokens(btql));
      Expr e = p.expression();
      if (!p.atEnd()) {
        throw p.unexpected("expected the end of the expression");
      }
      return e;
    }
    String op = JsonValues.optString(node, "op", "op");
    if (op == null) {
      throw ApiError.badRequest("an expression node needs \"op\" (or \"btql\"): " + node);
    }
    if (COMPARISONS.containsKey(op)) {
      return new Expr.Compare(COMPARISONS.get(op), side(node, "left"), side(node, "right"));
    }
    if (ARITHMETIC.containsKey(op)) {
      return new Expr.Arithmetic(ARITHMETIC.get(op), side(node, "left"), side(node, "right"));
    }
    return switch (op) {
      case "literal" -> new Expr.Literal(node.get("value"));
      case "ident" -> new Expr.Field(names(node));
      case "and", "or" -> logic(op.toUpperCase(Locale.ROOT), node);
      case "not" -> new Expr.Not(side(node, "expr"));
      case "isnull" -> new Expr.IsNull(side(node, "expr"), false);
      case "isnotnull" -> new Expr.IsNull(side(node, "expr"), true);
      case "function" -> aggregate(node);
      default -> throw ApiError.badRequest("the expression op '" + op + "' is not supported");
    };
  }

  private static Expr side(JsonObject node, String key) {
    JsonElement side = node.get(key);
    if (JsonValues.isNull(side)) {
      throw ApiError.badRequest("the " + node.get("op") + " node needs \"" + key + "\"");
    }
    return expr(side);
  }

  private static Expr logic(String op, JsonObject node) {
    JsonArray children = JsonValues.optArray(node, "children", "children");
    if (children == null) {
      return new Expr.Logic(op, side(node, "left"), side(node, "right"));
    }
    if (children.isEmpty()) {
      throw ApiError.badRequest("the " + op + " node needs children");
    }
    Expr result = expr(children.get(0));
    for (int i = 1; i < children.size(); i++) {
      result = new Expr.Logic(op, result, expr(children.get(i)));
    }
    return result;
  }

  private static Expr aggregate(JsonObject node) {
    String name =
        identName(JsonValues.optObject(node, "name", "function name")).toLowerCase(Locale.ROOT);
    if (!ExprParser.AGGREGATES.contains(name)) {
      throw ApiError.badRequest(
          "unsupported function " + name + "; supported: " + ExprParser.AGGREGATES);
    }
    JsonArray args = JsonValues.optArray(node, "args", "args");
    if (args == null || args.size() > 1) {
      throw ApiError.badRequest("the function " + name + " takes one argument");
    }
    JsonObject first = args.isEmpty() ? null : JsonValues.object(args.get(0), "args[0]");
    if (first == null || "star".equals(JsonValues.optString(first, "op", "op"))) {
      if (!name.equals("count")) {
        throw ApiError.badRequest(name + "(*) is not a function; only count(*) is");
      }
      return new Expr.Aggregate(name, null);
    }
    return new Expr.Aggregate(name, expr(first));
  }

  private static String identName(JsonObject ident) {
    List<String> names = ident == null ? List.of() : names(ident);
    if (names.size() != 1) {
      throw ApiError.badRequest("expected an ident node with one name");
    }
    return names.get(0);
  }

  private static List<String> names(JsonObject ident) {
    JsonArray name = JsonValues.optArray(ident, "name", "ident.name");
    if (name == null || name.isEmpty()) {
      throw ApiError.badRequest("an ident node needs \"name\": [\"field\", ...]");
    }
    List<String> path = new ArrayList<>();
    name.forEach(n -> path.add(n.getAsString()));
    return path;
  }
}
