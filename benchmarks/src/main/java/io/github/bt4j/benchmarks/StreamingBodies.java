package io.github.bt4j.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The synthetic event streams of the streaming benchmark, rendered as the API sends them, and the
 * text a client must assemble from each. Tokens are one to four consecutive words of a fixed text
 * (with a quote, a newline and non-ASCII characters, so that decoding JSON strings is not trivial),
 * like a model's token stream. The server renders the streams; the benchmark checks what each
 * reader assembled against {@link #text(int)}.
 */
final class StreamingBodies {
  /** The function whose invocation streams text deltas without pause. */
  static final String FUNCTION = "6f0c2a5e-7b1d-4c3e-9a8f-0d1e2f3a4b5c";

  /** The function whose invocation sends one event, then pauses before the rest. */
  static final String PAUSING_FUNCTION = "6f0c2a5e-7b1d-4c3e-9a8f-000000000002";

  /** How long the pausing function waits after its first event, in milliseconds. */
  static final int PAUSE_MILLIS = 2000;

  /** How many text deltas the pausing function sends in all. */
  static final int PAUSING_EVENTS = 10;

  private static final String[] WORDS =
      ("The deployment finished at 12:04 UTC; all 3 regions report healthy \"green\" checks.\n"
              + " Latency p99 dropped from 412 ms to 187 ms — a 55 % improvement après le"
              + " changement. Next: rotate the keys, archive last week's logs and close the"
              + " incident ticket with a short summary for the on-call engineer.")
          .split("(?<= )");

  private static final String DONE_EVENT = "event: done\ndata: \n\n";
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final String CHUNK_HEAD =
      "data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
          + "\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\","
          + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":";

  private final byte[] functionEvents;
  private final byte[] chatChunks;
  private final byte[] pausingFirst = utf8(textDelta(token(0)));
  private final byte[] pausingRest;

  /**
   * Renders the streams.
   *
   * @param events the number of text deltas in the function stream, and of chunks (before {@code
   *     [DONE]}) in the chat stream, at least 3
   */
  StreamingBodies(int events) {
    if (events < 3) {
      throw new IllegalArgumentException("at least 3 events: " + events);
    }
    ByteArrayOutputStream sse = new ByteArrayOutputStream(events * 48);
    for (int i = 0; i < events; i++) {
      sse.writeBytes(utf8(textDelta(token(i))));
    }
    sse.writeBytes(utf8(DONE_EVENT));
    this.functionEvents = sse.toByteArray();

    // A first chunk naming the role, content chunks, one with the finish reason, one with usage.
    ByteArrayOutputStream chat = new ByteArrayOutputStream(events * 330);
    chat.writeBytes(
        utf8(
            CHUNK_HEAD
                + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}\n\n"));
    for (int i = 0; i < events - 3; i++) {
      chat.writeBytes(
          utf8(
              CHUNK_HEAD
                  + "[{\"index\":0,\"delta\":{\"content\":"
                  + GSON.toJson(token(i))
                  + "},\"logprobs\":null,\"finish_reason\":null}]}\n\n"));
    }
    chat.writeBytes(
        utf8(
            CHUNK_HEAD
                + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n"));
    chat.writeBytes(
        utf8(
            CHUNK_HEAD
                + "[],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":"
                + events
                + ",\"total_tokens\":"
                + (events + 1200)
                + "}}\n\n"));
    chat.writeBytes(utf8("data: [DONE]\n\n"));
    this.chatChunks = chat.toByteArray();

    StringBuilder rest = new StringBuilder();
    for (int i = 1; i < PAUSING_EVENTS; i++) {
      rest.append(textDelta(token(i)));
    }
    this.pausingRest = utf8(rest.append(DONE_EVENT));
  }

  /**
   * The text the first {@code tokens} tokens join into: what the function stream of that many
   * events assembles into, and the chat stream of {@code tokens + 3} chunks (its first and last two
   * carry no content).
   */
  static String text(int tokens) {
    StringBuilder text = new StringBuilder(tokens * 20);
    for (int i = 0; i < tokens; i++) {
      text.append(token(i));
    }
    return text.toString();
  }

  /** Token {@code i}: one to four consecutive words of the fixed text, with their spaces. */
  static String token(int i) {
    int words = 1 + (i * 7 + i / 5) % 4;
    StringBuilder token = new StringBuilder();
    for (int w = 0; w < words; w++) {
      token.append(WORDS[(i * 3 + w) % WORDS.length]);
    }
    return token.toString();
  }

  /** The function stream: {@code text_delta} events, then {@code done}. */
  byte[] functionEvents() {
    return functionEvents;
  }

  /** The chat stream: completion chunks, then {@code data: [DONE]}. */
  byte[] chatChunks() {
    return chatChunks;
  }

  /** What the pausing function sends at once: one {@code text_delta} event. */
  byte[] pausingFirst() {
    return pausingFirst;
  }

  /** What the pausing function sends after its pause: more deltas, then {@code done}. */
  byte[] pausingRest() {
    return pausingRest;
  }

  private static String textDelta(String token) {
    return "event: text_delta\ndata: " + GSON.toJson(token) + "\n\n";
  }

  private static byte[] utf8(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
