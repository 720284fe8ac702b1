package io.github.bt4j.logging;

import io.github.bt4j.core.RequestOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EventWriter} batches, bounds its memory, retries and reports. Immutable; start from
 * {@link #defaults()} or {@link #builder()}. The batch limits default to those of Braintrust's own
 * SDKs: 100 rows and 3 MiB per request, half of the API's 6 MiB payload limit.
 */
public final class WriterOptions {
  private static final long MIB = 1024 * 1024;
  private static final WriterOptions DEFAULTS = new Builder().build();

  private final int maxBatchRows;
  private final long maxBatchBytes;
  private final long maxRequestBytes;
  private final long maxQueuedBytes;
  private final int maxConcurrentRequests;
  private final Duration linger;
  private final int maxRetries;
  private final Duration retryBudget;
  private final QueueFullPolicy whenFull;
  private final FailureHandler failureHandler;
  private final AcknowledgementHandler acknowledgementHandler;
  private final boolean flushOnShutdown;
  private final Duration closeTimeout;
  private final Clock clock;
  private final RequestOptions requestOptions;

  private WriterOptions(Builder b) {
    this.maxBatchRows = b.maxBatchRows;
    this.maxBatchBytes = b.maxBatchBytes;
    this.maxRequestBytes = b.maxRequestBytes;
    this.maxQueuedBytes = b.maxQueuedBytes;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.linger = b.linger;
    this.maxRetries = b.maxRetries;
    this.retryBudget = b.retryBudget;
    this.whenFull = b.whenFull;
    this.failureHandler = b.failureHandler;
    this.acknowledgementHandler = b.acknowledgementHandler;
    this.flushOnShutdown = b.flushOnShutdown;
    this.closeTimeout = b.closeTimeout;
    this.clock = b.clock;
    this.requestOptions = b.requestOptions;
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
    Builder b = new Builder();
    b.maxBatchRows = maxBatchRows;
    b.maxBatchBytes = maxBatchBytes;
    b.maxRequestBytes = maxRequestBytes;
    b.maxQueuedBytes = maxQueuedBytes;
    b.maxConcurrentRequests = maxConcurrentRequests;
    b.linger = linger;
    b.maxRetries = maxRetries;
    b.retryBudget = retryBudget;
    b.whenFull = whenFull;
    b.failureHandler = failureHandler;
    b.acknowledgementHandler = acknowledgementHandler;
    b.flushOnShutdown = flushOnShutdown;
    b.closeTimeout = closeTimeout;
    b.clock = clock;
    b.requestOptions = requestOptions;
    return b;
  }

  /** The most rows in one request. */
  public int maxBatchRows() {
    return maxBatchRows;
  }

  /** The most bytes in a request of several rows. */
  public long maxBatchBytes() {
    return maxBatchBytes;
  }

  /** The most bytes in any request; a larger single event is refused when logged. */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /** The most heap the queued events may occupy, JSON and per-event overhead counted. */
  public long maxQueuedBytes() {
    return maxQueuedBytes;
  }

  /** The most requests in flight at once. */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** How long a part-full batch waits for more events; zero for adaptive. */
  public Duration linger() {
    return linger;
  }

  /**
   * The most times one insert request is retried ({@link Integer#MAX_VALUE}, the default, for no
   * limit but the {@link #retryBudget()}).
   */
  public int maxRetries() {
    return maxRetries;
  }

  /** How long the writer keeps retrying a batch, counted from its first attempt. */
  public Duration retryBudget() {
    return retryBudget;
  }

  /** What {@code log} does when the queue is full. */
  public QueueFullPolicy whenFull() {
    return whenFull;
  }

  /** Who is told about events that were accepted but not delivered. */
  public FailureHandler failureHandler() {
    return failureHandler;
  }

  /** Who is told about the rows the server confirmed. */
  public AcknowledgementHandler acknowledgementHandler() {
    return acknowledgementHandler;
  }

  /** Whether a JVM shutdown hook closes the writer. */
  public boolean flushOnShutdown() {
    return flushOnShutdown;
  }

  /** How long {@code close()} and the shutdown hook wait for delivery. */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /** The clock spans read their start and end times from. */
  public Clock clock() {
    return clock;
  }

  /** Per-request options for the writer's requests (headers, impersonation, timeouts). */
  public RequestOptions requestOptions() {
    return requestOptions;
  }

  @Override
  public String toString() {
    return "WriterOptions{maxBatchRows="
        + maxBatchRows
        + ", maxBatchBytes="
        + maxBatchBytes
        + ", maxRequestBytes="
        + maxRequestBytes
        + ", maxQueuedBytes="
        + maxQueuedBytes
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + ", linger="
        + linger
        + ", maxRetries="
        + (maxRetries == Integer.MAX_VALUE ? "unlimited" : maxRetries)
        + ", retryBudget="
        + retryBudget
        + ", whenFull="
        + whenFull
        + ", flushOnShutdown="
        + flushOnShutdown
        + ", closeTimeout="
        + closeTimeout
        + "}";
  }

  /** Builds {@link WriterOptions}; {@link #build()} checks that the limits fit together. */
  public static final class Builder {
    private int maxBatchRows = 100;
    private long maxBatchBytes = 3 * MIB;
    private long maxRequestBytes = 6 * MIB;
    private long maxQueuedBytes = 64 * MIB;
    private int maxConcurrentRequests = 4;
    private Duration linger = Duration.ZERO;
    private int maxRetries = Integer.MAX_VALUE;
    private Duration retryBudget = Duration.ofMinutes(10);
    private QueueFullPolicy whenFull = QueueFullPolicy.block(Duration.ofSeconds(30));
    private FailureHandler failureHandler = FailureHandler.logging();
    private AcknowledgementHandler acknowledgementHandler = AcknowledgementHandler.none();
    private boolean flushOnShutdown = true;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private RequestOptions requestOptions = RequestOptions.none();

    private Builder() {}

    /** The most rows in one request (100 by default). */
    public Builder maxBatchRows(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("maxBatchRows must be at least 1, got " + rows);
      }
      this.maxBatchRows = rows;
      return this;
    }

    /**
     * The most bytes in a request of several rows (3 MiB by default); an event larger than this is
     * sent in a request of its own.
     */
    public Builder maxBatchBytes(long bytes) {
      if (bytes < 64) {
        throw new IllegalArgumentException("maxBatchBytes must be at least 64, got " + bytes);
      }
      this.maxBatchBytes = bytes;
      return this;
    }

    /**
     * The most bytes in any request (6 MiB by default, the API's payload limit); {@code log}
     * refuses an event that would not fit on its own with {@link EventTooLargeException}.
     */
    public Builder maxRequestBytes(long bytes) {
      if (bytes < 64) {
        throw new IllegalArgumentException("maxRequestBytes must be at least 64, got " + bytes);
      }
      this.maxRequestBytes = bytes;
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
      if (bytes < 1) {
        throw new IllegalArgumentException("maxQueuedBytes must be positive, got " + bytes);
      }
      this.maxQueuedBytes = bytes;
      return this;
    }

    /** The most requests in flight at once, one sender thread each (4 by default). */
    public Builder maxConcurrentRequests(int requests) {
      if (requests < 1 || requests > 64) {
        throw new IllegalArgumentException(
            "maxConcurrentRequests must be between 1 and 64, got " + requests);
      }
      this.maxConcurrentRequests = requests;
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
      Objects.requireNonNull(linger, "linger == null");
      if (linger.isNegative()) {
        throw new IllegalArgumentException("linger must not be negative, got " + linger);
      }
      this.linger = linger;
      return this;
    }

    /**
     * The most times one insert request is retried: no limit by default, so that the {@link
     * #retryBudget(Duration) retry budget} alone decides; 0 turns retries off. A {@link
     * #requestOptions(RequestOptions)} with its own {@code maxRetries} wins.
     */
    public Builder maxRetries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, got " + retries);
      }
      this.maxRetries = retries;
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
     * timeout. Feedback requests are never retried: sending one twice could record a comment twice.
     * Zero sends each request once.
     */
    public Builder retryBudget(Duration budget) {
      Objects.requireNonNull(budget, "retryBudget == null");
      if (budget.isNegative()) {
        throw new IllegalArgumentException("retryBudget must not be negative, got " + budget);
      }
      this.retryBudget = budget;
      return this;
    }

    /** What {@code log} does when the queue is full ({@code block(30 s)} by default). */
    public Builder whenFull(QueueFullPolicy policy) {
      this.whenFull = Objects.requireNonNull(policy, "whenFull == null");
      return this;
    }

    /** Who is told about undelivered events ({@link FailureHandler#logging()} by default). */
    public Builder failureHandler(FailureHandler handler) {
      this.failureHandler = Objects.requireNonNull(handler, "failureHandler == null");
      return this;
    }

    /**
     * Who is told, request by request, which rows the server confirmed ({@link
     * AcknowledgementHandler#none()} by default). With {@link #failureHandler(FailureHandler)} it
     * accounts for every accepted event: each is in exactly one acknowledgement or one failure.
     */
    public Builder onAcknowledged(AcknowledgementHandler handler) {
      this.acknowledgementHandler = Objects.requireNonNull(handler, "onAcknowledged == null");
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
      Objects.requireNonNull(timeout, "closeTimeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("closeTimeout must be positive, got " + timeout);
      }
      this.closeTimeout = timeout;
      return this;
    }

    /** The clock spans read their start and end times from (the system clock by default). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Options for every request the writer sends: headers, impersonation, timeouts (none). A
     * timeout applies to each attempt, since the writer decides its retries itself (see {@link
     * #retryBudget(Duration)}); a {@code maxRetries} here caps them as {@link #maxRetries(int)}
     * does.
     */
    public Builder requestOptions(RequestOptions options) {
      this.requestOptions = Objects.requireNonNull(options, "requestOptions == null");
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalArgumentException if {@code maxBatchBytes > maxRequestBytes} or {@code
     *     maxQueuedBytes < maxRequestBytes}
     */
    public WriterOptions build() {
      if (maxBatchBytes > maxRequestBytes) {
        throw new IllegalArgumentException(
            "maxBatchBytes ("
                + maxBatchBytes
                + ") must not exceed maxRequestBytes ("
                + maxRequestBytes
                + ")");
      }
      if (maxQueuedBytes < maxRequestBytes) {
        throw new IllegalArgumentException(
            "maxQueuedBytes ("
                + maxQueuedBytes
                + ") must be at least maxRequestBytes ("
                + maxRequestBytes
                + "), so that any acceptable event fits");
      }
      return new WriterOptions(this);
    }
  }
}
