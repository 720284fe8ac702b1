package io.github.bt4j.proxy;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.JsonAdapter;
import io.github.bt4j.internal.Validation;

/** Whether and which tool the model must call ({@code tool_choice}). Immutable. */
@JsonAdapter(JsonBacked.Adapter.class)
public final class ChatToolChoice extends JsonBacked {

  private ChatToolChoice(JsonElement json) {
    super(json);
  }

  /**
   * The model decides whether to call a tool: {@code "auto"}, the default when tools are given.
   *
   * @return the choice
   */
  public static ChatToolChoice auto() {
    return new ChatToolChoice(new JsonPrimitive("auto"));
  }

  /**
   * The model calls no tool: {@code "none"}.
   *
   * @return the choice
   */
  public static ChatToolChoice none() {
    return new ChatToolChoice(new JsonPrimitive("none"));
  }

  /**
   * The model calls at least one tool: {@code "required"}.
   *
   * @return the choice
   */
  public static ChatToolChoice required() {
    return new ChatToolChoice(new JsonPrimitive("required"));
  }

  /**
   * The model calls this function: {@code {"type":"function","function":{"name":...}}}.
   *
   * @param name the function's name
   * @return the choice
   * @throws IllegalArgumentException if {@code name} is null or blank
   */
  public static ChatToolChoice function(String name) {
    return new ChatToolChoice(typed("function", json("name", Validation.notBlank(name, "name"))));
  }

  /** Reads a choice from its JSON: a string such as {@code "auto"}, or an object with a type. */
  static ChatToolChoice read(JsonElement json) {
    if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
      return new ChatToolChoice(json.deepCopy());
    }
    return new ChatToolChoice(object(json, "toolChoice", "type"));
  }
}
