package io.github.bt4j.proxy;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.JsonAdapter;
import io.github.bt4j.internal.Validation;

/**
 * One part of a message whose content is a list of parts: text, or an image by URL (a web address
 * or a {@code data:} URL). Parts other providers define (audio, files) come in through {@link
 * #fromJson(Object)}. Immutable.
 */
@JsonAdapter(JsonBacked.Adapter.class)
public final class ChatContentPart extends JsonBacked {

  private ChatContentPart(JsonObject json) {
    super(json);
  }

  /**
   * A text part: {@code {"type":"text","text":...}}.
   *
   * @param text the text
   * @return the part
   * @throws IllegalArgumentException if {@code text} is null
   */
  public static ChatContentPart text(String text) {
    return new ChatContentPart(typed("text", new JsonPrimitive(Validation.required(text, "text"))));
  }

  /**
   * An image part: {@code {"type":"image_url","image_url":{"url":...}}}.
   *
   * @param url the image's address, or a {@code data:image/...;base64,} URL
   * @return the part
   * @throws IllegalArgumentException if {@code url} is null or blank
   */
  public static ChatContentPart imageUrl(String url) {
    return image(url, null);
  }

  /**
   * An image part with a level of detail.
   *
   * @param url the image's address, or a {@code data:image/...;base64,} URL
   * @param detail {@code auto}, {@code low} or {@code high}
   * @return the part
   * @throws IllegalArgumentException if an argument is null or blank
   */
  public static ChatContentPart imageUrl(String url, String detail) {
    return image(url, Validation.notBlank(detail, "detail"));
  }

  private static ChatContentPart image(String url, String detail) {
    return new ChatContentPart(
        typed("image_url", json("url", Validation.notBlank(url, "url"), "detail", detail)));
  }

  /**
   * A part of any other shape, given as JSON: a {@code JsonObject}, a {@code Map} or any object the
   * library's JSON writes as an object with a {@code type}.
   *
   * @param part the part; copied, so later changes to it are not seen
   * @return the part
   * @throws IllegalArgumentException if {@code part} is not a JSON object with a string {@code
   *     type}
   */
  public static ChatContentPart fromJson(Object part) {
    return new ChatContentPart(object(part, "part", "type"));
  }
}
