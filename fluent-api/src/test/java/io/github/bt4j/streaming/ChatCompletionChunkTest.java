package io.github.bt4j.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChatCompletionChunkTest {

  @Test
  void parsesTheOpenAiChunkShape() {
    ChatCompletionChunk chunk =
        ChatCompletionChunk.parse(
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\",\"tool_calls\":[{\"index\":1,"
                + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{\\\"a\\\"\"}}]},\"logprobs\":null,\"finish_reason\":null}]}");
    assertEquals("chatcmpl-1", chunk.id());
    assertEquals("gpt-4o", chunk.model());
    assertEquals(1700000000L, chunk.created());
    assertNull(chunk.usage());
    assertEquals("fp_1", chunk.raw().get("system_fingerprint").getAsString());
    ChatCompletionChunk.Choice choice = chunk.choices().get(0);
    assertEquals(0, choice.index());
    assertNull(choice.finishReason());
    assertEquals("assistant", choice.delta().role());
    assertEquals("Hi", choice.delta().content());
    ChatCompletionChunk.ToolCallDelta call = choice.delta().toolCalls().get(0);
    assertEquals(1, call.index());
    assertEquals("call_1", call.id());
    assertEquals("function", call.type());
    assertEquals("f", call.name());
    assertEquals("{\"a\"", call.arguments());
    assertTrue(
        chunk.raw().getAsJsonArray("choices").get(0).getAsJsonObject().has("logprobs"),
        "fields the type does not name stay reachable");
  }

  @Test
  void parsesAUsageOnlyChunk() {
    ChatCompletionChunk chunk =
        ChatCompletionChunk.parse(
            "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,"
                + "\"total_tokens\":21,\"completion_tokens_details\":{\"reasoning_tokens\":0}}}");
    assertEquals(0, chunk.choices().size());
    assertEquals(9L, chunk.usage().promptTokens());
    assertEquals(12L, chunk.usage().completionTokens());
    assertEquals(21L, chunk.usage().totalTokens());
    assertTrue(chunk.usage().raw().has("completion_tokens_details"));
  }

  @Test
  void toleratesMissingAndNullFields() {
    ChatCompletionChunk chunk =
        ChatCompletionChunk.parse("{\"choices\":[{\"delta\":{\"content\":null}}],\"usage\":null}");
    assertNull(chunk.id());
    assertNull(chunk.created());
    assertNull(chunk.usage());
    assertEquals(0, chunk.choices().get(0).index());
    assertNull(chunk.choices().get(0).delta().content());
    assertEquals(0, chunk.choices().get(0).delta().toolCalls().size());
  }

  @Test
  void readsFieldsOfUnexpectedTypesAsTheTreeReadDid() {
    ChatCompletionChunk chunk =
        ChatCompletionChunk.parse(
            "{\"id\":7,\"created\":1.5e3,\"model\":true,\"choices\":[3,{\"index\":2,"
                + "\"delta\":{\"content\":[{\"type\":\"text\"}],\"role\":{\"a\":[1]},"
                + "\"tool_calls\":[{\"function\":\"f\"},null]},\"finish_reason\":\"stop\"},"
                + "\"x\"],\"usage\":[],\"extra\":{\"deep\":[{\"id\":\"no\"}]}}");
    assertEquals("7", chunk.id());
    assertEquals(1500L, chunk.created());
    assertEquals("true", chunk.model());
    assertNull(chunk.usage());
    assertEquals(1, chunk.choices().size(), "elements that are not objects are skipped");
    ChatCompletionChunk.Choice choice = chunk.choices().get(0);
    assertEquals(2, choice.index());
    assertEquals("stop", choice.finishReason());
    assertEquals("[{\"type\":\"text\"}]", choice.delta().content());
    assertEquals("{\"a\":[1]}", choice.delta().role());
    ChatCompletionChunk.ToolCallDelta call = choice.delta().toolCalls().get(0);
    assertEquals(1, choice.delta().toolCalls().size());
    assertNull(call.index());
    assertNull(call.name());
    assertNull(call.arguments());
  }

  @Test
  void aDeltaThatIsNotAnObjectIsEmpty() {
    ChatCompletionChunk.Delta delta =
        ChatCompletionChunk.parse("{\"choices\":[{\"delta\":null}]}").choices().get(0).delta();
    assertNull(delta.content());
    assertNull(delta.role());
    assertEquals(0, delta.toolCalls().size());
  }

  @Test
  void textAfterTheObjectOrBrokenJsonIsNotAChunk() {
    assertThrows(IllegalArgumentException.class, () -> ChatCompletionChunk.parse("{} {}"));
    assertThrows(IllegalArgumentException.class, () -> ChatCompletionChunk.parse("{\"id\":"));
    assertThrows(IllegalArgumentException.class, () -> ChatCompletionChunk.parse(""));
  }

  @Test
  void theDoneMarkerAndOtherNonObjectsAreNotChunks() {
    assertThrows(
        IllegalArgumentException.class, () -> ChatCompletionChunk.parse(ChatCompletionChunk.DONE));
    assertThrows(IllegalArgumentException.class, () -> ChatCompletionChunk.parse("[1,2]"));
  }
}
