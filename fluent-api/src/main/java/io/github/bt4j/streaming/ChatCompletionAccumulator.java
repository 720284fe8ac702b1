package io.github.bt4j.streaming;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Folds streamed chat completion chunks into the complete completion: message text joined per
 * choice, tool call arguments joined per tool call index, the finish reason and the usage. Pass it
 * to {@link ServerSentEventStream#forEach(Consumer)}. Not thread-safe.
 */
public final class ChatCompletionAccumulator implements Consumer<ChatCompletionChunk> {
  private final Map<Integer, ChoiceParts> choices = new TreeMap<>();
  private String id;
  private String model;
  private Long created;
  private ChatCompletionChunk.Usage usage;

  /**
   * Adds one chunk.
   *
   * @param chunk the chunk
   */
  @Override
  public void accept(ChatCompletionChunk chunk) {
    // Every chunk of a completion carries the same id, model and creation time: read until seen.
    id = id == null ? chunk.id() : id;
    model = model == null ? chunk.model() : model;
    created = created == null ? chunk.created() : created;
    usage = orElse(chunk.usage(), usage);
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      choices.computeIfAbsent(choice.index(), index -> new ChoiceParts()).add(choice);
    }
  }

  /**
   * The completion as received so far.
   *
   * @return the completion
   */
  public ChatCompletionResult result() {
    List<ChatCompletionResult.Choice> done =
        choices.entrySet().stream().map(e -> e.getValue().build(e.getKey())).toList();
    return new ChatCompletionResult(id, model, created, done, usage);
  }

  /** The pieces of one choice. */
  private static final class ChoiceParts {
    private final Map<Integer, ToolCallParts> toolCalls = new TreeMap<>();
    private StringBuilder content; // null until a delta has text
    private String role;
    private String finishReason;
    private int lastToolCall = -1;

    void add(ChatCompletionChunk.Choice choice) {
      ChatCompletionChunk.Delta delta = choice.delta();
      role = role == null ? delta.role() : role;
      String text = delta.content();
      if (text != null) {
        content = (content == null ? new StringBuilder() : content).append(text);
      }
      for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls()) {
        lastToolCall = toolCallIndex(call);
        toolCalls.computeIfAbsent(lastToolCall, index -> new ToolCallParts()).add(call);
      }
      finishReason = orElse(choice.finishReason(), finishReason);
    }

    // Without an index, a new id starts a new call and anything else continues the last one.
    private int toolCallIndex(ChatCompletionChunk.ToolCallDelta call) {
      Integer index = call.index();
      if (index != null) {
        return index;
      }
      ToolCallParts last = toolCalls.get(lastToolCall);
      String id = call.id();
      boolean startsNewCall =
          last == null || (id != null && last.id != null && !id.equals(last.id));
      return startsNewCall ? toolCalls.size() : lastToolCall;
    }

    ChatCompletionResult.Choice build(int index) {
      List<ChatCompletionResult.ToolCall> calls =
          toolCalls.entrySet().stream().map(e -> e.getValue().build(e.getKey())).toList();
      return new ChatCompletionResult.Choice(
          index, role, content == null ? null : content.toString(), calls, finishReason);
    }
  }

  /** The pieces of one tool call. */
  private static final class ToolCallParts {
    private final StringBuilder arguments = new StringBuilder();
    private String id;
    private String type;
    private String name;

    void add(ChatCompletionChunk.ToolCallDelta delta) {
      id = orElse(delta.id(), id);
      type = orElse(delta.type(), type);
      name = orElse(delta.name(), name);
      String more = delta.arguments();
      if (more != null) {
        arguments.append(more);
      }
    }

    ChatCompletionResult.ToolCall build(int index) {
      return new ChatCompletionResult.ToolCall(index, id, type, name, arguments.toString());
    }
  }

  private static <T> T orElse(T value, T otherwise) {
    return value != null ? value : otherwise;
  }
}
