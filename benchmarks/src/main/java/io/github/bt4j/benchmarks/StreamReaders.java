package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.InvokeFunction;
import io.github.bt4j.proxy.ChatCompletionRequest;
import io.github.bt4j.proxy.ChatMessage;
import io.github.bt4j.streaming.ChatCompletionAccumulator;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.FunctionEvent;
import io.github.bt4j.streaming.FunctionEventAccumulator;
import io.github.bt4j.streaming.ServerSentEventStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ways of reading the streams of {@link StreamingServer}: the floor ({@link StreamingFloor})
 * and the library, each assembling the streamed text, and the check that a reader assembled exactly
 * the text that was sent. Shared by {@link StreamingBenchmark} and the floor comparison.
 */
final class StreamReaders {
  /** The body of every function invocation. */
  static final InvokeFunction INVOKE =
      new InvokeFunction().input(Map.of("question", "How did the deployment go?"));

  /** The body of every chat completion. */
  static final ChatCompletionRequest CHAT =
      ChatCompletionRequest.builder()
          .model("gpt-4o-mini")
          .addMessage(ChatMessage.user("How did the deployment go?"))
          .build();

  private StreamReaders() {}

  /** What one read of a stream produced: the events counted and the text assembled. */
  record Outcome(long events, String text) {}

  /** The floor reads the function stream; {@code shortcut} as in {@link StreamingFloor#invoke}. */
  static Outcome floorInvoke(StreamingFloor floor, boolean shortcut) throws IOException {
    StringBuilder text = new StringBuilder();
    long n = floor.invoke(StreamingBodies.FUNCTION, shortcut, text::append);
    return new Outcome(n, text.toString());
  }

  /** The library reads the function stream: typed events into an accumulator. */
  static Outcome fluentInvoke(BraintrustClient client) {
    FunctionEventAccumulator text = new FunctionEventAccumulator();
    long n = 0;
    try (ServerSentEventStream<FunctionEvent> stream =
        client.functions().invokeStream(StreamingBodies.FUNCTION, INVOKE)) {
      for (FunctionEvent event : stream) {
        text.accept(event);
        n += event instanceof FunctionEvent.TextDelta ? 1 : 0;
      }
    }
    return new Outcome(n, text.text());
  }

  /** The floor reads the chat stream. */
  static Outcome floorChat(StreamingFloor floor) throws IOException {
    StringBuilder text = new StringBuilder();
    long n = floor.chat(text);
    return new Outcome(n, text.toString());
  }

  /** The library reads the chat stream: typed chunks into an accumulator. */
  static Outcome fluentChat(BraintrustClient client) {
    ChatCompletionAccumulator result = new ChatCompletionAccumulator();
    long n = 0;
    try (ServerSentEventStream<ChatCompletionChunk> stream =
        client.proxy().chatCompletionsStream(CHAT)) {
      for (ChatCompletionChunk chunk : stream) {
        result.accept(chunk);
        n++;
      }
    }
    return new Outcome(n, result.result().content());
  }

  /** The nanoseconds from the floor's call to its first event of the pausing function. */
  static long floorFirstEvent(StreamingFloor floor) throws IOException {
    long[] first = new long[1];
    StringBuilder text = new StringBuilder();
    // Made before the clock starts: creating a lambda the first time costs milliseconds.
    Consumer<String> deltas =
        delta -> {
          if (first[0] == 0) {
            first[0] = System.nanoTime();
          }
          text.append(delta);
        };
    long start = System.nanoTime();
    long n = floor.invoke(StreamingBodies.PAUSING_FUNCTION, false, deltas);
    checkPausing("floor", n, text.toString());
    return first[0] - start;
  }

  /** The nanoseconds from the library's call to its first event of the pausing function. */
  static long fluentFirstEvent(BraintrustClient client) {
    FunctionEventAccumulator text = new FunctionEventAccumulator();
    long start = System.nanoTime();
    long first;
    long n = 0;
    try (ServerSentEventStream<FunctionEvent> stream =
        client.functions().invokeStream(StreamingBodies.PAUSING_FUNCTION, INVOKE)) {
      Iterator<FunctionEvent> events = stream.iterator();
      FunctionEvent event = events.next();
      first = System.nanoTime();
      while (true) {
        text.accept(event);
        n += event instanceof FunctionEvent.TextDelta ? 1 : 0;
        if (!events.hasNext()) {
          break;
        }
        event = events.next();
      }
    }
    checkPausing("fluent", n, text.text());
    return first - start;
  }

  /** Throws unless {@code outcome} has {@code events} events and exactly {@code text}. */
  static void check(String reader, Outcome outcome, long events, String text) {
    if (outcome.events() != events || !outcome.text().equals(text)) {
      throw new IllegalStateException(
          reader
              + " read "
              + outcome.events()
              + " events and "
              + outcome.text().length()
              + " characters, not "
              + events
              + " and "
              + text.length()
              + (outcome.text().length() == text.length() ? " (same length, different text)" : ""));
    }
  }

  private static void checkPausing(String reader, long deltas, String text) {
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < StreamingBodies.PAUSING_EVENTS; i++) {
      expected.append(StreamingBodies.token(i));
    }
    check(reader, new Outcome(deltas, text), StreamingBodies.PAUSING_EVENTS, expected.toString());
  }
}
