package io.github.bt4j.logging.internal;

import java.io.Writer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Writer} that encodes what it is given as UTF-8 into a growable byte array, so that Gson
 * writes an event straight into the bytes that will be sent: no String in between, and no
 * character-by-character append (which is what writing into a {@code StringBuilder} through Gson's
 * {@code Appendable} wrapper costs on Java 17). Encodes exactly as {@code String.getBytes(UTF_8)}
 * does: a surrogate pair becomes one four-byte sequence, an unpaired surrogate becomes {@code '?'}.
 *
 * <p>An encoder keeps one spare sink for its next event ({@link #acquire}, {@link #release}); a
 * caller that finds it taken by another thread gets a new one. Not a thread-local: a thread that
 * outlives the library (an application server's) would keep its class loader alive.
 */
final class Utf8Sink extends Writer {
  /** A buffer that grew past this is not kept for the next event. */
  private static final int KEPT_CAPACITY = 16 * 1024;

  private byte[] bytes = new byte[2048];
  private int count;
  private char pendingHigh;

  /** An empty sink: {@code spare}'s if it holds one, else a new one. */
  static Utf8Sink acquire(AtomicReference<Utf8Sink> spare) {
    Utf8Sink sink = spare.getAndSet(null);
    if (sink == null) {
      return new Utf8Sink();
    }
    sink.count = 0;
    sink.pendingHigh = 0;
    return sink;
  }

  /** Keeps the sink as {@code spare} for the next event; its bytes must not be read after this. */
  void release(AtomicReference<Utf8Sink> spare) {
    if (bytes.length > KEPT_CAPACITY) {
      bytes = new byte[2048];
    }
    spare.set(this);
  }

  /** How many bytes were written. */
  int size() {
    flushPending();
    return count;
  }

  /** The byte at {@code index}. */
  byte byteAt(int index) {
    return bytes[index];
  }

  /** Copies {@code length} bytes from {@code from} into {@code target} at {@code at}. */
  void copyTo(int from, byte[] target, int at, int length) {
    System.arraycopy(bytes, from, target, at, length);
  }

  /** A copy of the bytes written. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size());
  }

  /** Whether the bytes written contain {@code pattern} (ASCII). */
  boolean contains(byte[] pattern) {
    int last = size() - pattern.length;
    outer:
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The first {@code max} characters written (at most), for an error message. */
  String prefix(int max) {
    String text =
        new String(bytes, 0, Math.min(size(), max * 3), java.nio.charset.StandardCharsets.UTF_8);
    return text.length() <= max ? text : text.substring(0, max);
  }

  @Override
  public void write(int c) {
    ensure(6);
    put((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    write(new String(chars, offset, length), 0, length); // Gson's JsonWriter writes strings
  }

  @Override
  public void write(String s, int offset, int length) {
    ensure(3 * length + 3);
    for (int i = offset, end = offset + length; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80 && pendingHigh == 0) {
        bytes[count++] = (byte) c;
      } else {
        put(c);
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** Encodes one char; the caller made room for three bytes more than the pending half needs. */
  private void put(char c) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int code = Character.toCodePoint(high, c);
        bytes[count++] = (byte) (0xF0 | (code >> 18));
        bytes[count++] = (byte) (0x80 | ((code >> 12) & 0x3F));
        bytes[count++] = (byte) (0x80 | ((code >> 6) & 0x3F));
        bytes[count++] = (byte) (0x80 | (code & 0x3F));
        return;
      }
      bytes[count++] = '?';
    }
    if (c < 0x80) {
      bytes[count++] = (byte) c;
    } else if (c < 0x800) {
      bytes[count++] = (byte) (0xC0 | (c >> 6));
      bytes[count++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[count++] = '?';
    } else {
      bytes[count++] = (byte) (0xE0 | (c >> 12));
      bytes[count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[count++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  /** A high surrogate with nothing after it is unpaired: written as '?'. */
  private void flushPending() {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      ensure(1);
      bytes[count++] = '?';
    }
  }

  private void ensure(int more) {
    if (count + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
    }
  }
}
