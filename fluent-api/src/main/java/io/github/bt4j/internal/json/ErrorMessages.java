package io.github.bt4j.internal.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

/** Finds the human-readable message in the data of an error event. */
public final class ErrorMessages {
  private ErrorMessages() {}

  /**
   * The message in error event data: a JSON string, an object with a {@code message}, an object
   * with an {@code error} that is either of those, or failing all that the data as it is.
   *
   * @param data the event data
   * @return the message, never null
   */
  public static String fromData(String data) {
    try {
      String message = messageIn(Json.gson().fromJson(data, JsonElement.class));
      return message != null ? message : data;
    } catch (JsonParseException e) {
      return data;
    }
  }

  private static String messageIn(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return null;
    }
    if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
      return element.getAsString();
    }
    if (element.isJsonObject()) {
      JsonObject object = element.getAsJsonObject();
      String message = messageIn(object.get("message"));
      return message != null ? message : messageIn(object.get("error"));
    }
    return null;
  }
}
