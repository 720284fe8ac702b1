package io.github.bt4j.streaming;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.github.bt4j.internal.json.ErrorBody;
import io.github.bt4j.internal.json.JsonFields;
import io.github.bt4j.json.BraintrustJson;

/**
 * One event of a streamed function invocation, as Braintrust's SDKs define them: text, reasoning
 * and JSON deltas, progress of nested functions, console output, errors, start and done, each a
 * record named after its event type on the wire ({@code text_delta} is {@link TextDelta}). Event
 * types this client does not know arrive as {@link Other}, with their type; the raw view of a
 * stream ({@link ServerSentEventStream#rawEvents()}) gives every event's type as sent.
 */
public sealed interface FunctionEvent {

  /**
   * Decodes one server-sent event.
   *
   * @param event the event
   * @return the typed event
   * @throws IllegalArgumentException if the data does not have the shape its type requires
   */
  static FunctionEvent parse(SseEvent event) {
    String data = event.data();
    return switch (event.event()) {
      case "text_delta" -> new TextDelta(jsonString(data, "text_delta"));
      case "reasoning_delta" -> new ReasoningDelta(jsonString(data, "reasoning_delta"));
      case "json_delta" -> new JsonDelta(data);
      case "progress" -> Progress.of(JsonFields.parseObject(data, "progress data"));
      case "console" -> Console.of(JsonFields.parseObject(data, "console data"));
      case "error" -> new ErrorEvent(ErrorBody.parse(data).message(), data);
      case "start" -> new Start();
      case "done" -> new Done();
      default -> new Other(event.event(), data);
    };
  }

  private static String jsonString(String data, String type) {
    // Most deltas are text without escapes: taking it from between the quotes skips creating a
    // JSON reader (and its buffer) per event, which dominated the cost of a text stream.
    int last = data.length() - 1;
    if (last > 0
        && data.charAt(0) == '"'
        && data.indexOf('"', 1) == last
        && data.indexOf('\\') < 0) {
      return data.substring(1, last);
    }
    String value;
    try {
      value = BraintrustJson.gson().fromJson(data, String.class);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(type + " data is not a JSON string: " + data, e);
    }
    if (value == null) {
      throw new IllegalArgumentException(type + " data is not a JSON string: " + data);
    }
    return value;
  }

  /**
   * A piece of the output text.
   *
   * @param text the text, decoded from its JSON string
   */
  record TextDelta(String text) implements FunctionEvent {}

  /**
   * A piece of the model's reasoning.
   *
   * @param text the text, decoded from its JSON string
   */
  record ReasoningDelta(String text) implements FunctionEvent {}

  /**
   * A fragment of JSON output text, not valid JSON on its own: join all fragments, then parse, as
   * {@link FunctionEventAccumulator} does.
   *
   * @param json the fragment, as sent
   */
  record JsonDelta(String json) implements FunctionEvent {}

  /**
   * An event of a function called while this one runs, such as a tool or a nested prompt.
   *
   * @param id the span id of the nested call
   * @param objectType {@code prompt}, {@code tool}, {@code scorer}, {@code task}, ...
   * @param format {@code llm}, {@code code} or {@code global}
   * @param outputType {@code completion}, {@code score} or {@code any}
   * @param name the name of the function or prompt
   * @param event the nested event's type, such as {@code text_delta}
   * @param data the nested event's data, encoded as that type's data is
   * @param raw the whole progress object, for fields not listed here (such as {@code origin})
   */
  record Progress(
      String id,
      String objectType,
      String format,
      String outputType,
      String name,
      String event,
      String data,
      JsonObject raw)
      implements FunctionEvent {

    static Progress of(JsonObject o) {
      return new Progress(
          JsonFields.string(o, "id"),
          JsonFields.string(o, "object_type"),
          JsonFields.string(o, "format"),
          JsonFields.string(o, "output_type"),
          JsonFields.string(o, "name"),
          JsonFields.string(o, "event"),
          JsonFields.string(o, "data"),
          o);
    }
  }

  /**
   * Output a code function wrote to its console.
   *
   * @param stream {@code stdout} or {@code stderr}
   * @param message the text written
   */
  record Console(String stream, String message) implements FunctionEvent {

    static Console of(JsonObject o) {
      return new Console(JsonFields.string(o, "stream"), JsonFields.string(o, "message"));
    }
  }

  /**
   * An error reported by the function. A stream of function events ends with a {@link
   * StreamErrorException} at it rather than handing it out; {@link #parse(SseEvent)} of a raw event
   * gives this.
   *
   * @param message the error message: the JSON string, or the {@code message} of a JSON object
   * @param data the event data as sent
   */
  record ErrorEvent(String message, String data) implements FunctionEvent {}

  /** The function started; sent for display only, and not always. */
  record Start() implements FunctionEvent {}

  /** The function finished: no more events follow. */
  record Done() implements FunctionEvent {}

  /**
   * An event type this client does not know, passed through as it came.
   *
   * @param type the event type
   * @param data the event data
   */
  record Other(String type, String data) implements FunctionEvent {}
}
