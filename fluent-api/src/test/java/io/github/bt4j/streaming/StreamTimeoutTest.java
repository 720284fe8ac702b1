package io.github.bt4j.streaming;

import static io.github.bt4j.streaming.ScriptedHttpServer.await;
import static io.github.bt4j.streaming.ScriptedHttpServer.end;
import static io.github.bt4j.streaming.ScriptedHttpServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.models.InvokeFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streams have their own timeout rule: the read timeout between events, and a whole-call timeout
 * only when the call asks for one. The server here is slow on purpose: its pause, longer than the
 * client's whole-call timeout, is the scenario, not a stand-in for synchronisation.
 */
class StreamTimeoutTest {
  private static final String FUNCTION_ID = "0b6e2f3a-9c1d-4e5f-8a7b-6c5d4e3f2a1b";
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(300);

  private static String delta(String text) {
    return "event: text_delta\ndata: \"" + text + "\"\n\n";
  }

  /** A server step that keeps the stream quiet for longer than the call timeout. */
  private static ScriptedHttpServer.Step pauseLongerThanTheCallTimeout() {
    return exchange -> Thread.sleep(CALL_TIMEOUT.multipliedBy(3).toMillis());
  }

  private static BraintrustClient client(ScriptedHttpServer server, Duration callTimeout) {
    String base = server.url().substring(0, server.url().indexOf("/stream"));
    return BraintrustClient.builder()
        .apiKey("sk-test")
        .baseUrl(base)
        .maxRetries(0)
        .callTimeout(callTimeout)
        .build();
  }

  @Test
  void theClientsCallTimeoutDoesNotCutAHealthyStream() throws Exception {
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                send(delta("a")),
                pauseLongerThanTheCallTimeout(),
                send(delta("b")),
                pauseLongerThanTheCallTimeout(),
                send(delta("c") + "event: done\ndata: \n\n"),
                end());
        BraintrustClient client = client(server, CALL_TIMEOUT);
        ServerSentEventStream<FunctionEvent> events =
            client.functions().invokeStream(FUNCTION_ID, new InvokeFunction().input("hi"))) {
      FunctionEventAccumulator text = new FunctionEventAccumulator();
      events.forEach(text);
      assertEquals("abc", text.text());
      server.scriptDone().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWholeCallTimeoutAskedForByTheCallEndsTheStream() throws Exception {
    CountDownLatch neverDuringTheTest = new CountDownLatch(1);
    RequestOptions bounded = RequestOptions.builder().timeout(CALL_TIMEOUT).build();
    List<String> seen = new ArrayList<>();
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(send(delta("a")), await(neverDuringTheTest), end());
        BraintrustClient client = client(server, Duration.ofMinutes(5));
        ServerSentEventStream<FunctionEvent> events =
            client
                .functions()
                .invokeStream(FUNCTION_ID, new InvokeFunction().input("hi"), bounded)) {
      StreamException e =
          assertThrows(
              StreamException.class,
              () -> events.forEach(event -> seen.add(String.valueOf(event))));
      assertEquals(1, e.eventsReceived());
      neverDuringTheTest.countDown();
    }
    assertEquals(1, seen.size());
  }
}
