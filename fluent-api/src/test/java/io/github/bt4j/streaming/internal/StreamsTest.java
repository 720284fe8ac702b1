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
            SseEvent.of(
                "message", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate\"}}")));
    assertEquals("boom", errorOf(SseEvent.of("error", "\"boom\"")));
    assertNull(
        errorOf(
            SseEvent.of("message", "{\"choices\":[{\"delta\":{\"content\":\"\\\"error\\\"\"}}]}")));
    assertNull(errorOf(SseEvent.of("message", "[DONE]")));
  }

  @Test
  void anErrorObjectWhoseFieldsDoNotFitAChunkIsStillAnError() {
    SseEvent event = SseEvent.of("message", "{\"error\":\"quota\",\"created\":\"soon\"}");
    assertEquals("quota", errorOf(event));
    assertNull(errorOf(SseEvent.of("message", "{\"error\": not json")));
  }

  /** As the stream applies it: with the event decoded, or null where it does not decode. */
  private static String errorOf(SseEvent event) {
    ChatCompletionChunk chunk;
    try {
      chunk = ChatCompletionChunk.fromEvent(event);
    } catch (IllegalArgumentException e) {
      chunk = null;
    }
    return Streams.chatErrorMessage(event, chunk);
  }

  @Test
  void onlyTheTwoStreamedEventTypesHaveAStream() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Streams.events(String.class, null, null));
    assertTrue(e.getMessage().startsWith("eventType"), e.getMessage());
  }
}
