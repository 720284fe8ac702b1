package io.github.bt4j.streaming.internal;

import com.google.gson.JsonObject;
import io.github.bt4j.internal.json.ErrorMessages;
import io.github.bt4j.internal.json.JsonFields;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.FunctionEvent;
import io.github.bt4j.streaming.ServerSentEventStream;
import io.github.bt4j.streaming.SseEvent;
import io.github.bt4j.streaming.StreamErrorException;
import java.util.Objects;
import java.util.function.BiFunction;
import okhttp3.Call;
import okhttp3.Response;

/** The streams of the API's streaming operations: how each kind of event stream is read. */
public final class EventStreams {
  private EventStreams() {}

  /**
   * Streams the events of a function invocation response whose status the caller has checked. An
   * {@code error} event ends the stream with a {@link StreamErrorException}; the stream ends when
   * the server closes the response, after {@code done}.
   *
   * @param call the call that produced the response
   * @param response the successful response
   * @return the stream
   */
  public static ServerSentEventStream<FunctionEvent> functionEvents(Call call, Response response) {
    return EventStream.open(
        call,
        response,
        FunctionEvent::parse,
        event -> false,
        EventStream.ERROR_EVENTS,
        SseReader.DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * Streams the chunks of a proxy chat completion response whose status the caller has checked,
   * ending at {@code [DONE]}. An {@code error} event, or a chunk that is an error object, ends the
   * stream with a {@link StreamErrorException}.
   *
   * @param call the call that produced the response
   * @param response the successful response
   * @return the stream
   */
  public static ServerSentEventStream<ChatCompletionChunk> chatCompletionChunks(
      Call call, Response response) {
    return EventStream.open(
        call,
        response,
        ChatCompletionChunk::fromEvent,
        ChatCompletionChunk::isDone,
        EventStreams::chatErrorMessage,
        SseReader.DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * How a response streaming events of {@code eventType} is read, for code that knows the operation
   * only by its event type (the generated resources).
   *
   * @param eventType {@link FunctionEvent} or {@link ChatCompletionChunk}
   * @param <T> the event type
   * @return opens a stream over a call and its checked response
   * @throws IllegalArgumentException for any other type
   */
  @SuppressWarnings("unchecked")
  public static <T> BiFunction<Call, Response, ServerSentEventStream<T>> forEventType(
      Class<T> eventType) {
    Objects.requireNonNull(eventType, "eventType");
    if (eventType == FunctionEvent.class) {
      return (call, response) -> (ServerSentEventStream<T>) functionEvents(call, response);
    }
    if (eventType == ChatCompletionChunk.class) {
      return (call, response) -> (ServerSentEventStream<T>) chatCompletionChunks(call, response);
    }
    throw new IllegalArgumentException("eventType has no event stream: " + eventType.getName());
  }

  /**
   * The error message of an error in a chat stream: an event named {@code error}, or a chunk that
   * is an {@code {"error": ...}} object instead of a completion chunk, as OpenAI-style providers
   * send when a generation fails part way.
   *
   * @param event the event
   * @param chunk the event decoded, or null if it did not decode (or is the end marker)
   * @return the message, or null when the event is not an error
   */
  static String chatErrorMessage(SseEvent event, ChatCompletionChunk chunk) {
    String data = event.data();
    if ("error".equals(event.event())) {
      return ErrorMessages.fromData(data);
    }
    if (chunk != null) {
      return isErrorObject(chunk.raw()) ? ErrorMessages.fromData(data) : null;
    }
    // Not a chunk: perhaps an error object that does not decode as one.
    if (!data.startsWith("{") || !data.contains("\"error\"")) {
      return null;
    }
    JsonObject o;
    try {
      o = JsonFields.parseObject(data, "A chat completion chunk");
    } catch (IllegalArgumentException e) {
      return null; // the decoder reports malformed chunks
    }
    return isErrorObject(o) ? ErrorMessages.fromData(data) : null;
  }

  private static boolean isErrorObject(JsonObject o) {
    return o.has("error") && !o.has("choices");
  }
}
