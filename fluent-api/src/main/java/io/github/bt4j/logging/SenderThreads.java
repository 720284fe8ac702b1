package io.github.bt4j.logging;

import io.github.bt4j.logging.internal.Batch;
import io.github.bt4j.logging.internal.EventTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writer's sender threads: each takes a batch from the queue, sends it, marks it settled, and
 * repeats until the queue is closed and empty. A sender survives anything thrown while sending (the
 * handlers' exceptions are caught before; this is for bugs and {@link Error}s), and reports the
 * batch's unsettled events before it marks the batch settled. Daemon threads, so that an
 * application that forgets to close the writer can still exit (and the shutdown hook then delivers
 * what is queued).
 */
public final class SenderThreads {
  private static final AtomicInteger WRITERS = new AtomicInteger();

  private final List<Thread> threads = new ArrayList<>();

  /** Starts {@code count} threads named after {@code target}. */
  public SenderThreads(int count, EventQueue queue, BatchSender sender, EventTarget target) {
    int writer = WRITERS.incrementAndGet();
    for (int i = 0; i < count; i++) {
      Thread t =
          new Thread(
              () -> run(queue, sender),
              "bt4j-writer-" + writer + "-" + target.objectType() + "-" + (i + 1));
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  private static void run(EventQueue queue, BatchSender sender) {
    while (true) {
      Batch batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        if (queue.isAbandoned()) {
          return;
        }
        continue; // only an abandoning close interrupts senders; anything else is not a reason
      }
      if (batch == null) {
        return;
      }
      Throwable broke = null;
      try {
        sender.send(batch);
      } catch (Throwable t) {
        // A bug, or an Error such as OutOfMemoryError: the thread must live on for the next batch.
        broke = t;
      } finally {
        try {
          sender.settleRest(batch, broke);
        } catch (Throwable t) {
          WriteFailure.printToStderr("could not report the unsettled events of a batch", t);
        } finally {
          queue.complete(batch);
        }
      }
    }
  }

  /** Whether the calling thread is one of these senders. */
  public boolean isSenderThread() {
    return threads.contains(Thread.currentThread());
  }

  /** Interrupts the senders, ending a wait between retries. */
  public void interrupt() {
    threads.forEach(Thread::interrupt);
  }

  /** Waits up to {@code millis} for every sender to stop; returns whether they all did. */
  public boolean join(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    for (Thread t : threads) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left > 0) {
        t.join(left);
      }
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }
}
