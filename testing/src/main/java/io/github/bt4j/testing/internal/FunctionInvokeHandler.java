package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.util.List;

/**
 * {@code POST /v1/function/{function_id}/invoke}: runs a stored function, whose "model" echoes its
 * input: {@code "Echo from <function name>: <input>"}, or with {@code mode: json} the object {@code
 * {"function": <slug>, "input": <input>}}. With {@code stream: true} the answer is Braintrust's SSE
 * format, one event per word: {@code start}, then {@code text_delta} events (data: a JSON string)
 * or {@code json_delta} events (data: a piece of JSON text), then {@code done}; without, it is the
 * output as JSON.
 */
final class FunctionInvokeHandler {
  private static final List<String> MODES = List.of("auto", "parallel", "json", "text");
  private static final int JSON_PIECE = 8;

  private final ObjectStore store;
  private final FakeServer.Pacing pacing;

  FunctionInvokeHandler(ObjectStore store, FakeServer.Pacing pacing) {
    this.store = store;
    this.pacing = pacing;
  }

  void register(Router router) {
    router.add("POST", "/v1/function/{function_id}/invoke", this::invoke);
  }

  private void invoke(ApiExchange call) throws IOException {
    JsonObject function = store.get(ObjectKinds.FUNCTION, call.pathId("function_id"));
    JsonObject body = call.bodyObject();
    String mode = JsonValues.optString(body, "mode", "mode");
    if (mode != null && !MODES.contains(mode)) {
      throw ApiError.badRequest("mode must be one of " + MODES + ", got " + mode);
    }
    boolean json = "json".equals(mode);
    JsonElement input = body.get("input");
    JsonElement output;
    if (json) {
      JsonObject o = new JsonObject();
      o.add("function", function.get("slug"));
      JsonValues.put(o, "input", input);
      output = o;
    } else {
      output =
          new JsonPrimitive(
              "Echo from " + function.get("name").getAsString() + ": " + EchoText.of(input));
    }
    if (!JsonValues.flag(body, "stream", "stream")) {
      call.sendJson(200, output);
      return;
    }
    call.responseHeader("Cache-Control", "no-cache");
    try (SseWriter sse = new SseWriter(call.openStream("text/event-stream"), pacing)) {
      sse.event("start", "");
      if (json) {
        String text = JsonValues.GSON.toJson(output);
        for (int i = 0; i < text.length(); i += JSON_PIECE) {
          sse.event("json_delta", text.substring(i, Math.min(text.length(), i + JSON_PIECE)));
        }
      } else {
        for (String piece : EchoText.pieces(output.getAsString())) {
          sse.event("text_delta", JsonValues.GSON.toJson(piece));
        }
      }
      sse.event("done", "");
    }
  }
}
