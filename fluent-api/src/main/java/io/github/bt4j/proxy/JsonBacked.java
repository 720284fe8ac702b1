package io.github.bt4j.proxy;

import com.google.gson.JsonElement;
import io.github.bt4j.internal.json.Json;

/**
 * A value of a chat request that is its JSON: built once, never changed, written as it is. Equal
 * values have equal JSON.
 */
abstract class JsonBacked {
  private static final int SHOWN_CHARS = 200;

  private final JsonElement json;

  JsonBacked(JsonElement json) {
    this.json = json;
  }

  /** The JSON; callers must not change it. */
  final JsonElement json() {
    return json;
  }

  /**
   * This value as the JSON the OpenAI chat API takes, as the client sends it.
   *
   * @return the JSON text
   */
  public String toJson() {
    return Json.gson().toJson(json);
  }

  /**
   * Whether {@code other} is a value of the same type with the same JSON.
   *
   * @param other the other object
   * @return true when equal
   */
  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && ((JsonBacked) other).json.equals(json);
  }

  /**
   * A hash of the JSON.
   *
   * @return the hash code
   */
  @Override
  public final int hashCode() {
    return json.hashCode();
  }

  /**
   * The type and the start of the JSON, for logs; long prompts and images are cut short.
   *
   * @return the description
   */
  @Override
  public String toString() {
    String text = toJson();
    if (text.length() > SHOWN_CHARS) {
      text = text.substring(0, SHOWN_CHARS) + "...(" + text.length() + " chars)";
    }
    return getClass().getSimpleName() + text;
  }
}
