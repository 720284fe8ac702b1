package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** SQL's rules for comparing, combining and testing JSON values (null is SQL NULL). */
final class SqlValues {
  private SqlValues() {}

  /** The result of {@code left op right}: null when either side is NULL or they do not compare. */
  static Boolean compare(String op, JsonElement left, JsonElement right) {
    if (left == null || right == null) {
      return null;
    }
    Integer order = order(left, right);
    switch (op) {
      case "=":
        return order != null ? order == 0 : left.equals(right);
      case "!=":
      case "<>":
        return order != null ? order != 0 : !left.equals(right);
      default:
        if (order == null) {
          return null;
        }
        return switch (op) {
          case "<" -> order < 0;
          case "<=" -> order <= 0;
          case ">" -> order > 0;
          case ">=" -> order >= 0;
          default -> throw new IllegalArgumentException(op);
        };
    }
  }

  /** How two numbers, two strings or two booleans compare; null for other pairs. */
  private static Integer order(JsonElement a, JsonElement b) {
    if (!a.isJsonPrimitive() || !b.isJsonPrimitive()) {
      return null;
    }
    JsonPrimitive x = a.getAsJsonPrimitive();
    JsonPrimitive y = b.getAsJsonPrimitive();
    if (x.isNumber() && y.isNumber()) {
      return Double.compare(x.getAsDouble(), y.getAsDouble());
    }
    if (x.isString() && y.isString()) {
      return x.getAsString().compareTo(y.getAsString());
    }
    if (x.isBoolean() && y.isBoolean()) {
      return Boolean.compare(x.getAsBoolean(), y.getAsBoolean());
    }
    return null;
  }

  /** A value as a condition: true, false, or null for NULL and anything that is not a boolean. */
  static Boolean truth(JsonElement v) {
    if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
      return v.getAsBoolean();
    }
    return null;
  }

  /** A value as a number to add up: numbers as they are, booleans as 1 or 0, else null. */
  static Double number(JsonElement v) {
    if (v == null || !v.isJsonPrimitive()) {
      return null;
    }
    JsonPrimitive p = v.getAsJsonPrimitive();
    if (p.isNumber()) {
      return p.getAsDouble();
    }
    if (p.isBoolean()) {
      return p.getAsBoolean() ? 1.0 : 0.0;
    }
    return null;
  }

  /** {@code left op right} on numbers; null for NULL, non-numbers and division by zero. */
  static JsonElement arithmetic(String op, JsonElement left, JsonElement right) {
    if (left == null || right == null) {
      return null;
    }
    if (!left.isJsonPrimitive() || !left.getAsJsonPrimitive().isNumber()) {
      return null;
    }
    if (!right.isJsonPrimitive() || !right.getAsJsonPrimitive().isNumber()) {
      return null;
    }
    double a = left.getAsDouble();
    double b = right.getAsDouble();
    return switch (op) {
      case "+" -> JsonValues.number(a + b);
      case "-" -> JsonValues.number(a - b);
      case "*" -> JsonValues.number(a * b);
      case "/" -> b == 0 ? null : JsonValues.number(a / b);
      default -> throw new IllegalArgumentException(op);
    };
  }
}
