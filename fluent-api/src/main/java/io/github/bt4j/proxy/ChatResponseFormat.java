package io.github.bt4j.proxy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.JsonAdapter;
import io.github.bt4j.internal.Validation;

/** The form the answer must take ({@code response_format}): text, any JSON, or a schema. */
@JsonAdapter(ChatJsonAdapters.class)
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
    return ofType("text");
  }

  /**
   * Any valid JSON: {@code {"type":"json_object"}}. The messages must ask for JSON too.
   *
   * @return the format
   */
  public static ChatResponseFormat jsonObject() {
    return ofType("json_object");
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
    JsonObject jsonSchema = new JsonObject();
    jsonSchema.addProperty("name", Validation.notBlank(name, "name"));
    jsonSchema.add("schema", ChatArgs.object(schema, "schema"));
    jsonSchema.addProperty("strict", strict);
    JsonObject json = typed("json_schema");
    json.add("json_schema", jsonSchema);
    return new ChatResponseFormat(json);
  }

  private static ChatResponseFormat ofType(String type) {
    return new ChatResponseFormat(typed(type));
  }

  private static JsonObject typed(String type) {
    JsonObject json = new JsonObject();
    json.addProperty("type", type);
    return json;
  }

  /** Reads a format from its JSON: an object with a type. */
  static ChatResponseFormat read(JsonElement json) {
    return new ChatResponseFormat(ChatArgs.objectWith(json, "responseFormat", "type"));
  }
}
