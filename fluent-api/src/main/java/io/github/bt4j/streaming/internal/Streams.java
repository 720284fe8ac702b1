package io.github.bt4j.streaming.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.RequestOptions;
import io.github.bt4j.internal.http.CheckedJsonWriter;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.streaming.ServerSentEventStream;
import java.util.function.BiFunction;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs the streaming form of an operation (see {@code x-bt4j-streaming} in the prepared spec): the
 * request is built by the generated interface like any other, asks for {@code text/event-stream},
 * goes through the same transport chain (auth, errors, logging; retries only before the answer
 * starts, and only for retry-safe operations), and its body is handed unread to the event stream.
 */
public final class Streams {
  private Streams() {}

  /**
   * A copy of a request body with {@code "stream": true}. A body declared as a free-form {@code
   * Object} becomes a {@link JsonObject}; a model stays its class.
   */
  @SuppressWarnings("unchecked")
  public static <T> T withStreamFlag(Gson gson, T body, Class<?> declaredType) {
    JsonElement tree =
        JsonParser.parseString(CheckedJsonWriter.toJson(gson, body, body.getClass()));
    if (!tree.isJsonObject()) {
      throw new IllegalArgumentException(
          "a streaming request body must be a JSON object, got " + tree);
    }
    JsonObject object = tree.getAsJsonObject();
    object.addProperty("stream", true);
    if (declaredType == Object.class) {
      return (T) object;
    }
    return (T) gson.fromJson(object, declaredType);
  }

  /** Sends the request of {@code call} and opens its answer as a stream of decoded events. */
  public static <T> ServerSentEventStream<T> open(
      Transport transport,
      retrofit2.Call<?> call,
      RequestOptions options,
      RetryRule retry,
      BiFunction<Call, Response, ServerSentEventStream<T>> decoder) {
    Request request = call.request().newBuilder().header("Accept", "text/event-stream").build();
    Call raw = transport.newCall(request, options, retry);
    Response response = transport.open(raw);
    try {
      return decoder.apply(raw, response);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }
}
