package io.github.bt4j.streaming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.SseEvent;
import org.junit.jupiter.api.Test;

class StreamsTest {

  @Test
  void chatErrorsAreRecognisedByEventNameOrAsErrorObjects() {
    assertEquals(
        "Rate limit reached",
        errorOf(
            sse("message", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate\"}}")));
    assertEquals("boom", errorOf(sse("error", "\"boom\"")));
    assertNull(
        errorOf(sse("message", "{\"choices\":[{\"delta\":{\"content\":\"\\\"error\\\"\"}}]}")));
    assertNull(errorOf(sse("message", "[DONE]")));
  }

  @Test
  void anErrorObjectWhoseFieldsDoNotFitAChunkIsStillAnError() {
    SseEvent event = sse("message", "{\"error\":\"quota\",\"created\":\"soon\"}");
    assertEquals("quota", errorOf(event));
    assertNull(errorOf(sse("message", "{\"error\": not json")));
  }

  /** As the stream applies it: with the event decoded, or null where it does not decode. */
  private static String errorOf(SseEvent event) {
    ChatCompletionChunk chunk;
    try {
      chunk = ChatCompletionChunk.parse(event.data());
    } catch (IllegalArgumentException e) {
      chunk = null;
    }
    return EventStream.errorMessage(event, chunk);
  }

  @Test
  void onlyTheTwoStreamedEventTypesHaveAStream() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Streams.events(String.class, null, null));
    assertTrue(e.getMessage().startsWith("eventType"), e.getMessage());
  }

  private static SseEvent sse(String event, String data) {
    return new SseEvent(event, data, null, null);
  }
}
