package io.github.bt4j.proxy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.JsonAdapter;
import io.github.bt4j.internal.Validation;

/** The form the answer must take ({@code response_format}): text, any JSON, or a schema. */
@JsonAdapter(JsonBacked.Adapter.class)
public final class ChatResponseFormat extends JsonBacked {

  private ChatResponseFormat(JsonObject json) {
    super(json);
  }

  /**
   * Plain text: {@code {"type":"text"}}, the default.
   *
   * @return the format
   */
  public static ChatResponseFormat text() {
    return new ChatResponseFormat(json("type", "text"));
  }

  /**
   * Any valid JSON: {@code {"type":"json_object"}}. The messages must ask for JSON too.
   *
   * @return the format
   */
  public static ChatResponseFormat jsonObject() {
    return new ChatResponseFormat(json("type", "json_object"));
  }

  /**
   * JSON matching a schema (structured outputs): {@code {"type":"json_schema","json_schema":
   * {"name","schema","strict"}}}.
   *
   * @param name a name for the schema
   * @param schema the JSON schema: a {@code Map}, a {@code JsonObject} or any object the library's
   *     JSON writes as an object, copied
   * @param strict whether the model must follow the schema exactly
   * @return the format
   * @throws IllegalArgumentException if {@code name} is null or blank, or {@code schema} is not a
   *     JSON object
   */
  public static ChatResponseFormat jsonSchema(String name, Object schema, boolean strict) {
    return new ChatResponseFormat(
        typed(
            "json_schema",
            json(
                "name", Validation.notBlank(name, "name"),
                "schema", object(schema, "schema", null),
                "strict", strict)));
  }

  /** Reads a format from its JSON: an object with a type. */
  static ChatResponseFormat read(JsonElement json) {
    return new ChatResponseFormat(object(json, "responseFormat", "type"));
  }
}
