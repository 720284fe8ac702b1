package io.github.bt4j.streaming;

import java.util.List;

/**
 * A streamed chat completion put back together by {@link ChatCompletionAccumulator}.
 *
 * @param id the completion id, or null if no chunk carried one
 * @param model the model that answered, or null
 * @param created when the completion was created, in seconds since the epoch, or null
 * @param choices the choices, by index
 * @param usage the last token counts sent, or null
 */
public record ChatCompletionResult(
    String id, String model, Long created, List<Choice> choices, ChatCompletionChunk.Usage usage) {

  /** Makes the choice list unmodifiable. */
  public ChatCompletionResult {
    choices = List.copyOf(choices);
  }

  /**
   * The message text of the first choice, the usual single answer.
   *
   * @return the text, or null when there is no choice or it has no text
   */
  public String content() {
    return choices.isEmpty() ? null : choices.get(0).content();
  }

  /**
   * One choice's complete message.
   *
   * @param index the choice index
   * @param role the message role, or null
   * @param content the message text joined from all deltas, or null if no delta had text
   * @param toolCalls the tool calls, by index, each with its arguments text joined
   * @param finishReason why generation stopped, or null if the stream ended before saying
   */
  public record Choice(
      int index, String role, String content, List<ToolCall> toolCalls, String finishReason) {
    /** Makes the tool call list unmodifiable. */
    public Choice {
      toolCalls = List.copyOf(toolCalls);
    }
  }

  /**
   * One complete tool call.
   *
   * @param index the tool call index within its choice
   * @param id the tool call id, or null
   * @param type the tool type, or null
   * @param name the function name, or null
   * @param arguments the JSON arguments text joined from all pieces; empty if none came
   */
  public record ToolCall(int index, String id, String type, String name, String arguments) {}
}
