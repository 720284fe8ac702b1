package io.github.bt4j.streaming.internal;

import static io.github.bt4j.internal.http.ErrorMapper.withoutCredential;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.internal.http.CheckedJsonWriter;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.FunctionEvent;
import io.github.bt4j.streaming.ServerSentEventStream;
import io.github.bt4j.streaming.StreamErrorException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs the streaming form of an operation (see {@code x-bt4j-streaming} in the prepared spec): the
 * request is built by the generated interface like any other, asks for {@code text/event-stream},
 * goes through the same transport chain (auth, errors, logging; retries only before the answer
 * starts, and only for retry-safe operations), and its body is handed unread to the event stream.
 */
public final class Streams {
  /** How much of an unexpected body an exception shows. */
  private static final long MAX_SHOWN_BODY = 2048;

  private Streams() {}

  /**
   * A copy of a request body (a JSON object: a model or a chat request) with {@code "stream":
   * true}, read back as its declared type.
   */
  @SuppressWarnings("unchecked")
  public static <T> T withStreamFlag(Gson gson, T body, Class<?> declaredType) {
    JsonObject object =
        JsonParser.parseString(CheckedJsonWriter.toJson(body, body.getClass())).getAsJsonObject();
    object.addProperty("stream", true);
    return (T) gson.fromJson(object, declaredType);
  }

  /**
   * Sends the request of {@code call} and opens its answer as a stream of {@code eventType} events
   * ({@link FunctionEvent} or {@link ChatCompletionChunk}, decoded as {@link #events(Class, Call,
   * Response)} says).
   *
   * <p>A stream has its own timeout rule: the read timeout bounds each wait for the next bytes (the
   * first event included), and a whole-call timeout applies only when this call's options set one
   * ({@link RequestOptions#timeout()}); the client-wide {@code callTimeout}, meant for
   * request/response calls, would cut a healthy long stream.
   *
   * @throws UnexpectedResponseException if the server answers with success but not an event stream;
   *     the exception carries the start of the body
   */
  public static <T> ServerSentEventStream<T> open(
      Transport transport,
      retrofit2.Call<?> call,
      RequestOptions options,
      RetryRule retry,
      Class<T> eventType) {
    Request request = call.request().newBuilder().header("Accept", "text/event-stream").build();
    Call raw = transport.newCall(request, options, retry);
    if (options.timeout() == null) {
      raw.timeout().timeout(0, TimeUnit.MILLISECONDS);
    }
    Response response = transport.open(raw);
    try {
      requireEventStream(response);
      return events(eventType, raw, response);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }

  /**
   * Streams the events of a response whose status the caller has checked. Function events end when
   * the server closes the response, after {@code done}; chat chunks end at {@code [DONE]}. An
   * {@code error} event, or a chat chunk that is an error object, ends the stream with a {@link
   * StreamErrorException}.
   *
   * @param eventType {@link FunctionEvent} or {@link ChatCompletionChunk}
   * @param call the call that produced the response
   * @param response the successful response
   * @param <T> the event type
   * @return the stream
   * @throws IllegalArgumentException for any other event type
   */
  @SuppressWarnings("unchecked")
  public static <T> ServerSentEventStream<T> events(
      Class<T> eventType, Call call, Response response) {
    long limit = SseReader.DEFAULT_MAX_EVENT_BYTES;
    if (eventType == FunctionEvent.class) {
      return (ServerSentEventStream<T>)
          new EventStream<>(call, response, FunctionEvent::parse, e -> false, limit);
    }
    if (eventType == ChatCompletionChunk.class) {
      return (ServerSentEventStream<T>)
          new EventStream<>(
              call,
              response,
              event -> ChatCompletionChunk.parse(event.data()),
              event -> ChatCompletionChunk.DONE.equals(event.data()),
              limit);
    }
    throw new IllegalArgumentException("eventType has no event stream: " + eventType.getName());
  }

  private static void requireEventStream(Response response) {
    MediaType type = response.body().contentType();
    if (type != null && type.type().equals("text") && type.subtype().equals("event-stream")) {
      return;
    }
    String text;
    try {
      text = response.peekBody(MAX_SHOWN_BODY).string();
    } catch (IOException e) {
      text = "(unreadable: " + e.getMessage() + ")";
    }
    throw new UnexpectedResponseException(
        response.code(),
        response.request().method(),
        response.request().url().toString(),
        "expected an event stream (text/event-stream) but got "
            + (type == null ? "no Content-Type" : type.toString())
            + (text.isEmpty() ? " and an empty body" : ": " + withoutCredential(text, response)),
        null);
  }
}
