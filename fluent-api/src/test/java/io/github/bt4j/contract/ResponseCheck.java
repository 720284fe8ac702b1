package io.github.bt4j.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.testing.JsonDiff;
import java.lang.reflect.Type;
import java.util.List;

/** Whether a parsed response keeps everything the server sent. */
final class ResponseCheck {
  private ResponseCheck() {}

  /**
   * The differences between the body the server sent and the parsed result written back out with
   * the client's Gson; empty if nothing was lost or changed.
   */
  static List<String> losses(
      String served,
      String mediaType,
      Object result,
      Type returnType,
      JsonDiff.Tolerance tolerance) {
    if (mediaType != null && !mediaType.contains("json")) {
      return served.equals(result)
          ? List.of()
          : List.of(
              "/: served the text " + quote(served) + " but the call returned " + quote(result));
    }
    JsonElement sent = JsonParser.parseString(served);
    if (result == null) {
      return sent.isJsonNull()
          ? List.of()
          : List.of("/: served " + abbreviate(served) + " but the call returned null");
    }
    JsonElement written = BraintrustJson.gson().toJsonTree(result, returnType);
    return JsonDiff.between(sent, written, tolerance);
  }

  private static String quote(Object value) {
    return value == null ? "null" : "\"" + abbreviate(value.toString()) + "\"";
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
