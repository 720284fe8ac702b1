package io.github.bt4j.streaming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.streaming.SseEvent;
import org.junit.jupiter.api.Test;

class EventStreamsTest {

  @Test
  void chatErrorsAreRecognisedByEventNameOrAsErrorObjects() {
    assertEquals(
        "Rate limit reached",
        EventStreams.chatErrorMessage(
            SseEvent.of(
                "message", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate\"}}")));
    assertEquals("boom", EventStreams.chatErrorMessage(SseEvent.of("error", "\"boom\"")));
    assertNull(
        EventStreams.chatErrorMessage(
            SseEvent.of("message", "{\"choices\":[{\"delta\":{\"content\":\"\\\"error\\\"\"}}]}")));
    assertNull(EventStreams.chatErrorMessage(SseEvent.of("message", "[DONE]")));
  }

  @Test
  void onlyTheTwoStreamedEventTypesHaveAStream() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EventStreams.forEventType(String.class));
    assertTrue(e.getMessage().startsWith("eventType"), e.getMessage());
  }
}
