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
    this.heapBytes = HeapSize.ofEvent(id, json.length);
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

  /** The size of the event's JSON: what it adds to a request. */
  public int size() {
    return json.length;
  }

  /**
   * What the event occupies on the heap while queued, as {@link HeapSize} estimates it: its JSON,
   * its id and the objects holding them. This is what counts against the queue's bound.
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
}
