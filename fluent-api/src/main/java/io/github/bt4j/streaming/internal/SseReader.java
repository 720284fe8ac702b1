package io.github.bt4j.streaming.internal;

import io.github.bt4j.streaming.SseEvent;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads server-sent events from a byte source following the WHATWG event-stream rules.
 *
 * <p>Lines may end in LF, CRLF or CR; each line is decoded from UTF-8 only once it is complete, so
 * characters split across network reads decode correctly. An event is returned as soon as the blank
 * line that ends it has been read: the reader never waits for more bytes than it needs. Memory
 * stays bounded: a line, or the data of one event, larger than the configured maximum fails with a
 * {@link ProtocolException} saying so.
 *
 * <p>Not thread-safe. After {@link #next()} throws, the reader must not be used again.
 */
public final class SseReader {
  /** The default largest line, and largest event data, in bytes: 16 MiB. */
  public static final long DEFAULT_MAX_EVENT_BYTES = 16L * 1024 * 1024;

  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");
  private static final ByteString DATA = ByteString.encodeUtf8("data");
  private static final ByteString EVENT = ByteString.encodeUtf8("event");
  private static final ByteString ID = ByteString.encodeUtf8("id");
  private static final ByteString RETRY = ByteString.encodeUtf8("retry");

  private final BufferedSource source;
  private final Buffer buffer;
  private final long maxEventBytes;

  private boolean bomChecked;
  // The previous line ended in CR: an LF right after it belongs to that line end, not a new one.
  private boolean skipLf;

  private String eventType;
  // The first data line, and the lines joined once there is a second (rare: most events have one).
  private String firstData;
  private StringBuilder joinedData;
  private long dataBytes;
  private String lastEventId;
  private Long retry;

  /**
   * A reader with the given size limit.
   *
   * @param source the response body
   * @param maxEventBytes the largest line, and the largest data of one event, in UTF-8 bytes; at
   *     least 1
   */
  public SseReader(BufferedSource source, long maxEventBytes) {
    this.source = Objects.requireNonNull(source, "source");
    this.buffer = source.getBuffer();
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Reads the next event, blocking until its terminating blank line arrives.
   *
   * @return the event, or null at the end of the stream (an unterminated event there is discarded)
   * @throws ProtocolException if a line or the event data is larger than the limit
   * @throws IOException if reading the source fails
   */
  public SseEvent next() throws IOException {
    if (!bomChecked) {
      bomChecked = true;
      if (source.rangeEquals(0, BOM)) {
        buffer.skip(BOM.size());
      }
    }
    while (true) {
      long length = nextLineLength();
      if (length < 0) {
        resetEvent();
        return null;
      }
      if (length == 0) {
        consumeLineEnd();
        SseEvent event = dispatch();
        if (event != null) {
          return event;
        }
      } else {
        processField(length);
        consumeLineEnd();
      }
    }
  }

  /**
   * Buffers the next line and its line end.
   *
   * @return the length of the line in bytes, without its line end, or -1 at the end of the stream
   */
  private long nextLineLength() throws IOException {
    if (skipLf) {
      if (!source.request(1)) {
        return -1;
      }
      if (buffer.getByte(0) == '\n') {
        buffer.skip(1);
      }
      skipLf = false;
    }
    long scanned = 0;
    while (true) {
      long end = buffer.indexOfElement(LINE_ENDS, scanned);
      long atLeast = end >= 0 ? end : buffer.size();
      if (atLeast > maxEventBytes) {
        throw tooLarge("An event-stream line", atLeast, maxEventBytes);
      }
      if (end >= 0) {
        return end;
      }
      scanned = atLeast;
      if (!source.request(scanned + 1)) {
        buffer.clear();
        return -1;
      }
    }
  }

  private static ProtocolException tooLarge(String what, long atLeast, long limit) {
    return new ProtocolException(
        what + " of at least " + atLeast + " bytes exceeds the limit of " + limit + " bytes");
  }

  private void consumeLineEnd() throws IOException {
    skipLf = buffer.readByte() == '\r';
  }

  /** Applies one non-blank line at the head of the buffer, leaving only its line end. */
  private void processField(long length) throws IOException {
    long colon = buffer.indexOf((byte) ':', 0, length);
    long nameLength = colon < 0 ? length : colon;
    if (nameLength == DATA.size() && buffer.rangeEquals(0, DATA)) {
      appendData(skipToValue(length, colon));
    } else if (nameLength == EVENT.size() && buffer.rangeEquals(0, EVENT)) {
      eventType = buffer.readUtf8(skipToValue(length, colon));
    } else if (nameLength == ID.size() && buffer.rangeEquals(0, ID)) {
      readId(skipToValue(length, colon));
    } else if (nameLength == RETRY.size() && buffer.rangeEquals(0, RETRY)) {
      readRetry(skipToValue(length, colon));
    } else {
      // Comments (empty field name) and unknown fields are ignored.
      buffer.skip(length);
    }
  }

  /**
   * Skips the field name, the colon and one space after it.
   *
   * @return the length of the field value
   */
  private long skipToValue(long length, long colon) throws IOException {
    if (colon < 0) {
      buffer.skip(length);
      return 0;
    }
    long valueStart = colon + 1;
    if (valueStart < length && buffer.getByte(valueStart) == ' ') {
      valueStart++;
    }
    buffer.skip(valueStart);
    return length - valueStart;
  }

  private void appendData(long valueLength) throws IOException {
    long size = firstData == null ? valueLength : dataBytes + 1 + valueLength;
    if (size > maxEventBytes) {
      throw tooLarge("Event data", size, maxEventBytes);
    }
    String value = buffer.readUtf8(valueLength);
    if (firstData == null) {
      firstData = value;
    } else {
      joinedData = joinedData == null ? new StringBuilder(firstData) : joinedData;
      joinedData.append('\n').append(value);
    }
    dataBytes = size;
  }

  private void readId(long valueLength) throws IOException {
    if (buffer.indexOf((byte) 0, 0, valueLength) >= 0) {
      buffer.skip(valueLength);
    } else {
      lastEventId = valueLength == 0 ? null : buffer.readUtf8(valueLength);
    }
  }

  private void readRetry(long valueLength) throws IOException {
    String value = buffer.readUtf8(valueLength);
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        retry = Long.parseLong(value);
      } catch (NumberFormatException tooLarge) {
        retry = Long.MAX_VALUE;
      }
    }
  }

  /**
   * Ends the current event at a blank line.
   *
   * @return the event, or null when it had no data lines
   */
  private SseEvent dispatch() {
    if (firstData == null) {
      resetEvent();
      return null;
    }
    String data = joinedData == null ? firstData : joinedData.toString();
    String type = eventType == null || eventType.isEmpty() ? SseEvent.DEFAULT_EVENT : eventType;
    resetEvent();
    return new SseEvent(type, data, lastEventId, retry);
  }

  private void resetEvent() {
    eventType = null;
    firstData = null;
    dataBytes = 0;
    joinedData = null;
  }
}
