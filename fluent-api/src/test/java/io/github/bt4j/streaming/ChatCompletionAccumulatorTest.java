package io.github.bt4j.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionAccumulatorTest {

  private static ChatCompletionResult accumulate(String... chunks) {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    for (String chunk : chunks) {
      accumulator.accept(ChatCompletionChunk.parse(chunk));
    }
    return accumulator.result();
  }

  @Test
  void joinsContentAndKeepsFinishReasonAndUsage() {
    ChatCompletionResult result =
        accumulate(
            "{\"id\":\"c1\",\"model\":\"m\",\"created\":5,\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}",
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}",
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
            "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,"
                + "\"completion_tokens\":2,\"total_tokens\":5}}");
    assertEquals("c1", result.id());
    assertEquals("m", result.model());
    assertEquals(5L, result.created());
    assertEquals("Hello", result.content());
    assertEquals(
        new ChatCompletionResult.Choice(0, "assistant", "Hello", List.of(), "stop"),
        result.choices().get(0));
    assertEquals(5L, result.usage().totalTokens());
  }

  @Test
  void joinsToolCallArgumentsPerIndex() {
    ChatCompletionResult result =
        accumulate(
            "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\","
                + "\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"{\\\"tz\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}},{\"index\":1,"
                + "\"function\":{\"arguments\":\"\\\":\\\"UTC\\\"}\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
    ChatCompletionResult.Choice choice = result.choices().get(0);
    assertNull(choice.content());
    assertEquals("tool_calls", choice.finishReason());
    assertEquals(
        List.of(
            new ChatCompletionResult.ToolCall(
                0, "call_a", "function", "weather", "{\"city\":\"Paris\"}"),
            new ChatCompletionResult.ToolCall(1, "call_b", "function", "time", "{\"tz\":\"UTC\"}")),
        choice.toolCalls());
  }

  @Test
  void toolCallsWithoutIndexAreSplitByTheirIds() {
    ChatCompletionResult result =
        accumulate(
            "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"a\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{\"}}]}}]}",
            "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":\"}\"}}]}}]}",
            "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"b\",\"function\":{\"name\":\"g\","
                + "\"arguments\":\"[]\"}}]}}]}");
    assertEquals(
        List.of(
            new ChatCompletionResult.ToolCall(0, "a", null, "f", "{}"),
            new ChatCompletionResult.ToolCall(1, "b", null, "g", "[]")),
        result.choices().get(0).toolCalls());
  }

  @Test
  void keepsSeveralChoicesApartInIndexOrder() {
    ChatCompletionResult result =
        accumulate(
            "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"B\"}},"
                + "{\"index\":0,\"delta\":{\"content\":\"A\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"},"
                + "{\"index\":1,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"length\"}]}");
    assertEquals(2, result.choices().size());
    assertEquals("Aa", result.choices().get(0).content());
    assertEquals("Bb", result.choices().get(1).content());
    assertEquals("length", result.choices().get(1).finishReason());
  }

  @Test
  void anEmptyStreamGivesAnEmptyResult() {
    ChatCompletionResult result = new ChatCompletionAccumulator().result();
    assertEquals(List.of(), result.choices());
    assertNull(result.content());
    assertNull(result.usage());
  }
}
