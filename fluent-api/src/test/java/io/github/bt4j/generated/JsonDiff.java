package io.github.bt4j.generated;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The differences between two JSON values, one line per JSON pointer. Numbers are equal when their
 * values are ({@code 5} and {@code 5.0}); an object member that is {@code null} counts as absent,
 * because Gson leaves null fields out when it writes.
 */
final class JsonDiff {
  private JsonDiff() {}

  static List<String> between(JsonElement expected, JsonElement actual) {
    List<String> out = new ArrayList<>();
    compare("", expected, actual, out);
    return out;
  }

  private static void compare(
      String at, JsonElement expected, JsonElement actual, List<String> out) {
    boolean expectedAbsent = expected == null || expected.isJsonNull();
    boolean actualAbsent = actual == null || actual.isJsonNull();
    if (expectedAbsent || actualAbsent) {
      if (expectedAbsent != actualAbsent) {
        out.add(pointer(at) + ": expected " + expected + " but was " + describe(actual));
      }
      return;
    }
    if (expected.isJsonObject() && actual.isJsonObject()) {
      JsonObject e = expected.getAsJsonObject();
      JsonObject a = actual.getAsJsonObject();
      Set<String> keys = new LinkedHashSet<>(e.keySet());
      keys.addAll(a.keySet());
      for (String key : keys) {
        compare(at + "/" + key.replace("~", "~0").replace("/", "~1"), e.get(key), a.get(key), out);
      }
    } else if (expected.isJsonArray() && actual.isJsonArray()) {
      JsonArray e = expected.getAsJsonArray();
      JsonArray a = actual.getAsJsonArray();
      if (e.size() != a.size()) {
        out.add(pointer(at) + ": expected " + e.size() + " items but was " + a);
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(at + "/" + i, e.get(i), a.get(i), out);
      }
    } else if (!samePrimitive(expected, actual)) {
      out.add(pointer(at) + ": expected " + expected + " but was " + actual);
    }
  }

  private static boolean samePrimitive(JsonElement expected, JsonElement actual) {
    if (!expected.isJsonPrimitive() || !actual.isJsonPrimitive()) {
      return false;
    }
    JsonPrimitive e = expected.getAsJsonPrimitive();
    JsonPrimitive a = actual.getAsJsonPrimitive();
    if (e.isNumber() && a.isNumber()) {
      return new BigDecimal(e.getAsString()).compareTo(new BigDecimal(a.getAsString())) == 0;
    }
    return e.equals(a);
  }

  private static String pointer(String at) {
    return at.isEmpty() ? "(root)" : at;
  }

  private static String describe(JsonElement actual) {
    return actual == null ? "absent" : actual.toString();
  }
}
