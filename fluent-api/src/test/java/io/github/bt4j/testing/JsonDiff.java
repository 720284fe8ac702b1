package io.github.bt4j.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the differences between two JSON values, each with its JSON pointer, so that a failing test
 * says exactly which field was lost or changed. Shared by the contract tests and the
 * generated-model guards.
 */
public final class JsonDiff {
  /** What counts as the same value. */
  public enum Tolerance {
    /** The same JSON: same members, same strings, numbers with the same text. */
    STRICT,
    /**
     * Also the same: numbers of equal value written differently ({@code 1E+3} and {@code 1000}),
     * date-times of the same instant and offset written differently ({@code ...:00.0Z} and {@code
     * ...:00Z}), and a member whose value is null and no member at all, on either side. The client
     * writes numbers and date-times in a canonical form and leaves null members out; a typed model
     * cannot tell null from absent, so nothing the caller can read is lost.
     */
    SAME_VALUE,
    /**
     * Only the spelling may differ: numbers of equal value written differently and date-times of
     * the same instant and offset written differently; a null member and an absent one differ. What
     * a lossless model read and written back must meet.
     */
    FORMAT_ONLY
  }

  private final Tolerance tolerance;
  private final List<String> differences = new ArrayList<>();

  private JsonDiff(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  /** The differences from {@code expected} to {@code actual}; empty if they are the same. */
  public static List<String> between(
      JsonElement expected, JsonElement actual, Tolerance tolerance) {
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
    Set<String> keys = new LinkedHashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      String child = pointer + "/" + escape(key);
      JsonElement e = present(expected.get(key));
      JsonElement a = present(actual.get(key));
      if (e == null && a == null) {
        continue;
      }
      if (a == null) {
        differences.add(child + ": lost (was " + e + ")");
      } else if (e == null) {
        differences.add(child + ": added " + a);
      } else {
        compare(child, e, a);
      }
    }
  }

  /** A member's value, or null where it counts as absent: missing, or null under SAME_VALUE. */
  private JsonElement present(JsonElement value) {
    return value == null || (tolerance == Tolerance.SAME_VALUE && value.isJsonNull())
        ? null
        : value;
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
      if (tolerance != Tolerance.STRICT) {
        return new BigDecimal(expected.getAsString())
                .compareTo(new BigDecimal(actual.getAsString()))
            == 0;
      }
      return expected.getAsString().equals(actual.getAsString());
    }
    if (expected.isString() && actual.isString()) {
      String e = expected.getAsString();
      String a = actual.getAsString();
      return e.equals(a) || (tolerance != Tolerance.STRICT && sameDateTime(e, a));
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
