package io.github.bt4j.logging.internal;

/**
 * Estimates the heap a queued event occupies, so that the queue's bound holds in memory and not
 * only in JSON bytes: for small events the objects around the JSON weigh more than the JSON itself.
 * The figures are those of a 64-bit HotSpot JVM with compressed references (any heap under 32 GB):
 * 12-byte object headers, 16-byte array headers, 4-byte references, sizes rounded up to 8.
 */
final class HeapSize {
  /** A {@link QueuedEvent}: header, three references, two longs, an int and a boolean. */
  static final int EVENT_OBJECT = 48;

  /** A {@link String} object, without its character array. */
  static final int STRING_OBJECT = 24;

  /** The queue's reference to the event; the deque's array may be up to half empty. */
  static final int QUEUE_SLOT = 8;

  private HeapSize() {}

  /** The heap held by a queued event with this id and {@code jsonLength} bytes of JSON. */
  static int ofEvent(String id, int jsonLength) {
    long total =
        EVENT_OBJECT
            + QUEUE_SLOT
            + byteArray(jsonLength)
            + STRING_OBJECT
            + byteArray(stringBytes(id));
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /** A {@code byte[]} of {@code length}: 16 bytes of header, rounded up to a multiple of 8. */
  static long byteArray(long length) {
    return (16 + length + 7) & ~7L;
  }

  /** Strings keep one byte a character when all are Latin-1 (ids usually are), else two. */
  private static int stringBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return 2 * s.length();
      }
    }
    return s.length();
  }
}
