package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;

/** The deterministic "model" behind the fake's functions and chat completions: an echo. */
final class EchoText {
  private EchoText() {}

  /** A value as text: strings as they are, anything else as JSON. */
  static String of(JsonElement value) {
    if (JsonValues.isNull(value)) {
      return "";
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      return value.getAsString();
    }
    return JsonValues.GSON.toJson(value);
  }

  /** {@code text} cut into words, each with the spaces after it: what a stream sends. */
  static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      boolean boundary =
          i == text.length()
              || (Character.isWhitespace(text.charAt(i - 1))
                  && !Character.isWhitespace(text.charAt(i)));
      if (boundary) {
        pieces.add(text.substring(start, i));
        start = i;
      }
    }
    return pieces;
  }
}
