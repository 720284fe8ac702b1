package io.github.bt4j.internal.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an error body says: the server's message and, if it gave one, its error code. Servers word
 * errors in many shapes; this finds the message in each:
 *
 * <ul>
 *   <li>JSON objects, keys matched case-insensitively: {@code {"message": ..}} first, then {@code
 *       {"msg": ..}}, {@code {"error": ..}}, {@code {"detail": ..}}; a value that is itself an
 *       object (such as {@code {"error": {"message": .., "code": ..}}}) is searched the same way, a
 *       list (FastAPI's {@code {"detail": [{"loc": [..], "msg": ..}]}}, zod's issues) gives its
 *       items' messages joined by {@code "; "}; a message beside a {@code loc} or {@code path} list
 *       is prefixed with that location;
 *   <li>the code is the {@code code}, else the {@code type}, of the innermost object that has one
 *       on the way to the message ({@code {"Code": "ForbiddenError", "Message": ..}}, OpenAI's
 *       {@code {"error": {"type": ..}}}); a list gives its item's code only if it has one item;
 *   <li>a JSON value followed by text (the API's {@code text/plain} validation errors: a zod issue
 *       list, then {@code [user_email=..] [request_id=..]}): the message of the JSON, then the
 *       text;
 *   <li>a JSON string (the data of a stream's error event) is its text;
 *   <li>anything else, JSON without a message field included, is the message as it is.
 * </ul>
 *
 * @param message the message; empty for a blank body, never null
 * @param code the error code, or null
 */
public record ErrorBody(String message, String code) {
  /** Deeper nesting than this is not searched: a message is never buried that deep. */
  private static final int MAX_DEPTH = 8;

  private static final List<String> MESSAGE_KEYS = List.of("message", "msg", "error", "detail");
  private static final List<String> LOCATION_KEYS = List.of("loc", "path");
  private static final List<String> CODE_KEYS = List.of("code", "type");

  /**
   * The message and code of {@code body}.
   *
   * @param body an error body or error event data
   * @return what it says; an empty message for a blank body, never null
   */
  public static ErrorBody parse(String body) {
    String text = body.strip();
    // A JSON string is the whole body; an object or array may be followed by text.
    int end =
        text.startsWith("\"")
            ? text.length()
            : text.startsWith("{") || text.startsWith("[") ? endOfLeadingJson(text) : -1;
    JsonElement json = end < 0 ? null : parseStrictly(text.substring(0, end));
    ErrorBody found = json == null ? null : find(json, 0);
    if (found == null) {
      return new ErrorBody(text, null);
    }
    String rest = text.substring(end).strip();
    return rest.isEmpty() ? found : new ErrorBody(found.message + " " + rest, found.code);
  }

  /** The message (and code) in {@code json}, or null if it has none. */
  private static ErrorBody find(JsonElement json, int depth) {
    if (depth > MAX_DEPTH || json == null || json.isJsonNull()) {
      return null;
    }
    if (json.isJsonPrimitive()) {
      String text = json.getAsString().strip();
      return text.isEmpty() ? null : new ErrorBody(text, null);
    }
    if (json.isJsonArray()) {
      return fromList(json.getAsJsonArray(), depth);
    }
    JsonObject object = json.getAsJsonObject();
    String code = codeOf(object);
    for (String key : MESSAGE_KEYS) {
      JsonElement value = get(object, key);
      ErrorBody found = find(value, depth + 1);
      if (found != null && value.isJsonPrimitive()) {
        String location = locationOf(object); // a validation issue's {"loc" or "path": [..]}
        return new ErrorBody(
            location.isEmpty() ? found.message : location + ": " + found.message, code);
      }
      if (found != null) {
        return found.code != null ? found : new ErrorBody(found.message, code);
      }
      if (value != null && value.isJsonObject() && !value.getAsJsonObject().isEmpty()) {
        // Something the server meant as the error, in no shape we know: show it whole.
        return new ErrorBody(value.toString(), code);
      }
    }
    return null;
  }

  private static ErrorBody fromList(JsonArray items, int depth) {
    List<String> messages = new ArrayList<>();
    String code = null;
    for (JsonElement item : items) {
      // A list of numbers is data, not messages.
      boolean number = item.isJsonPrimitive() && !item.getAsJsonPrimitive().isString();
      ErrorBody found = number ? null : find(item, depth + 1);
      if (found != null) {
        messages.add(found.message);
        code = found.code;
      }
    }
    if (messages.isEmpty()) {
      return null;
    }
    return new ErrorBody(String.join("; ", messages), items.size() == 1 ? code : null);
  }

  private static String locationOf(JsonObject item) {
    for (String key : LOCATION_KEYS) {
      JsonElement value = get(item, key);
      if (value != null && value.isJsonArray()) {
        return value.getAsJsonArray().asList().stream()
            .map(part -> part.isJsonPrimitive() ? part.getAsString() : part.toString())
            .collect(Collectors.joining("."));
      }
    }
    return "";
  }

  private static String codeOf(JsonObject object) {
    for (String key : CODE_KEYS) {
      JsonElement value = get(object, key);
      if (value != null && value.isJsonPrimitive() && !value.getAsString().isBlank()) {
        return value.getAsString().strip();
      }
    }
    return null;
  }

  /**
   * The member named {@code key} in any letter case ({@code Message} as well as {@code message}).
   */
  private static JsonElement get(JsonObject object, String key) {
    for (Map.Entry<String, JsonElement> member : object.entrySet()) {
      if (member.getKey().equalsIgnoreCase(key)) {
        return member.getValue();
      }
    }
    return null;
  }

  /**
   * The index just past the JSON object or array {@code text} starts with, found by matching
   * brackets outside strings; -1 if the brackets never close.
   */
  private static int endOfLeadingJson(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Strict JSON only, so that text such as {@code [WARN] ...} is not read as an array. */
  private static JsonElement parseStrictly(String json) {
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = JsonParser.parseReader(reader);
      return reader.peek() == JsonToken.END_DOCUMENT ? element : null;
    } catch (RuntimeException | IOException notJson) {
      return null;
    }
  }
}
