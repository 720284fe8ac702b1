package io.github.bt4j.logging;

import io.github.bt4j.logging.internal.Batch;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.QueuedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The writer's queue: a FIFO of serialised events bounded by the heap they occupy (see {@link
 * QueuedEvent#heapBytes()}), from which workers take batches. It also knows what is in flight, so
 * that it can keep two requests for the same id from racing (the later could land first) and tell a
 * flush when everything up to a point has settled.
 *
 * <p>A batch is always a prefix of the queue: it ends where the row or byte limit is reached, where
 * the kind of event changes (inserts and feedback go to different endpoints), or before an event
 * whose id is in flight. A part-full batch waits for more events: for the linger time if one is
 * set, otherwise only while another request is in flight (as Nagle's algorithm does), so that
 * batches fill up under load and a lone event goes at once when the writer is idle. Every method is
 * thread-safe; one lock guards everything, held only for constant-time work or a scan of at most
 * one batch.
 */
public final class EventQueue {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition spaceFreed = lock.newCondition();
  private final Condition workChanged = lock.newCondition();
  private final Condition settled = lock.newCondition();

  private final ArrayDeque<QueuedEvent> queue = new ArrayDeque<>();
  private final Set<String> inFlightIds = new HashSet<>();
  private final List<Batch> inFlight = new ArrayList<>();
  private final long maxQueuedBytes;
  private final int maxBatchRows;
  private final long maxBatchBytes;
  private final long lingerNanos;

  /** The heap the queued events occupy: what the bound limits. */
  private long queuedBytes;

  /** The JSON bytes of the queued events: what requests will carry. */
  private long queuedJsonBytes;

  private long nextSeq = 1;
  private long flushUpTo;
  private int idleWorkers;
  private boolean closed;
  private boolean abandoned;

  /**
   * Creates a queue bounded and batched as {@code options} say: the heap of the queued events, as
   * {@link QueuedEvent#heapBytes()} counts it (an event always fits an empty queue), the rows and
   * bytes of a batch (unless a single event is larger) and the linger (0 for waiting only while
   * another request is in flight).
   */
  public EventQueue(WriterOptions options) {
    this.maxQueuedBytes = options.maxQueuedBytes();
    this.maxBatchRows = options.maxBatchRows();
    this.maxBatchBytes = options.maxBatchBytes();
    this.lingerNanos = options.linger().toNanos();
  }

  /** The bytes a request adds around its rows: {@code {"events":[} and {@code ]}}. */
  public static int envelopeBytes(EventKind kind) {
    return kind.bodyField().length() + 7;
  }

  /**
   * Appends an event, waiting up to {@code blockNanos} for space.
   *
   * @return true if accepted; false if the queue is full and {@code dropWhenFull}
   * @throws QueueFullException if the queue stayed full for {@code blockNanos} or the wait was
   *     interrupted
   * @throws IllegalStateException if the writer is closed
   */
  public boolean offer(QueuedEvent event, boolean dropWhenFull, long blockNanos) {
    lock.lock();
    try {
      ensureOpen();
      long remaining = blockNanos;
      while (!queue.isEmpty() && queuedBytes + event.heapBytes() > maxQueuedBytes) {
        if (dropWhenFull) {
          return false;
        }
        if (remaining <= 0) {
          throw new QueueFullException(
              "event "
                  + event.id()
                  + " was not accepted: the writer's queue stayed full ("
                  + queuedBytes
                  + " of "
                  + maxQueuedBytes
                  + " bytes) for "
                  + TimeUnit.NANOSECONDS.toMillis(blockNanos)
                  + " ms; the server takes events more slowly than they are logged",
              null);
        }
        try {
          remaining = spaceFreed.awaitNanos(remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new QueueFullException(
              "event " + event.id() + " was not accepted: interrupted while the queue was full", e);
        }
        ensureOpen();
      }
      event.seq(nextSeq++);
      queue.addLast(event);
      queuedBytes += event.heapBytes();
      queuedJsonBytes += event.json().length;
      // Wake an idle worker only if the event may let it send: it is the only one and would be sent
      // at once (or start the linger), or the queue now holds a full batch. Waking workers for
      // every
      // event would only have them look and wait again, holding the lock the loggers need.
      if (idleWorkers > 0
          && ((queue.size() == 1 && (lingerNanos > 0 || inFlight.isEmpty())) || holdsFullBatch())) {
        workChanged.signal();
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the queue holds at least a batch's worth of rows or bytes (an estimate). */
  private boolean holdsFullBatch() {
    int size = queue.size();
    return size >= maxBatchRows
        || (size > 0
            && queuedJsonBytes + size + envelopeBytes(queue.peekLast().kind()) > maxBatchBytes);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the writer is closed: the event was not accepted");
    }
  }

  /**
   * Waits for the next batch to send. Returns null once the queue is closed and empty, or
   * abandoned.
   */
  public Batch take() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (abandoned) {
          return null;
        }
        QueuedEvent head = queue.peekFirst();
        if (head == null) {
          if (closed) {
            return null;
          }
          idleWait(0);
          continue;
        }
        if (inFlightIds.contains(head.id())) {
          idleWait(0);
          continue;
        }
        long scan = scanBatch();
        int rows = (int) (scan >>> 1);
        boolean full = (scan & 1) == 1;
        if (!full && !closed && head.seq() > flushUpTo) {
          if (lingerNanos > 0) {
            long wait = head.enqueuedNanos() + lingerNanos - System.nanoTime();
            if (wait > 0) {
              idleWait(wait);
              continue;
            }
          } else if (!inFlight.isEmpty()) {
            // Like Nagle's algorithm: while a request is out, let the batch grow.
            idleWait(0);
            continue;
          }
        }
        return removeBatch(rows);
      }
    } finally {
      lock.unlock();
    }
  }

  private void idleWait(long nanos) throws InterruptedException {
    idleWorkers++;
    try {
      if (nanos > 0) {
        workChanged.awaitNanos(nanos);
      } else {
        workChanged.await();
      }
    } finally {
      idleWorkers--;
    }
  }

  /**
   * How many events from the head make the next batch, shifted left by one, with the low bit set if
   * the batch ended at a limit rather than at the end of the queue (so waiting would not grow it).
   */
  private long scanBatch() {
    EventKind kind = queue.peekFirst().kind();
    long bytes = envelopeBytes(kind);
    int rows = 0;
    boolean cut = false;
    for (QueuedEvent e : queue) {
      if (rows > 0) {
        long withNext = bytes + 1 + e.json().length;
        if (e.kind() != kind
            || rows >= maxBatchRows
            || withNext > maxBatchBytes
            || inFlightIds.contains(e.id())) {
          cut = true;
          break;
        }
        bytes = withNext;
      } else {
        bytes += e.json().length;
      }
      rows++;
    }
    boolean full = cut || rows >= maxBatchRows || bytes >= maxBatchBytes;
    return ((long) rows << 1) | (full ? 1 : 0);
  }

  private Batch removeBatch(int rows) {
    List<QueuedEvent> events = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      QueuedEvent e = queue.pollFirst();
      queuedBytes -= e.heapBytes();
      queuedJsonBytes -= e.json().length;
      inFlightIds.add(e.id());
      events.add(e);
    }
    Batch batch = new Batch(events);
    inFlight.add(batch);
    spaceFreed.signalAll();
    if (idleWorkers > 0 && holdsFullBatch()) {
      // Pass the wake-up on: another full batch is ready for another worker.
      workChanged.signal();
    }
    return batch;
  }

  /** Marks a batch taken by {@link #take()} as settled: acknowledged or reported as failed. */
  public void complete(Batch batch) {
    lock.lock();
    try {
      inFlight.remove(batch);
      for (QueuedEvent e : batch.events()) {
        inFlightIds.remove(e.id());
      }
      if (!queue.isEmpty()) {
        // One worker is enough: if it leaves a full batch behind, it wakes the next.
        workChanged.signal();
      }
      settled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The sequence number of the last accepted event (0 if none). */
  public long lastSeq() {
    return locked(() -> nextSeq - 1);
  }

  /**
   * Waits until every event up to {@code seq} has settled, sending part-full batches at once rather
   * than lingering. Returns false if {@code timeoutNanos} passed first.
   */
  public boolean awaitSettled(long seq, long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      if (seq > flushUpTo) {
        flushUpTo = seq;
        workChanged.signalAll();
      }
      long remaining = timeoutNanos;
      while (lowestUnsettled() <= seq) {
        if (remaining <= 0) {
          return false;
        }
        remaining = settled.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private long lowestUnsettled() {
    long lowest = queue.isEmpty() ? Long.MAX_VALUE : queue.peekFirst().seq();
    for (Batch b : inFlight) {
      lowest = Math.min(lowest, b.events().get(0).seq());
    }
    return lowest;
  }

  /**
   * Refuses new events from now on (blocked callers get {@link IllegalStateException}); what is
   * queued is still sent.
   */
  public void close() {
    lock.lock();
    try {
      closed = true;
      spaceFreed.signalAll();
      workChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Gives up on what is left: returns the events still queued (removed, never to be sent), cancels
   * the calls in flight and lets the workers stop after their current batch.
   */
  public List<QueuedEvent> abandon() {
    lock.lock();
    try {
      closed = true;
      abandoned = true;
      List<QueuedEvent> left = new ArrayList<>(queue);
      queue.clear();
      queuedBytes = 0;
      queuedJsonBytes = 0;
      for (Batch b : inFlight) {
        b.cancel();
      }
      spaceFreed.signalAll();
      workChanged.signalAll();
      settled.signalAll();
      return left;
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@link #abandon()} was called: batches still in hand must not be sent. */
  public boolean isAbandoned() {
    return locked(() -> abandoned);
  }

  /** The number of events waiting to be sent. */
  public int queuedEvents() {
    return locked(queue::size);
  }

  /** The heap the events waiting to be sent occupy, as counted against the bound. */
  public long queuedBytes() {
    return locked(() -> queuedBytes);
  }

  private <T> T locked(Supplier<T> read) {
    lock.lock();
    try {
      return read.get();
    } finally {
      lock.unlock();
    }
  }
}
