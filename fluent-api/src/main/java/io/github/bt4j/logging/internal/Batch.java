package io.github.bt4j.logging.internal;

import java.util.List;
import okhttp3.Call;

/**
 * Events taken from the head of the queue together, all of one kind, to be sent by one worker. A
 * batch is a contiguous run of the queue, so its sequence numbers start at its first event's.
 */
public final class Batch {
  private final List<QueuedEvent> events;
  private volatile Call currentCall;

  public Batch(List<QueuedEvent> events) {
    this.events = events;
  }

  /** The kind shared by all events of the batch. */
  public EventKind kind() {
    return events.get(0).kind();
  }

  /** The events, in the order they were accepted. */
  public List<QueuedEvent> events() {
    return events;
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
