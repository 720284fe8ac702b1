package io.github.bt4j.logging;

import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.internal.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How an {@link EventWriter} batches, bounds its memory, retries and reports. Immutable; start from
 * {@link #defaults()} or {@link #builder()}. The batch limits default to those of Braintrust's own
 * SDKs: 100 rows and 3 MiB per request, half of the API's 6 MiB payload limit.
 */
public final class WriterOptions {
  private static final long MIB = 1024 * 1024;
  private static final WriterOptions DEFAULTS = new Builder().build();

  // A private copy of the builder that made these options: its fields are the options' values.
  private final Builder values;

  private WriterOptions(Builder builder) {
    this.values = builder.copy();
  }

  /** The defaults, as documented on each builder method. */
  public static WriterOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return values.copy();
  }

  /** The most rows in one request. */
  public int maxBatchRows() {
    return values.maxBatchRows;
  }

  /** The most bytes in a request of several rows. */
  public long maxBatchBytes() {
    return values.maxBatchBytes;
  }

  /** The most bytes in any request; a larger single event is refused when logged. */
  public long maxRequestBytes() {
    return values.maxRequestBytes;
  }

  /** The most heap the queued events may occupy, JSON and per-event overhead counted. */
  public long maxQueuedBytes() {
    return values.maxQueuedBytes;
  }

  /** The most requests in flight at once. */
  public int maxConcurrentRequests() {
    return values.maxConcurrentRequests;
  }

  /** How long a part-full batch waits for more events; zero for adaptive. */
  public Duration linger() {
    return values.linger;
  }

  /** How long the writer keeps retrying a batch, counted from its first attempt. */
  public Duration retryBudget() {
    return values.retryBudget;
  }

  /** What {@code log} does when the queue is full. */
  public QueueFullPolicy whenFull() {
    return values.whenFull;
  }

  /** Who is told about events that were accepted but not delivered. */
  public Consumer<WriteFailure> failureHandler() {
    return values.failureHandler;
  }

  /** Who is told about the rows the server confirmed; null if nobody (the default). */
  public Consumer<Acknowledgement> acknowledgementHandler() {
    return values.acknowledgementHandler;
  }

  /** Whether a JVM shutdown hook closes the writer. */
  public boolean flushOnShutdown() {
    return values.flushOnShutdown;
  }

  /** How long {@code close()} and the shutdown hook wait for delivery. */
  public Duration closeTimeout() {
    return values.closeTimeout;
  }

  /** The clock spans read their start and end times from. */
  public Clock clock() {
    return values.clock;
  }

  /** Per-request options for the writer's requests (headers, impersonation, timeouts). */
  public RequestOptions requestOptions() {
    return values.requestOptions;
  }

  @Override
  public String toString() {
    Builder v = values;
    return String.format(
        "WriterOptions{maxBatchRows=%d, maxBatchBytes=%d, maxRequestBytes=%d, maxQueuedBytes=%d,"
            + " maxConcurrentRequests=%d, linger=%s, retryBudget=%s, whenFull=%s,"
            + " flushOnShutdown=%s, closeTimeout=%s}",
        v.maxBatchRows,
        v.maxBatchBytes,
        v.maxRequestBytes,
        v.maxQueuedBytes,
        v.maxConcurrentRequests,
        v.linger,
        v.retryBudget,
        v.whenFull,
        v.flushOnShutdown,
        v.closeTimeout);
  }

  /** Builds {@link WriterOptions}; {@link #build()} checks that the limits fit together. */
  public static final class Builder implements Cloneable {
    private int maxBatchRows = 100;
    private long maxBatchBytes = 3 * MIB;
    private long maxRequestBytes = 6 * MIB;
    private long maxQueuedBytes = 64 * MIB;
    private int maxConcurrentRequests = 4;
    private Duration linger = Duration.ZERO;
    private Duration retryBudget = Duration.ofMinutes(10);
    private QueueFullPolicy whenFull = QueueFullPolicy.block(Duration.ofSeconds(30));
    private Consumer<WriteFailure> failureHandler = WriteFailure::log;
    private Consumer<Acknowledgement> acknowledgementHandler;
    private boolean flushOnShutdown = true;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private RequestOptions requestOptions = RequestOptions.none();

    private Builder() {}

    /** The most rows in one request (100 by default). */
    public Builder maxBatchRows(int rows) {
      this.maxBatchRows = (int) inRange(rows, 1, Integer.MAX_VALUE, "maxBatchRows");
      return this;
    }

    /**
     * The most bytes in a request of several rows (3 MiB by default); an event larger than this is
     * sent in a request of its own.
     */
    public Builder maxBatchBytes(long bytes) {
      this.maxBatchBytes = inRange(bytes, 64, Long.MAX_VALUE, "maxBatchBytes");
      return this;
    }

    /**
     * The most bytes in any request (6 MiB by default, the API's payload limit); {@code log}
     * refuses an event that would not fit on its own with {@link EventTooLargeException}.
     */
    public Builder maxRequestBytes(long bytes) {
      this.maxRequestBytes = inRange(bytes, 64, Long.MAX_VALUE, "maxRequestBytes");
      return this;
    }

    /**
     * The most heap the events waiting to be sent may occupy (64 MiB by default): the bound on the
     * writer's memory, with up to {@link #maxConcurrentRequests(int)} requests of at most {@link
     * #maxRequestBytes(long)} in flight besides. Each event counts its JSON bytes plus the objects
     * that hold them and its id (about 160 bytes more for a UUID id on a 64-bit JVM with compressed
     * references, the default below 32 GB of heap), so that a queue of tiny events stays within the
     * bound too.
     */
    public Builder maxQueuedBytes(long bytes) {
      this.maxQueuedBytes = inRange(bytes, 1, Long.MAX_VALUE, "maxQueuedBytes");
      return this;
    }

    /** The most requests in flight at once, one sender thread each (4 by default). */
    public Builder maxConcurrentRequests(int requests) {
      this.maxConcurrentRequests = (int) inRange(requests, 1, 64, "maxConcurrentRequests");
      return this;
    }

    /**
     * How long a part-full batch waits for more events before it is sent. Zero (the default) means
     * adaptive: a part-full batch is sent at once when no request is in flight, and otherwise waits
     * until it fills or the requests in flight complete, as Nagle's algorithm does; so a lone event
     * goes out immediately, and batches fill up under load. A positive linger bounds the wait
     * instead, in flight or not: fewer, fuller requests under light load. {@code flush()} and
     * {@code close()} never wait for it.
     */
    public Builder linger(Duration linger) {
      this.linger = notNegative(linger, "linger");
      return this;
    }

    /**
     * How long the writer keeps retrying a batch, counted from its first attempt (10 minutes by
     * default): long enough to ride out a plausible outage, while the queue ({@link
     * #maxQueuedBytes(long)}) bounds what waits meanwhile. Retried: 408, 409, 429 and 5xx answers
     * and connection failures; an insert is safe to repeat, since its rows carry their ids. The
     * waits follow the client's {@link io.github.bt4j.core.RetryPolicy} backoff (0.5 s doubling to
     * 8 s by default, jittered), or the server's {@code Retry-After}/{@code Retry-After-Ms} if it
     * fits in what is left of the budget; a server asking for more fails the batch at once. A 429
     * pauses the whole client until the server's time (or the backoff, if it names none): every
     * sender of this and every other writer, and every other call, not only the request that
     * received it; a 429 received by any other call of the client pauses the writer's senders
     * alike, and that wait counts against the budget. The waits use the client's {@link
     * io.github.bt4j.internal.Sleeper} and clock. {@code close()} cuts retries short at its
     * timeout. Feedback requests are sent again only after a refused connection (nothing of them
     * left): sending one twice could record a comment twice. Zero sends each request once.
     */
    public Builder retryBudget(Duration budget) {
      this.retryBudget = notNegative(budget, "retryBudget");
      return this;
    }

    /** What {@code log} does when the queue is full ({@code block(30 s)} by default). */
    public Builder whenFull(QueueFullPolicy policy) {
      this.whenFull = Validation.required(policy, "whenFull");
      return this;
    }

    /**
     * Who is told about the events the writer accepted but could not deliver ({@link
     * WriteFailure#log()} by default): once per failed request or drop, on one of the writer's
     * threads (for {@link WriteFailure.Reason#QUEUE_FULL}, on the thread that logged), before
     * {@link EventWriter#flush()} returns for those events. Keep it short and do not call the
     * writer's {@code flush} or {@code close} from it. Anything it throws, {@link Error}s included,
     * is caught (the writer's thread lives on) and the failure it was given is printed on standard
     * error.
     */
    public Builder failureHandler(Consumer<WriteFailure> handler) {
      this.failureHandler = Validation.required(handler, "failureHandler");
      return this;
    }

    /**
     * Who is told, request by request, which rows the server confirmed (nobody by default: the
     * answers' row ids are then not even read), for example to link them elsewhere or to check a
     * run afterwards. With {@link #failureHandler} it accounts for every accepted event: each is in
     * exactly one acknowledgement or one failure. Called on one of the writer's threads, before
     * {@link EventWriter#flush()} returns for those events; keep it short and do not call the
     * writer's {@code flush} or {@code close} from it. Anything it throws is printed and otherwise
     * ignored: the events stay acknowledged.
     */
    public Builder onAcknowledged(Consumer<Acknowledgement> handler) {
      this.acknowledgementHandler = Validation.required(handler, "onAcknowledged");
      return this;
    }

    /**
     * Whether to register a JVM shutdown hook that closes the writer (true by default): on a normal
     * exit or SIGTERM, queued events are sent within {@link #closeTimeout(Duration)} and whatever
     * is still undelivered then is reported to the failure handler. Nothing can run on SIGKILL or a
     * crash. Closing the writer removes the hook.
     */
    public Builder flushOnShutdown(boolean flush) {
      this.flushOnShutdown = flush;
      return this;
    }

    /**
     * How long {@code close()} and the shutdown hook wait for queued events to be delivered (30
     * seconds by default); events still undelivered then are reported as {@link
     * WriteFailure.Reason#CLOSED}.
     */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = Validation.positive(timeout, "closeTimeout");
      return this;
    }

    /** The clock spans read their start and end times from (the system clock by default). */
    public Builder clock(Clock clock) {
      this.clock = Validation.required(clock, "clock");
      return this;
    }

    /**
     * Options for every request the writer sends: headers, impersonation, timeouts (none). A {@code
     * timeout} bounds a request with its retries, as for any other call, and so can end them before
     * the {@link #retryBudget(Duration) retry budget} does; a {@code maxRetries} here caps them (0
     * sends each request once), where by default only the budget does.
     */
    public Builder requestOptions(RequestOptions options) {
      this.requestOptions = Validation.required(options, "requestOptions");
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalArgumentException if {@code maxBatchBytes > maxRequestBytes} or {@code
     *     maxQueuedBytes < maxRequestBytes}
     */
    public WriterOptions build() {
      inRange(maxBatchBytes, 64, maxRequestBytes, "maxBatchBytes (at most maxRequestBytes)");
      inRange(
          maxQueuedBytes,
          maxRequestBytes,
          Long.MAX_VALUE,
          "maxQueuedBytes (at least maxRequestBytes, so that any acceptable event fits)");
      return new WriterOptions(this);
    }

    private Builder copy() {
      try {
        return (Builder) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    private static long inRange(long value, long min, long max, String name) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name
                + " must be "
                + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? "at least " + min
                    : "between " + min + " and " + max)
                + ", got "
                + value);
      }
      return value;
    }

    private static Duration notNegative(Duration value, String name) {
      if (Validation.required(value, name).isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + value);
      }
      return value;
    }
  }
}
