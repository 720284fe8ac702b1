package io.github.bt4j.streaming;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.github.bt4j.json.BraintrustJson;
import java.util.function.Consumer;

/**
 * Folds the events of a function invocation into its final output: the joined text deltas, the
 * joined reasoning deltas, and the joined JSON deltas parsed once at the end. Pass it to {@link
 * ServerSentEventStream#forEach(Consumer)}. Not thread-safe.
 */
public final class FunctionEventAccumulator implements Consumer<FunctionEvent> {
  // Each null until a delta of its kind arrives.
  private StringBuilder text;
  private StringBuilder reasoning;
  private StringBuilder json;
  private JsonElement parsedJson;

  /**
   * Adds one event; events other than deltas are ignored.
   *
   * @param event the event
   */
  @Override
  public void accept(FunctionEvent event) {
    if (event instanceof FunctionEvent.TextDelta delta) {
      text = append(text, delta.text());
    } else if (event instanceof FunctionEvent.ReasoningDelta delta) {
      reasoning = append(reasoning, delta.text());
    } else if (event instanceof FunctionEvent.JsonDelta delta) {
      json = append(json, delta.json());
      parsedJson = null;
    }
  }

  private static StringBuilder append(StringBuilder to, String more) {
    return (to == null ? new StringBuilder() : to).append(more);
  }

  /**
   * The text output so far.
   *
   * @return the text deltas joined, empty if there were none
   */
  public String text() {
    return text == null ? "" : text.toString();
  }

  /**
   * The reasoning so far.
   *
   * @return the reasoning deltas joined, empty if there were none
   */
  public String reasoning() {
    return reasoning == null ? "" : reasoning.toString();
  }

  /**
   * Whether any JSON delta arrived, meaning the function's output is JSON rather than text.
   *
   * @return true if the output is JSON
   */
  public boolean hasJson() {
    return json != null;
  }

  /**
   * The JSON output: the JSON deltas joined and parsed (once; later calls reuse the result). {@code
   * BraintrustJson.fromJsonTree(json(), type)} binds it to a type.
   *
   * @return the value, or null if no JSON delta arrived
   * @throws IllegalStateException if the joined deltas are not valid JSON, as when the stream broke
   *     off
   */
  public JsonElement json() {
    if (json == null) {
      return null;
    }
    if (parsedJson == null) {
      try {
        parsedJson = BraintrustJson.gson().fromJson(json.toString(), JsonElement.class);
      } catch (JsonParseException e) {
        throw new IllegalStateException("The json_delta events do not join into valid JSON", e);
      }
    }
    return parsedJson;
  }

  /**
   * The output the way Braintrust's SDKs define the final value: the JSON value if any JSON delta
   * arrived, else the text if any arrived, else the reasoning if any arrived, else null.
   *
   * @return a {@link JsonElement}, a {@link String} or null
   */
  public Object finalValue() {
    if (json != null) {
      return json();
    }
    return text != null ? text() : reasoning == null ? null : reasoning();
  }
}
