package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of the supported SQL/BTQL subset, and how it evaluates. Values are JSON; Java null
 * stands for SQL NULL (a missing field and a JSON null alike). Comparisons and arithmetic with
 * NULL, or between values of different types, give NULL; a filter keeps a row only when it
 * evaluates to true.
 */
sealed interface Expr {
  /** Where fields and aggregates get their values: one row, or a group of rows. */
  interface Context {
    JsonElement field(List<String> path);

    JsonElement aggregate(Aggregate aggregate);
  }

  JsonElement eval(Context context);

  /** The direct sub-expressions. */
  List<Expr> children();

  /** Whether an aggregate occurs anywhere in this expression. */
  default boolean hasAggregate() {
    return this instanceof Aggregate || children().stream().anyMatch(Expr::hasAggregate);
  }

  /** A field used outside any aggregate, or null. */
  default Field fieldOutsideAggregate() {
    if (this instanceof Field field) {
      return field;
    }
    if (this instanceof Aggregate) {
      return null;
    }
    for (Expr child : children()) {
      Field found = child.fieldOutsideAggregate();
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A constant. */
  record Literal(JsonElement value) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      return JsonValues.isNull(value) ? null : value;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public String toString() {
      if (JsonValues.isNull(value)) {
        return "NULL";
      }
      return value.getAsJsonPrimitive().isString()
          ? "'" + value.getAsString().replace("'", "''") + "'"
          : value.toString();
    }
  }

  /** A field of the row, by path: {@code metadata.orgName}, {@code scores."response quality"}. */
  record Field(List<String> path) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      return context.field(path);
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    /** The default column name: the last step of the path. */
    String name() {
      return path.get(path.size() - 1);
    }

    @Override
    public String toString() {
      return path.stream()
          .map(p -> p.matches("[A-Za-z_][A-Za-z0-9_]*") ? p : '"' + p.replace("\"", "\"\"") + '"')
          .collect(Collectors.joining("."));
    }
  }

  /** {@code =, !=, <>, <, <=, >, >=}. */
  record Compare(String op, Expr left, Expr right) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      Boolean result = SqlValues.compare(op, left.eval(context), right.eval(context));
      return result == null ? null : new JsonPrimitive(result);
    }

    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }

    @Override
    public String toString() {
      return "(" + left + " " + op + " " + right + ")";
    }
  }

  /** {@code AND} or {@code OR}, with SQL's three-valued logic. */
  record Logic(String op, Expr left, Expr right) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      Boolean l = SqlValues.truth(left.eval(context));
      Boolean r = SqlValues.truth(right.eval(context));
      boolean and = op.equals("AND");
      Boolean decisive = !and;
      if (decisive.equals(l) || decisive.equals(r)) {
        return new JsonPrimitive(decisive);
      }
      return l == null || r == null ? null : new JsonPrimitive(!decisive);
    }

    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }

    @Override
    public String toString() {
      return "(" + left + " " + op + " " + right + ")";
    }
  }

  /** {@code NOT}. */
  record Not(Expr operand) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      Boolean b = SqlValues.truth(operand.eval(context));
      return b == null ? null : new JsonPrimitive(!b);
    }

    @Override
    public List<Expr> children() {
      return List.of(operand);
    }

    @Override
    public String toString() {
      return "NOT " + operand;
    }
  }

  /** {@code IS NULL} or {@code IS NOT NULL}. */
  record IsNull(Expr operand, boolean negated) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      boolean isNull = operand.eval(context) == null;
      return new JsonPrimitive(isNull != negated);
    }

    @Override
    public List<Expr> children() {
      return List.of(operand);
    }

    @Override
    public String toString() {
      return operand + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /** {@code + - * /} on numbers. */
  record Arithmetic(String op, Expr left, Expr right) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      return SqlValues.arithmetic(op, left.eval(context), right.eval(context));
    }

    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }

    @Override
    public String toString() {
      return "(" + left + " " + op + " " + right + ")";
    }
  }

  /** {@code CASE WHEN c THEN v ... [ELSE e] END}. */
  record Case(List<Expr> conditions, List<Expr> results, Expr otherwise) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      for (int i = 0; i < conditions.size(); i++) {
        if (Boolean.TRUE.equals(SqlValues.truth(conditions.get(i).eval(context)))) {
          return results.get(i).eval(context);
        }
      }
      return otherwise == null ? null : otherwise.eval(context);
    }

    @Override
    public List<Expr> children() {
      List<Expr> all = new ArrayList<>(conditions);
      all.addAll(results);
      if (otherwise != null) {
        all.add(otherwise);
      }
      return all;
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("CASE");
      for (int i = 0; i < conditions.size(); i++) {
        s.append(" WHEN ").append(conditions.get(i)).append(" THEN ").append(results.get(i));
      }
      if (otherwise != null) {
        s.append(" ELSE ").append(otherwise);
      }
      return s.append(" END").toString();
    }
  }

  /**
   * {@code count, sum, avg, min, max} over the rows of a group; {@code argument} is null for {@code
   * count(*)}.
   */
  record Aggregate(String function, Expr argument) implements Expr {
    @Override
    public JsonElement eval(Context context) {
      return context.aggregate(this);
    }

    @Override
    public List<Expr> children() {
      return argument == null ? List.of() : List.of(argument);
    }

    @Override
    public String toString() {
      return function + "(" + (argument == null ? "*" : argument.toString()) + ")";
    }
  }
}
