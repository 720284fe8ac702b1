package io.github.bt4j.streaming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.streaming.SseEvent;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseReaderTest {

  private static List<SseEvent> readAll(SseReader reader) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent event = reader.next(); event != null; event = reader.next()) {
      events.add(event);
    }
    return events;
  }

  private static List<SseEvent> readAll(String... chunks) throws IOException {
    return readAll(
        new SseReader(ScriptedSource.of(chunks).buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES));
  }

  private static SseEvent message(String data) {
    return sse("message", data);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void everyLineEndStyleEndsLinesAndEvents(String eol) throws IOException {
    String stream =
        "event: text_delta"
            + eol
            + "data: one"
            + eol
            + eol
            + "data: two"
            + eol
            + "data: 2"
            + eol
            + eol;
    assertEquals(List.of(sse("text_delta", "one"), message("two\n2")), readAll(stream));
  }

  @Test
  void mixedLineEndsInOneStream() throws IOException {
    assertEquals(
        List.of(message("a\nb\nc"), message("d")),
        readAll("data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r"));
  }

  @Test
  void crAtTheEndOfOneReadAndLfAtTheStartOfTheNextAreOneLineEnd() throws IOException {
    assertEquals(List.of(message("a\nb")), readAll("data: a\r", "\ndata: b\r", "\n\r", "\n"));
  }

  @Test
  void crThenCrIsABlankLineEvenAcrossReads() throws IOException {
    assertEquals(List.of(message("a"), message("b")), readAll("data: a\r", "\rdata: b\r", "\r"));
  }

  @Test
  void anEventIsReturnedAsSoonAsItsBlankLineIsRead() throws IOException {
    // The script stalls after each blank line: reading on would fail the test.
    ScriptedSource source = ScriptedSource.of("data: first\n", "\n").thenStall();
    SseReader reader = new SseReader(source.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES);
    assertEquals(message("first"), reader.next());

    // A blank line ending in CR may be followed by an LF: the reader must not wait to see it.
    source = ScriptedSource.of("data: second\r\n\r").thenStall();
    reader = new SseReader(source.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES);
    assertEquals(message("second"), reader.next());
  }

  @Test
  void eventsInOneReadComeOutOneAtATime() throws IOException {
    SseReader reader =
        new SseReader(
            ScriptedSource.of("data: 1\n\ndata: 2\n\ndata: 3\n\n").thenStall().buffered(),
            SseReader.DEFAULT_MAX_EVENT_BYTES);
    assertEquals(message("1"), reader.next());
    assertEquals(message("2"), reader.next());
    assertEquals(message("3"), reader.next());
  }

  @Test
  void multiLineDataIsJoinedWithLineFeeds() throws IOException {
    assertEquals(
        List.of(message("{\n  \"a\": 1\n}"), message("\nx\n")),
        readAll("data: {\ndata:   \"a\": 1\ndata: }\n\n", "data\ndata: x\ndata:\n\n"));
  }

  @Test
  void onlyOneSpaceAfterTheColonIsStripped() throws IOException {
    assertEquals(
        List.of(message("no space"), message(" two spaces"), message("\ttab")),
        readAll("data:no space\n\ndata:  two spaces\n\ndata: \ttab\n\n"));
  }

  @Test
  void anEventWithEmptyDataIsDispatchedButOneWithoutDataIsNot() throws IOException {
    assertEquals(
        List.of(sse("done", ""), message("x")),
        readAll(
                "event: done\ndata:\n\n",
                "event: ignored\n\n",
                "id: 1\nretry: 5\n\n",
                "data: x\n\n")
            .stream()
            .map(e -> sse(e.event(), e.data()))
            .toList());
  }

  @Test
  void eventTypeDefaultsToMessageAndIsResetAfterEachBlankLine() throws IOException {
    assertEquals(
        List.of(sse("progress", "a"), message("b"), message("c"), sse("z", "d")),
        readAll(
            "event: progress\ndata: a\n\n",
            "data: b\n\n",
            "event:\ndata: c\n\n",
            "event: y\nevent: z\ndata: d\n\n"));
  }

  @Test
  void commentsAndUnknownFieldsAreIgnored() throws IOException {
    assertEquals(
        List.of(message("x")),
        readAll(":keep-alive\n", ": comment\n\n", "Data: wrong case\nfoo: bar\n", "data: x\n\n"));
  }

  @Test
  void aLineWithoutAColonIsAFieldWithAnEmptyValue() throws IOException {
    List<SseEvent> events = readAll("id: 7\ndata: a\n\nid\nevent\ndata\n\n");
    assertEquals(List.of(new SseEvent("message", "a", "7", null), message("")), events);
  }

  @Test
  void lastEventIdCarriesOverAndIdsWithNulAreIgnored() throws IOException {
    List<SseEvent> events =
        readAll(
            "id: 1\ndata: a\n\n",
            "data: b\n\n",
            "id: 2\u0000x\ndata: c\n\n",
            "id: \u00e9\ndata: d\n\n",
            "id:\ndata: e\n\n");
    assertEquals(
        List.of("1", "1", "1", "\u00e9"), events.stream().limit(4).map(SseEvent::id).toList());
    assertNull(events.get(4).id());
  }

  @Test
  void retryIsTakenOnlyWhenItIsAllDigits() throws IOException {
    List<SseEvent> events =
        readAll(
            "data: a\n\n",
            "retry: 1500\ndata: b\n\n",
            "retry: 12a\ndata: c\n\n",
            "retry:\ndata: d\n\n",
            "retry: 99999999999999999999999\ndata: e\n\n",
            "retry: -1\ndata: f\n\n");
    assertEquals(
        Arrays.asList(null, 1500L, 1500L, 1500L, Long.MAX_VALUE, Long.MAX_VALUE),
        events.stream().map(SseEvent::retry).toList());
  }

  @Test
  void aLeadingBomIsDroppedEvenWhenSplitAcrossReads() throws IOException {
    assertEquals(List.of(message("x")), readAll("\uFEFFdata: x\n\n"));
    ScriptedSource source =
        new ScriptedSource()
            .then(new byte[] {(byte) 0xEF})
            .then(new byte[] {(byte) 0xBB})
            .then(new byte[] {(byte) 0xBF, 'd'})
            .then("ata: y\n\n");
    assertEquals(
        List.of(message("y")),
        readAll(new SseReader(source.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES)));
  }

  @Test
  void onlyOneBomIsDroppedAndOnlyAtTheStart() throws IOException {
    // A second BOM makes the first field name "\uFEFFdata", an unknown field.
    assertEquals(List.of(message("b")), readAll("\uFEFF\uFEFFdata: a\n\ndata: b\n\n"));
    assertEquals(List.of(message("\uFEFFc")), readAll("data: \uFEFFc\n\n"));
  }

  @Test
  void utf8SplitAtEveryByteBoundaryDecodesCorrectly() throws IOException {
    // 2-, 3- and 4-byte characters: é, €, 😀 (a surrogate pair in Java).
    String text = "a\u00e9\u20ac\uD83D\uDE00z\u00e9";
    byte[] bytes = ("data: " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    for (int split = 1; split < bytes.length; split++) {
      ScriptedSource source =
          new ScriptedSource()
              .then(Arrays.copyOfRange(bytes, 0, split))
              .then(Arrays.copyOfRange(bytes, split, bytes.length));
      assertEquals(
          List.of(message(text)),
          readAll(new SseReader(source.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES)),
          "split at " + split);
    }
    ScriptedSource byteAtATime = new ScriptedSource();
    for (byte b : bytes) {
      byteAtATime.then(new byte[] {b});
    }
    assertEquals(
        List.of(message(text)),
        readAll(new SseReader(byteAtATime.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES)));
  }

  @Test
  void malformedUtf8BecomesReplacementCharacters() throws IOException {
    ScriptedSource source =
        new ScriptedSource().then("data: a").then(new byte[] {(byte) 0xC3}).then("b\n\n");
    assertEquals(
        List.of(message("a\uFFFDb")),
        readAll(new SseReader(source.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES)));
  }

  @Test
  void anUnterminatedEventAtTheEndOfTheStreamIsDiscarded() throws IOException {
    SseReader reader =
        new SseReader(
            ScriptedSource.of("data: a\n\n", "data: b\n").buffered(),
            SseReader.DEFAULT_MAX_EVENT_BYTES);
    assertEquals(message("a"), reader.next());
    assertNull(reader.next());
    assertNull(reader.next(), "end of stream is sticky");
    assertEquals(List.of(), readAll("data: unterminated line"));
    assertEquals(List.of(), readAll(""));
  }

  @Test
  void doneMarkerAndErrorEventsAreOrdinaryEventsToTheReader() throws IOException {
    assertEquals(
        List.of(message("{\"id\":1}"), message("[DONE]"), sse("error", "\"boom\"")),
        readAll("data: {\"id\":1}\n\ndata: [DONE]\n\n", "event: error\ndata: \"boom\"\n\n"));
  }

  @Test
  void aConnectionCutMidEventSurfacesTheIoExceptionAfterTheCompleteEvents() throws IOException {
    SocketException reset = new SocketException("Connection reset");
    ScriptedSource source =
        ScriptedSource.of("data: whole\n\n", "event: text_delta\ndata: par").thenFail(reset);
    SseReader reader = new SseReader(source.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES);
    assertEquals(message("whole"), reader.next());
    assertSame(reset, assertThrows(SocketException.class, reader::next));
  }

  @Test
  void aMegabyteDataLineArrivingInSmallReadsIsReadWhole() throws IOException {
    StringBuilder big = new StringBuilder();
    while (big.length() < 1_500_000) {
      big.append("0123456789abcdef\u00e9\u20ac");
    }
    byte[] bytes = ("data: " + big + "\n\n").getBytes(StandardCharsets.UTF_8);
    ScriptedSource source = new ScriptedSource();
    for (int i = 0; i < bytes.length; i += 1000) {
      source.then(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 1000)));
    }
    assertEquals(
        List.of(message(big.toString())),
        readAll(new SseReader(source.buffered(), SseReader.DEFAULT_MAX_EVENT_BYTES)));
  }

  @Test
  void linesAndDataUpToTheLimitAreAccepted() throws IOException {
    String tenBytes = "data: 0123";
    assertEquals(
        List.of(message("0123\n0123")),
        readAll(
            new SseReader(ScriptedSource.of(tenBytes + "\n" + tenBytes + "\n\n").buffered(), 10)));
  }

  @Test
  void aLineOverTheLimitFailsClearly() {
    SseReader reader = new SseReader(ScriptedSource.of("data: 01234\n\n").buffered(), 10);
    ProtocolException e = assertThrows(ProtocolException.class, reader::next);
    assertTrue(e.getMessage().contains("exceeds the limit of 10 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void dataOverTheLimitFailsEvenWhenEachLineFits() {
    SseReader reader =
        new SseReader(ScriptedSource.of("data: 0123456\ndata: 0123456\n\n").buffered(), 14);
    ProtocolException e = assertThrows(ProtocolException.class, reader::next);
    assertTrue(e.getMessage().startsWith("Event data of at least 15 bytes"), e.getMessage());
  }

  @Test
  void anEndlessLineFailsAfterBufferingNoMoreThanTheLimitAndOneRead() {
    EndlessSource endless = new EndlessSource();
    SseReader reader = new SseReader(Okio.buffer(endless), 64 * 1024);
    assertThrows(ProtocolException.class, reader::next);
    assertTrue(endless.delivered <= 64 * 1024 + 8192, "read " + endless.delivered + " bytes");
  }

  /** A source of endless 'a' bytes with no line end. */
  private static final class EndlessSource implements Source {
    long delivered;

    @Override
    public long read(Buffer sink, long byteCount) {
      byte[] chunk = new byte[(int) byteCount];
      Arrays.fill(chunk, (byte) 'a');
      sink.write(chunk);
      delivered += byteCount;
      return byteCount;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static SseEvent sse(String event, String data) {
    return new SseEvent(event, data, null, null);
  }
}
