package io.github.bt4j.logging.internal;

/**
 * One accepted event waiting to be sent: its JSON, serialised on the caller's thread, and the id it
 * was given there. The id is also the key that orders events: two events with the same id are never
 * in flight in two requests at once.
 */
public final class QueuedEvent {
  private final String id;
  private final EventKind kind;
  private final byte[] json;
  private final int heapBytes;
  private final long enqueuedNanos;
  private long seq;
  // Written and read only by the sender that holds the event's batch.
  private boolean settled;

  /** Creates an event; {@code json} is a JSON object that contains {@code "id": id}. */
  public QueuedEvent(String id, EventKind kind, byte[] json) {
    this.id = id;
    this.kind = kind;
    this.json = json;
    this.heapBytes = heapBytes(id, json.length);
    this.enqueuedNanos = System.nanoTime();
  }

  /** The row id (for feedback: the id of the row the feedback is about). */
  public String id() {
    return id;
  }

  /** Insert or feedback. */
  public EventKind kind() {
    return kind;
  }

  /** The event's JSON bytes (UTF-8); never modified. */
  public byte[] json() {
    return json;
  }

  /**
   * What the event occupies on the heap while queued, as estimated below: its JSON, its id and the
   * objects holding them. This is what counts against the queue's bound.
   */
  public int heapBytes() {
    return heapBytes;
  }

  /** When the event was accepted, on the {@link System#nanoTime()} scale. */
  public long enqueuedNanos() {
    return enqueuedNanos;
  }

  /** The position of the event in the order of acceptance, from 1. */
  public long seq() {
    return seq;
  }

  public void seq(long seq) {
    this.seq = seq;
  }

  /** Whether the event was acknowledged or reported as failed. */
  public boolean isSettled() {
    return settled;
  }

  /** Records that the event was acknowledged or reported. */
  public void settle() {
    settled = true;
  }

  // The heap estimate, so that the queue's bound holds in memory and not only in JSON bytes: for
  // small events the objects around the JSON weigh more than the JSON itself. The figures are those
  // of a 64-bit HotSpot JVM with compressed references (any heap under 32 GB): 12-byte object
  // headers, 16-byte array headers, 4-byte references, sizes rounded up to 8.

  /** A {@link QueuedEvent}: header, three references, two longs, an int and a boolean. */
  private static final int EVENT_OBJECT = 48;

  /** A {@link String} object, without its character array. */
  private static final int STRING_OBJECT = 24;

  /** The queue's reference to the event; the deque's array may be up to half empty. */
  private static final int QUEUE_SLOT = 8;

  /** The heap held by a queued event with this id and {@code jsonLength} bytes of JSON. */
  private static int heapBytes(String id, int jsonLength) {
    long total =
        EVENT_OBJECT
            + QUEUE_SLOT
            + byteArray(jsonLength)
            + STRING_OBJECT
            + byteArray(stringBytes(id));
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /** A {@code byte[]} of {@code length}: 16 bytes of header, rounded up to a multiple of 8. */
  private static long byteArray(long length) {
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
