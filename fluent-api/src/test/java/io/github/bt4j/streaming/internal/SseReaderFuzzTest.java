package io.github.bt4j.streaming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.bt4j.streaming.SseEvent;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds arbitrary bytes in arbitrary chunkings to {@link SseReader} and checks it against {@link
 * ReferenceSseParser} on the whole input.
 *
 * <p>A normal build runs this over the seeds in {@code SseReaderFuzzTestInputs} (regression mode).
 * To fuzz, run from the repository root (the reactor builds the modules it needs):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl fluent-api -am verify -Dmaven.javadoc.skip \
 *     -Dspotless.check.skip -Dtest=SseReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>That fuzzes for 30 seconds; {@code JAZZER_MAX_DURATION=10m} (or {@code ""} for no limit) runs
 * longer. The generated corpus goes to {@code fluent-api/.cifuzz-corpus} (not committed); a failing
 * input is written next to the seeds as {@code crash-<sha1>}: keep it there, renamed, as a
 * regression seed.
 *
 * <p>Input layout: the low four bits of the first byte give how many chunk sizes follow (none: one
 * byte per read), each next byte is a chunk size minus one, used in turn; bit 0x10 ends the stream
 * with a connection failure instead of a clean end; the rest is the stream.
 */
class SseReaderFuzzTest {
  // Low, so that the fuzzer reaches the limit paths often.
  private static final int MAX_BYTES = 64;

  @FuzzTest(maxDuration = "30s")
  void chunkedStreamsParseLikeTheWholeStream(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    int sizeCount = input[0] & 0x0F;
    boolean failAtEnd = (input[0] & 0x10) != 0;
    int streamStart = Math.min(input.length, 1 + sizeCount);
    int[] sizes = new int[Math.max(1, streamStart - 1)];
    Arrays.fill(sizes, 1);
    for (int i = 1; i < streamStart; i++) {
      sizes[i - 1] = (input[i] & 0xFF) + 1;
    }
    byte[] stream = Arrays.copyOfRange(input, streamStart, input.length);

    ScriptedSource source = new ScriptedSource();
    for (int at = 0, i = 0; at < stream.length; i++) {
      int size = Math.min(sizes[i % sizes.length], stream.length - at);
      source.then(Arrays.copyOfRange(stream, at, at + size));
      at += size;
    }
    IOException cut = new IOException("connection cut");
    if (failAtEnd) {
      source.thenFail(cut);
    }

    ReferenceSseParser.Outcome expected = ReferenceSseParser.parse(stream, MAX_BYTES);
    List<SseEvent> events = new ArrayList<>();
    SseReader reader = new SseReader(source.buffered(), MAX_BYTES);
    try {
      // Every event takes at least two bytes, so a reader that loops longer is stuck.
      for (int i = 0; ; i++) {
        if (i > stream.length) {
          fail("the reader did not reach the end of a " + stream.length + "-byte stream");
        }
        SseEvent event = reader.next();
        if (event == null) {
          break;
        }
        events.add(event);
      }
      assertEquals(expected.events(), events);
      assertTrue(!expected.limitExceeded(), "a line or event over the limit was accepted");
      assertTrue(!failAtEnd, "the connection failure was swallowed");
    } catch (ProtocolException e) {
      assertEquals(expected.events(), events);
      assertTrue(expected.limitExceeded(), "limit reported for a stream within it");
    } catch (IOException e) {
      assertSame(cut, e);
      assertEquals(expected.events(), events);
      assertTrue(!expected.limitExceeded(), "the limit should have been hit before the end");
    }
    // The reader asks for more bytes only while its line is within the limit.
    assertTrue(
        source.largestSinkSize() <= MAX_BYTES,
        "buffered " + source.largestSinkSize() + " bytes before reading more");
  }
}
