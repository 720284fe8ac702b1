package io.github.bt4j.proxy;

import com.google.gson.JsonObject;
import com.google.gson.annotations.JsonAdapter;
import io.github.bt4j.internal.Validation;

/**
 * A tool the model may call: a function with a name, a description and its parameters as a JSON
 * schema. Tools of other shapes come in through {@link #fromJson(Object)}. Immutable.
 *
 * <pre>{@code
 * ChatTool weather = ChatTool.function("get_weather", "Get weather for a location", Map.of(
 *     "type", "object",
 *     "properties", Map.of("location", Map.of("type", "string")),
 *     "required", List.of("location")));
 * }</pre>
 */
@JsonAdapter(JsonBacked.Adapter.class)
public final class ChatTool extends JsonBacked {

  private ChatTool(JsonObject json) {
    super(json);
  }

  /**
   * A function tool: {@code {"type":"function","function":{"name","description","parameters"}}}.
   *
   * @param name the function name the model calls it by
   * @param description what the function does, for the model; null for none
   * @param parameters the JSON schema of its arguments: a {@code Map}, a {@code JsonObject} or any
   *     object the library's JSON writes as an object, copied; null for a function without
   *     parameters
   * @return the tool
   * @throws IllegalArgumentException if {@code name} is null or blank, or {@code parameters} is not
   *     a JSON object
   */
  public static ChatTool function(String name, String description, Object parameters) {
    return new ChatTool(
        json(
            "type",
            "function",
            "function",
            json(
                "name",
                Validation.notBlank(name, "name"),
                "description",
                description,
                "parameters",
                parameters == null ? null : object(parameters, "parameters", null))));
  }

  /**
   * A tool of any other shape, given as JSON: a {@code JsonObject}, a {@code Map} or any object the
   * library's JSON writes as an object with a {@code type}.
   *
   * @param tool the tool; copied, so later changes to it are not seen
   * @return the tool
   * @throws IllegalArgumentException if {@code tool} is not a JSON object with a string {@code
   *     type}
   */
  public static ChatTool fromJson(Object tool) {
    return new ChatTool(object(tool, "tool", "type"));
  }
}
