package io.github.bt4j.logging.internal;

import java.util.List;
import okhttp3.Call;

/**
 * Events taken from the head of the queue together, all of one kind, to be sent by one worker. A
 * batch is a contiguous run of the queue, so its sequence numbers start at {@link #firstSeq()}.
 */
public final class Batch {
  private final EventKind kind;
  private final List<QueuedEvent> events;
  private volatile Call currentCall;

  public Batch(EventKind kind, List<QueuedEvent> events) {
    this.kind = kind;
    this.events = events;
  }

  /** The kind shared by all events of the batch. */
  public EventKind kind() {
    return kind;
  }

  /** The events, in the order they were accepted. */
  public List<QueuedEvent> events() {
    return events;
  }

  public long firstSeq() {
    return events.get(0).seq();
  }

  /** Remembers the HTTP call in progress so that an abandoning close can cancel it. */
  public void currentCall(Call call) {
    this.currentCall = call;
  }

  public void cancel() {
    Call call = currentCall;
    if (call != null) {
      call.cancel();
    }
  }
}
