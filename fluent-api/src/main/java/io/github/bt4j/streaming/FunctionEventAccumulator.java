package io.github.bt4j.streaming;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.github.bt4j.internal.json.Json;
import java.lang.reflect.Type;
import java.util.function.Consumer;

/**
 * Folds the events of a function invocation into its final output: the joined text deltas, the
 * joined reasoning deltas, and the joined JSON deltas parsed once at the end. Pass it to {@link
 * ServerSentEventStream#forEach(Consumer)}. Not thread-safe.
 */
public final class FunctionEventAccumulator implements Consumer<FunctionEvent> {
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final StringBuilder json = new StringBuilder();
  private boolean sawText;
  private boolean sawReasoning;
  private boolean sawJson;
  private JsonElement parsedJson;

  /**
   * Adds one event; events other than deltas are ignored.
   *
   * @param event the event
   */
  @Override
  public void accept(FunctionEvent event) {
    if (event instanceof FunctionEvent.TextDelta delta) {
      text.append(delta.text());
      sawText = true;
    } else if (event instanceof FunctionEvent.ReasoningDelta delta) {
      reasoning.append(delta.text());
      sawReasoning = true;
    } else if (event instanceof FunctionEvent.JsonDelta delta) {
      json.append(delta.json());
      sawJson = true;
      parsedJson = null;
    }
  }

  /**
   * The text output so far.
   *
   * @return the text deltas joined, empty if there were none
   */
  public String text() {
    return text.toString();
  }

  /**
   * The reasoning so far.
   *
   * @return the reasoning deltas joined, empty if there were none
   */
  public String reasoning() {
    return reasoning.toString();
  }

  /**
   * Whether any JSON delta arrived, meaning the function's output is JSON rather than text.
   *
   * @return true if the output is JSON
   */
  public boolean hasJson() {
    return sawJson;
  }

  /**
   * The JSON output: the JSON deltas joined and parsed (once; later calls reuse the result).
   *
   * @return the value, or null if no JSON delta arrived
   * @throws IllegalStateException if the joined deltas are not valid JSON, as when the stream broke
   *     off
   */
  public JsonElement json() {
    if (!sawJson) {
      return null;
    }
    if (parsedJson == null) {
      try {
        parsedJson = Json.gson().fromJson(json.toString(), JsonElement.class);
      } catch (JsonParseException e) {
        throw new IllegalStateException("The json_delta events do not join into valid JSON", e);
      }
    }
    return parsedJson;
  }

  /**
   * The JSON output bound to a type with the client's Gson configuration.
   *
   * @param type the type to bind to, such as a class or a {@code TypeToken}'s type
   * @param <T> the type to bind to
   * @return the value, or null if no JSON delta arrived
   * @throws IllegalStateException if the joined deltas are not valid JSON
   */
  public <T> T json(Type type) {
    JsonElement value = json();
    return value == null ? null : Json.gson().fromJson(value, type);
  }

  /**
   * The output the way Braintrust's SDKs define the final value: the JSON value if any JSON delta
   * arrived, else the text if any arrived, else the reasoning if any arrived, else null.
   *
   * @return a {@link JsonElement}, a {@link String} or null
   */
  public Object finalValue() {
    if (sawJson) {
      return json();
    }
    if (sawText) {
      return text();
    }
    return sawReasoning ? reasoning() : null;
  }
}
