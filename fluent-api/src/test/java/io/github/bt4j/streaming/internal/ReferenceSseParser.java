package io.github.bt4j.streaming.internal;

import io.github.bt4j.streaming.SseEvent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately plain event-stream parser over a whole byte array, written straight from the
 * WHATWG rules, as the oracle the streaming reader is compared with.
 */
final class ReferenceSseParser {
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * What the whole stream amounts to.
   *
   * @param events the events dispatched, in order
   * @param limitExceeded whether a line or event data passed the size limit after those events
   */
  record Outcome(List<SseEvent> events, boolean limitExceeded) {}

  private ReferenceSseParser() {}

  static Outcome parse(byte[] in, long maxBytes) {
    List<SseEvent> events = new ArrayList<>();
    int pos = startsWithBom(in) ? 3 : 0;
    String eventType = "";
    StringBuilder data = new StringBuilder();
    boolean hasData = false;
    long dataBytes = 0;
    String lastId = null;
    Long retry = null;
    while (true) {
      int end = pos;
      while (end < in.length && in[end] != '\r' && in[end] != '\n') {
        end++;
      }
      if (end - pos > maxBytes) {
        return new Outcome(events, true);
      }
      if (end == in.length) {
        return new Outcome(events, false); // an unterminated last line and its event are dropped
      }
      int next = end + 1;
      if (in[end] == '\r' && next < in.length && in[next] == '\n') {
        next++;
      }
      byte[] line = Arrays.copyOfRange(in, pos, end);
      pos = next;
      if (line.length == 0) {
        if (hasData) {
          events.add(
              new SseEvent(
                  eventType.isEmpty() ? "message" : eventType, data.toString(), lastId, retry));
        }
        eventType = "";
        data.setLength(0);
        hasData = false;
        dataBytes = 0;
        continue;
      }
      int colon = indexOf(line, (byte) ':');
      String name = decode(line, 0, colon < 0 ? line.length : colon);
      int valueStart = colon < 0 ? line.length : colon + 1;
      if (valueStart < line.length && line[valueStart] == ' ') {
        valueStart++;
      }
      String value = decode(line, valueStart, line.length);
      int valueBytes = line.length - valueStart;
      switch (name) {
        case "data" -> {
          long size = hasData ? dataBytes + 1 + valueBytes : valueBytes;
          if (size > maxBytes) {
            return new Outcome(events, true);
          }
          if (hasData) {
            data.append('\n');
          }
          data.append(value);
          hasData = true;
          dataBytes = size;
        }
        case "event" -> eventType = value;
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            lastId = value.isEmpty() ? null : value;
          }
        }
        case "retry" -> {
          if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            retry = new BigInteger(value).min(MAX_LONG).longValueExact();
          }
        }
        default -> {
          // comments and unknown fields
        }
      }
    }
  }

  private static boolean startsWithBom(byte[] in) {
    return in.length >= 3 && in[0] == (byte) 0xEF && in[1] == (byte) 0xBB && in[2] == (byte) 0xBF;
  }

  private static int indexOf(byte[] line, byte b) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String decode(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
