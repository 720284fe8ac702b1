package io.github.bt4j.streaming.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * A source that hands out scripted chunks, one chunk boundary per read, like a network socket.
 *
 * <p>After the script it either ends the stream or fails the test: a reader that asks for bytes
 * past the script is waiting for more data than it needs.
 */
final class ScriptedSource implements Source {
  private final Deque<Object> steps = new ArrayDeque<>();
  private boolean endAtScriptEnd = true;
  private byte[] current;
  private int offset;
  private long bytesDelivered;
  private long largestSinkSize;

  static ScriptedSource of(String... chunks) {
    ScriptedSource source = new ScriptedSource();
    for (String chunk : chunks) {
      source.then(chunk.getBytes(StandardCharsets.UTF_8));
    }
    return source;
  }

  ScriptedSource then(byte[] chunk) {
    steps.add(chunk);
    return this;
  }

  ScriptedSource then(String chunk) {
    return then(chunk.getBytes(StandardCharsets.UTF_8));
  }

  /** Fails the next read after the chunks so far, like a connection reset. */
  ScriptedSource thenFail(IOException failure) {
    steps.add(failure);
    return this;
  }

  /** Makes any read past the script fail the test instead of ending the stream. */
  ScriptedSource thenStall() {
    endAtScriptEnd = false;
    return this;
  }

  BufferedSource buffered() {
    return Okio.buffer(this);
  }

  long bytesDelivered() {
    return bytesDelivered;
  }

  /** The most bytes the reader's buffer held when it asked for more. */
  long largestSinkSize() {
    return largestSinkSize;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    largestSinkSize = Math.max(largestSinkSize, sink.size());
    while (current == null || offset == current.length) {
      Object step = steps.poll();
      if (step == null) {
        if (endAtScriptEnd) {
          return -1;
        }
        throw new AssertionError(
            "read past the scripted bytes: the reader wanted more than needed");
      }
      if (step instanceof IOException failure) {
        throw failure;
      }
      current = (byte[]) step;
      offset = 0;
    }
    int count = (int) Math.min(byteCount, current.length - offset);
    sink.write(current, offset, count);
    offset += count;
    bytesDelivered += count;
    return count;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {}
}
