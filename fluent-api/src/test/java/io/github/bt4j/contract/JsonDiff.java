package io.github.bt4j.contract;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists the differences between two JSON values, each with its JSON pointer, so that a failing
 * contract test says exactly which field was lost or changed.
 */
final class JsonDiff {
  /** What counts as the same value. */
  enum Tolerance {
    /** The same JSON: same members, same strings, numbers with the same text. */
    STRICT,
    /**
     * Also the same: numbers of equal value written differently ({@code 1E+3} and {@code 1000}),
     * date-times of the same instant and offset written differently ({@code ...:00.0Z} and {@code
     * ...:00Z}), and a member whose value is null and no member at all. The client writes numbers
     * and date-times in a canonical form and leaves null members out; a typed model cannot tell
     * null from absent, so nothing the caller can read is lost.
     */
    SAME_VALUE
  }

  private final Tolerance tolerance;
  private final List<String> differences = new ArrayList<>();

  private JsonDiff(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  /** The differences from {@code expected} to {@code actual}; empty if they are the same. */
  static List<String> between(JsonElement expected, JsonElement actual, Tolerance tolerance) {
    JsonDiff diff = new JsonDiff(tolerance);
    diff.compare("", expected, actual);
    return diff.differences;
  }

  private void compare(String pointer, JsonElement expected, JsonElement actual) {
    String at = pointer.isEmpty() ? "/" : pointer;
    if (expected.isJsonObject() && actual.isJsonObject()) {
      compareObjects(pointer, expected.getAsJsonObject(), actual.getAsJsonObject());
    } else if (expected.isJsonArray() && actual.isJsonArray()) {
      compareArrays(pointer, expected.getAsJsonArray(), actual.getAsJsonArray());
    } else if (expected.isJsonPrimitive() && actual.isJsonPrimitive()) {
      if (!samePrimitive(expected.getAsJsonPrimitive(), actual.getAsJsonPrimitive())) {
        differences.add(at + ": expected " + expected + " but was " + actual);
      }
    } else if (!expected.equals(actual)) {
      differences.add(at + ": expected " + expected + " but was " + actual);
    }
  }

  private void compareObjects(String pointer, JsonObject expected, JsonObject actual) {
    for (Map.Entry<String, JsonElement> e : expected.entrySet()) {
      String child = pointer + "/" + escape(e.getKey());
      if (!actual.has(e.getKey())) {
        if (!(tolerance == Tolerance.SAME_VALUE && e.getValue().isJsonNull())) {
          differences.add(child + ": lost (was " + e.getValue() + ")");
        }
      } else {
        compare(child, e.getValue(), actual.get(e.getKey()));
      }
    }
    for (Map.Entry<String, JsonElement> e : actual.entrySet()) {
      if (!expected.has(e.getKey())) {
        differences.add(pointer + "/" + escape(e.getKey()) + ": added " + e.getValue());
      }
    }
  }

  private void compareArrays(String pointer, JsonArray expected, JsonArray actual) {
    if (expected.size() != actual.size()) {
      differences.add(
          (pointer.isEmpty() ? "/" : pointer)
              + ": expected "
              + expected.size()
              + " items but was "
              + actual.size());
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      compare(pointer + "/" + i, expected.get(i), actual.get(i));
    }
  }

  private boolean samePrimitive(JsonPrimitive expected, JsonPrimitive actual) {
    if (expected.isNumber() && actual.isNumber()) {
      if (tolerance == Tolerance.SAME_VALUE) {
        return new BigDecimal(expected.getAsString())
                .compareTo(new BigDecimal(actual.getAsString()))
            == 0;
      }
      return expected.getAsString().equals(actual.getAsString());
    }
    if (expected.isString() && actual.isString()) {
      String e = expected.getAsString();
      String a = actual.getAsString();
      return e.equals(a) || (tolerance == Tolerance.SAME_VALUE && sameDateTime(e, a));
    }
    return expected.equals(actual);
  }

  private static boolean sameDateTime(String expected, String actual) {
    try {
      return OffsetDateTime.parse(expected).equals(OffsetDateTime.parse(actual));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
