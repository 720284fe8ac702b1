package io.github.bt4j.streaming;

import static io.github.bt4j.streaming.ScriptedHttpServer.await;
import static io.github.bt4j.streaming.ScriptedHttpServer.cutMidChunk;
import static io.github.bt4j.streaming.ScriptedHttpServer.end;
import static io.github.bt4j.streaming.ScriptedHttpServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.streaming.internal.EventStream;
import io.github.bt4j.streaming.internal.SseReader;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ServerSentEventStreamTest {
  // Far below the read timeout, so only a prompt close or a prompt event can meet it, yet loose
  // enough for a loaded machine.
  private static final Duration PROMPTLY = Duration.ofSeconds(5);
  private static final OkHttpClient CLIENT =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();

  @AfterAll
  static void shutDownClient() {
    CLIENT.dispatcher().executorService().shutdown();
    CLIENT.connectionPool().evictAll();
  }

  /** A call made and its response, ready to stream. */
  private record Exchange(Call call, Response response) {
    <T> EventStream<T> stream(
        Function<SseEvent, T> decoder, Predicate<SseEvent> endOfStream, long maxEventBytes) {
      return new EventStream<>(call, response, decoder, endOfStream, maxEventBytes);
    }
  }

  private static Exchange connect(ScriptedHttpServer server) throws IOException {
    Call call = CLIENT.newCall(new Request.Builder().url(server.url()).build());
    Response response = call.execute();
    assertEquals(200, response.code());
    return new Exchange(call, response);
  }

  private static ServerSentEventStream<String> dataStream(ScriptedHttpServer server)
      throws IOException {
    Exchange exchange = connect(server);
    return exchange.stream(
        SseEvent::data, event -> "[DONE]".equals(event.data()), SseReader.DEFAULT_MAX_EVENT_BYTES);
  }

  @Test
  void theFirstEventIsReadWhileTheServerIsStillSending() throws Exception {
    CountDownLatch firstEventRead = new CountDownLatch(1);
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                send("data: one\n\n"), await(firstEventRead), send("data: two\n\n"), end());
        ServerSentEventStream<String> stream = dataStream(server)) {
      Iterator<String> events = stream.iterator();
      // The server sends nothing more until the first event is read here.
      assertTimeoutPreemptively(PROMPTLY, () -> assertEquals("one", events.next()));
      firstEventRead.countDown();
      assertEquals("two", events.next());
      assertFalse(events.hasNext());
      server.scriptDone().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void closeFromAnotherThreadWhileBlockedInNextFreesTheConnectionPromptly() throws Exception {
    // Streams read to their end by other tests leave idle connections; only this one's counts.
    CLIENT.connectionPool().evictAll();
    try (ScriptedHttpServer server = new ScriptedHttpServer(send("id: 41\ndata: one\n\n"));
        ServerSentEventStream<String> stream = dataStream(server)) {
      Iterator<String> events = stream.iterator();
      assertEquals("one", events.next());
      CompletableFuture<Boolean> blockedRead = new CompletableFuture<>();
      Thread consumer = new Thread(() -> readInto(blockedRead, events), "sse-consumer");
      consumer.start();
      awaitBlockedInSocketRead(consumer);

      // The server sends nothing more: the blocked read can end only through close().
      stream.close();

      ExecutionException failure =
          assertThrows(
              ExecutionException.class,
              () -> blockedRead.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS));
      StreamCancelledException cancelled =
          assertInstanceOf(StreamCancelledException.class, failure.getCause());
      // The cause is the blocked read's failure: the close interrupted it, not a later read.
      assertInstanceOf(IOException.class, cancelled.getCause());
      assertEquals(1, cancelled.eventsReceived());
      assertEquals("41", cancelled.lastEventId());
      server.clientClosed().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals(0, CLIENT.connectionPool().connectionCount());
    }
  }

  private static void readInto(CompletableFuture<Boolean> result, Iterator<String> events) {
    try {
      result.complete(events.hasNext());
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  /** Waits until {@code thread} is inside a socket read, with no data to return. */
  private static void awaitBlockedInSocketRead(Thread thread) {
    assertTimeoutPreemptively(
        PROMPTLY,
        () -> {
          while (thread.isAlive()) {
            boolean inSocketRead =
                Arrays.stream(thread.getStackTrace())
                    .anyMatch(
                        frame ->
                            (frame.getClassName().endsWith("NioSocketImpl")
                                    || frame.getClassName().endsWith("SocketInputStream"))
                                && frame.getMethodName().toLowerCase().contains("read"));
            if (inSocketRead) {
              return;
            }
            Thread.onSpinWait();
          }
          throw new AssertionError("the consumer ended without blocking in a socket read");
        },
        "the consumer never blocked reading the socket");
  }

  @Test
  void closingAnIdleStreamMakesTheNextReadFailAndShutsTheConnection() throws Exception {
    try (ScriptedHttpServer server = new ScriptedHttpServer(send("data: one\n\ndata: two\n\n"))) {
      ServerSentEventStream<String> stream = dataStream(server);
      Iterator<String> events = stream.iterator();
      assertEquals("one", events.next());
      stream.close();
      stream.close();
      StreamCancelledException e = assertThrows(StreamCancelledException.class, events::hasNext);
      assertNull(e.getCause(), "no read was under way");
      assertFalse(events.hasNext(), "the failure is reported once, then the stream is over");
      server.clientClosed().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void theDoneMarkerEndsTheStreamWithoutWaitingForTheServerToFinish() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(send("data: a\n\ndata: [DONE]\n\n"), await(never));
        ServerSentEventStream<String> stream = dataStream(server)) {
      List<String> all =
          assertTimeoutPreemptively(PROMPTLY, () -> stream.stream().collect(Collectors.toList()));
      assertEquals(List.of("a"), all);
      assertEquals(2, stream.eventsReceived());
      never.countDown();
    }
  }

  @Test
  void anErrorEventFailsTheStreamWithWhatArrivedBeforeIt() throws Exception {
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                send("id: 5\ndata: a\n\n"),
                send("event: error\ndata: {\"message\":\"quota exceeded\"}\n\ndata: b\n\n"));
        ServerSentEventStream<String> stream = dataStream(server)) {
      List<String> seen = new ArrayList<>();
      StreamErrorException e =
          assertThrows(StreamErrorException.class, () -> stream.forEach(seen::add));
      assertEquals(List.of("a"), seen);
      assertEquals("quota exceeded", e.errorMessage());
      assertEquals("{\"message\":\"quota exceeded\"}", e.data());
      assertEquals(1, e.eventsReceived());
      assertEquals("5", e.lastEventId());
      assertTrue(e.getMessage().contains("quota exceeded"), e.getMessage());
      assertTrue(e.getMessage().contains("after 1 event, last event id '5'"), e.getMessage());
    }
  }

  @Test
  void aConnectionBrokenMidEventFailsWithWhatArrivedBeforeIt() throws Exception {
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                send("data: a\n\n"), send("data: b\n\n"), cutMidChunk("data: partial"));
        ServerSentEventStream<String> stream = dataStream(server)) {
      Iterator<String> events = stream.iterator();
      assertEquals("a", events.next());
      assertEquals("b", events.next());
      StreamException e = assertThrows(StreamException.class, events::hasNext);
      assertFalse(e instanceof StreamCancelledException);
      assertInstanceOf(IOException.class, e.getCause());
      assertEquals(2, e.eventsReceived());
      assertNull(e.lastEventId());
    }
  }

  @Test
  void anOversizedEventFailsWithTheLimitAsCause() throws Exception {
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(send("data: short\n\n"), send("data: " + "x".repeat(100)));
        ServerSentEventStream<String> stream =
            connect(server).stream(SseEvent::data, event -> false, 64)) {
      Iterator<String> events = stream.iterator();
      assertEquals("short", events.next());
      StreamException e = assertThrows(StreamException.class, events::hasNext);
      assertInstanceOf(ProtocolException.class, e.getCause());
      assertTrue(e.getMessage().contains("exceeds the limit of 64 bytes"), e.getMessage());
      server.clientClosed().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void theDecoderSkipsEventsWithNullAndItsFailuresBecomeStreamExceptions() throws Exception {
    Function<SseEvent, Integer> decoder =
        event -> event.event().equals("ping") ? null : Integer.parseInt(event.data());
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                send("data: 1\n\nevent: ping\ndata: x\n\ndata: 2\n\ndata: three\n\n"), end());
        ServerSentEventStream<Integer> stream =
            connect(server).stream(decoder, event -> false, SseReader.DEFAULT_MAX_EVENT_BYTES)) {
      Iterator<Integer> numbers = stream.iterator();
      assertEquals(1, numbers.next());
      assertEquals(2, numbers.next());
      StreamException e = assertThrows(StreamException.class, numbers::hasNext);
      assertInstanceOf(NumberFormatException.class, e.getCause());
      assertEquals(3, e.eventsReceived());
    }
  }

  @Test
  void aStreamIsConsumedOnlyOnce() throws Exception {
    try (ScriptedHttpServer server = new ScriptedHttpServer(send("data: a\n\n"), end());
        ServerSentEventStream<String> stream = dataStream(server)) {
      List<String> all = new ArrayList<>();
      stream.forEach(all::add);
      assertEquals(List.of("a"), all);
      assertThrows(IllegalStateException.class, stream::iterator);
      assertThrows(IllegalStateException.class, stream::stream);
    }
  }

  @Test
  void closingTheJavaStreamClosesTheConnection() throws Exception {
    try (ScriptedHttpServer server = new ScriptedHttpServer(send("data: a\n\ndata: b\n\n"))) {
      ServerSentEventStream<String> events = dataStream(server);
      try (java.util.stream.Stream<String> stream = events.stream()) {
        assertEquals("a", stream.findFirst().orElseThrow());
      }
      server.clientClosed().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void theRawViewHandsOutEveryEventAsSentAndEndsAfterTheEndMarker() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                send("retry: 3000\nid: 7\nevent: progress\ndata: a\ndata: b\n\n: keep-alive\n\n"),
                send("event: error\ndata: {\"message\":\"quota\"}\n\n"),
                send("id: 8\ndata: [DONE]\n\n"),
                await(never));
        ServerSentEventStream<String> typed = dataStream(server)) {
      ServerSentEventStream<SseEvent> raw = typed.rawEvents();
      // The server never ends the response: only the end marker can end the raw view.
      List<SseEvent> all =
          assertTimeoutPreemptively(PROMPTLY, () -> raw.stream().collect(Collectors.toList()));
      assertEquals(
          List.of(
              new SseEvent("progress", "a\nb", "7", 3000L),
              new SseEvent("error", "{\"message\":\"quota\"}", "7", 3000L),
              new SseEvent("message", "[DONE]", "8", 3000L)),
          all);
      assertEquals(3, raw.eventsReceived());
      assertEquals(3, typed.eventsReceived(), "both views count the same reads");
      assertEquals("8", typed.lastEventId());
      assertThrows(IllegalStateException.class, typed::iterator, "the raw view consumed it");
      never.countDown();
      server.clientClosed().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void theRawViewCannotBeTakenOnceTheTypedViewIsBeingRead() throws Exception {
    try (ScriptedHttpServer server = new ScriptedHttpServer(send("data: a\n\n"), end());
        ServerSentEventStream<String> stream = dataStream(server)) {
      Iterator<String> events = stream.iterator();
      assertEquals("a", events.next());
      assertThrows(IllegalStateException.class, stream::rawEvents);
    }
  }

  @Test
  void closingTheRawViewClosesTheConnection() throws Exception {
    try (ScriptedHttpServer server = new ScriptedHttpServer(send("data: a\n\ndata: b\n\n"))) {
      ServerSentEventStream<String> typed = dataStream(server);
      ServerSentEventStream<SseEvent> raw = typed.rawEvents();
      Iterator<SseEvent> events = raw.iterator();
      assertEquals("a", events.next().data());
      raw.close();
      assertThrows(StreamCancelledException.class, events::hasNext);
      server.clientClosed().get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void aBrokenConnectionStillFailsTheRawView() throws Exception {
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(send("id: 1\ndata: a\n\n"), cutMidChunk("data: part"));
        ServerSentEventStream<SseEvent> raw = dataStream(server).rawEvents()) {
      Iterator<SseEvent> events = raw.iterator();
      assertEquals("a", events.next().data());
      StreamException e = assertThrows(StreamException.class, events::hasNext);
      assertEquals(1, e.eventsReceived());
      assertEquals("1", e.lastEventId());
    }
  }
}
