package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.proxy.ChatCompletionRequest;
import io.github.bt4j.proxy.ChatMessage;
import io.github.bt4j.streaming.ChatCompletionAccumulator;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.ChatCompletionResult;
import io.github.bt4j.streaming.ServerSentEventStream;

/**
 * Stream a chat completion through Braintrust's OpenAI-compatible AI proxy: print each token as it
 * arrives, then the assembled message and its finish reason.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.StreamChatCompletion
 * </pre>
 */
public final class StreamChatCompletion {
  private StreamChatCompletion() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client);
    }
  }

  static void run(BraintrustClient client) {
    ChatCompletionRequest request =
        ChatCompletionRequest.builder()
            .model("gpt-4o-mini")
            .addMessage(ChatMessage.user("Say hello to the Java developers"))
            .build();
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    System.out.print("Assistant  ");
    try (ServerSentEventStream<ChatCompletionChunk> chunks =
        client.proxy().chatCompletionsStream(request)) {
      for (ChatCompletionChunk chunk : chunks) {
        accumulator.accept(chunk);
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          if (choice.delta() != null && choice.delta().content() != null) {
            System.out.print(choice.delta().content());
            System.out.flush();
          }
        }
      }
    }
    System.out.println();
    ChatCompletionResult result = accumulator.result();
    System.out.println(
        "Assembled  "
            + result.content().length()
            + " characters, finish reason "
            + result.choices().get(0).finishReason());
  }
}
