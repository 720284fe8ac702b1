package io.github.bt4j.logging.internal;

import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link io.github.bt4j.logging.WriterStats}, updated from any thread. */
public final class WriterCounters {
  /** Events accepted into the queue. */
  public final LongAdder accepted = new LongAdder();

  /** Accepted events the server confirmed. */
  public final LongAdder acknowledged = new LongAdder();

  /** Accepted events reported as failed. */
  public final LongAdder failed = new LongAdder();

  /** Events dropped because the queue was full. */
  public final LongAdder dropped = new LongAdder();

  /** Requests sent, retries not counted. */
  public final LongAdder requests = new LongAdder();
}
