package io.github.bt4j.logging;

import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.BraintrustException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.internal.http.ErrorMapper;
import io.github.bt4j.internal.http.RetryBudget;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.logging.internal.Batch;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.EventTarget;
import io.github.bt4j.logging.internal.QueuedEvent;
import io.github.bt4j.logging.internal.Row;
import io.github.bt4j.logging.internal.RowMerger;
import io.github.bt4j.models.InsertEventsResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The writer's sender threads, and what each does with a batch: folds rows with the same id, writes
 * the request body from the events' JSON bytes into the request the generated interface builds for
 * the store's insert or feedback operation ({@link EventTarget}), and sends it through the client's
 * transport (auth, headers, rate-limit pause, retries, typed errors, logging, the one body reader).
 * The transport's one resend loop resends inserts (never feedback) while the batch's {@link
 * RetryBudget retry budget} lasts, and stops when an abandoning close cancels the call. A request
 * answered 413 is split in halves, sent one after the other, down to single rows; so is an insert
 * answered 400 or 422, to find the rows the server refuses and store the others, within a bound of
 * extra requests. Every event ends up acknowledged or in a {@link WriteFailure}; {@link
 * #settleRest} makes sure of it even when sending broke off.
 */
final class BatchSender {
  private static final MediaType JSON = MediaType.get("application/json");

  /** How many refused rows per batch the writer always isolates (see isolationAllowance). */
  static final int ISOLATED_ROWS = 4;

  private final Transport transport;
  private final EventTarget target;
  private final RequestOptions requestOptions;
  private static final AtomicInteger WRITERS = new AtomicInteger();

  /** Accepted events the server confirmed. */
  final LongAdder acknowledged = new LongAdder();

  /** Accepted events reported as failed. */
  final LongAdder failed = new LongAdder();

  /** Requests sent, retries not counted. */
  final LongAdder requests = new LongAdder();

  private final List<Thread> threads = new ArrayList<>();
  private final Consumer<WriteFailure> failures;
  private final Consumer<Acknowledgement> acknowledgements;
  private final EventQueue queue;
  private final Clock clock;
  private final Duration retryBudget;

  /**
   * Creates a sender.
   *
   * @param failures receives every failure; must not throw
   * @param acknowledgements receives every acknowledgement, or null if nobody wants them (the
   *     answers are then not parsed); must not throw
   */
  BatchSender(
      Transport transport,
      EventTarget target,
      WriterOptions options,
      Consumer<WriteFailure> failures,
      Consumer<Acknowledgement> acknowledgements,
      EventQueue queue) {
    this.transport = transport;
    this.target = target;
    this.failures = failures;
    this.acknowledgements = acknowledgements;
    this.queue = queue;
    this.clock = transport.config().clock();
    this.retryBudget = options.retryBudget();
    RequestOptions base = options.requestOptions();
    int maxRetries = base.maxRetries() != null ? base.maxRetries() : Integer.MAX_VALUE;
    // Feedback is never sent twice, whatever the options say: a comment would be recorded twice.
    this.requestOptions = base.toBuilder().maxRetries(maxRetries).retryNonIdempotent(false).build();
  }

  /**
   * Starts {@code count} sender threads: each takes a batch from the queue, sends it, marks it
   * settled, and repeats until the queue is closed and empty. A sender survives anything thrown
   * while sending (the handlers' exceptions are caught before; this is for bugs and {@link
   * Error}s), and reports the batch's unsettled events before it marks the batch settled. Daemon
   * threads, so that an application that forgets to close the writer can still exit (and the
   * shutdown hook then delivers what is queued).
   */
  void start(int count) {
    int writer = WRITERS.incrementAndGet();
    for (int i = 0; i < count; i++) {
      Thread t =
          new Thread(
              this::run, "bt4j-writer-" + writer + "-" + target.objectType() + "-" + (i + 1));
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  private void run() {
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
        send(batch);
      } catch (Throwable t) {
        // A bug, or an Error such as OutOfMemoryError: the thread must live on for the next batch.
        broke = t;
      } finally {
        try {
          settleRest(batch, broke);
        } catch (Throwable t) {
          WriteFailure.printToStderr("could not report the unsettled events of a batch", t);
        } finally {
          queue.complete(batch);
        }
      }
    }
  }

  /** Whether the calling thread is one of these senders. */
  boolean isSenderThread() {
    return threads.contains(Thread.currentThread());
  }

  /** Interrupts the senders, ending a wait between retries. */
  void interrupt() {
    threads.forEach(Thread::interrupt);
  }

  /** Waits up to {@code millis} for every sender to stop; returns whether they all did. */
  boolean join(long millis) throws InterruptedException {
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

  /** Sends the batch; reports rather than throws, except for bugs (see {@link #settleRest}). */
  void send(Batch batch) {
    List<List<Row>> groups;
    try {
      groups =
          batch.kind() == EventKind.INSERT
              ? RowMerger.merge(batch.events())
              : List.of(RowMerger.unmerged(batch.events()));
    } catch (RuntimeException e) {
      fail(WriteFailure.Reason.REQUEST_FAILED, e, RowMerger.unmerged(batch.events()));
      return;
    }
    RetryBudget budget = new RetryBudget(clock, retryBudget);
    int[] isolationLeft = {isolationAllowance(batch.events().size())};
    for (List<Row> group : groups) {
      deliver(batch, group, budget, isolationLeft);
    }
  }

  /**
   * The extra requests a batch of {@code rows} may spend finding the rows a server refuses:
   * bisection finds each refused row with two requests per halving, so {@value #ISOLATED_ROWS}
   * times {@code 2 * ceil(log2(rows))} isolates that many refused rows in any batch, and every one
   * in a batch small enough that this exceeds {@code 2 * (rows - 1)}. When most rows are refused
   * (an application bug), the cost stays logarithmic in the batch size, not linear.
   */
  static int isolationAllowance(int rows) {
    int halvings = 32 - Integer.numberOfLeadingZeros(Math.max(1, rows - 1));
    return Math.min(2 * (rows - 1), ISOLATED_ROWS * 2 * halvings);
  }

  /**
   * Reports every event of the batch that was neither acknowledged nor reported: the safety net for
   * a sender that broke off ({@code cause}, if any, says why), so that {@code flush()} never counts
   * such an event as settled.
   */
  private void settleRest(Batch batch, Throwable cause) {
    List<Row> rest = new ArrayList<>();
    for (QueuedEvent e : batch.events()) {
      if (!e.isSettled()) {
        rest.add(new Row(e));
      }
    }
    if (!rest.isEmpty()) {
      Throwable why =
          cause != null
              ? cause
              : new IllegalStateException("the writer stopped sending these events (a bug)");
      fail(
          queue.isAbandoned() ? WriteFailure.Reason.CLOSED : WriteFailure.Reason.REQUEST_FAILED,
          why,
          rest);
    }
  }

  /**
   * Sends {@code rows} in one request, which the transport resends (inserts only) while {@code
   * budget} lasts, then acknowledges them, splits them or reports them.
   */
  private void deliver(Batch batch, List<Row> rows, RetryBudget budget, int[] isolationLeft) {
    requests.increment();
    EventKind kind = batch.kind();
    Request request = target.request(kind, body(kind, rows), budget);
    Call call =
        transport.newCall(
            request, requestOptions, kind == EventKind.INSERT ? RetryRule.ALWAYS : RetryRule.NEVER);
    batch.currentCall(call);
    int status = 0;
    BraintrustException error = null;
    try (Response response = queue.isAbandoned() ? null : call.execute()) {
      if (response == null) {
        fail(WriteFailure.Reason.CLOSED, null, rows);
        return;
      } else if (response.isSuccessful()) {
        acknowledge(kind, rows, rowIds(response, kind));
        return;
      }
      status = response.code();
      error = ErrorMapper.toException(response);
    } catch (IOException e) {
      error = new ConnectionException(request.method(), request.url().toString(), e);
    } finally {
      batch.currentCall(null);
    }
    if (queue.isAbandoned()) {
      fail(WriteFailure.Reason.CLOSED, error, rows);
    } else if (rows.size() > 1 && splits(status, kind, isolationLeft)) {
      int half = rows.size() / 2;
      deliver(batch, new ArrayList<>(rows.subList(0, half)), budget, isolationLeft);
      deliver(batch, new ArrayList<>(rows.subList(half, rows.size())), budget, isolationLeft);
    } else {
      fail(WriteFailure.Reason.REQUEST_FAILED, error, rows);
    }
  }

  /**
   * Whether to send the rows again in two halves: always on 413 (each half is smaller); on 400 or
   * 422 for inserts, whose rows are upserts by id, while the isolation allowance lasts, since the
   * server refuses the whole request for one bad row.
   */
  private static boolean splits(int status, EventKind kind, int[] isolationLeft) {
    if (status == 413) {
      return true;
    }
    if (kind == EventKind.INSERT && (status == 400 || status == 422) && isolationLeft[0] >= 2) {
      isolationLeft[0] -= 2;
      return true;
    }
    return false;
  }

  /**
   * The row ids a successful answer lists, read by the transport as the operation's response; empty
   * if it lists none or cannot be read, since the status says the rows are stored whatever the body
   * says. Unread when nobody wants them: closing the response then reads it to its end unparsed
   * (OkHttp does so, so that the connection is reused).
   */
  private List<String> rowIds(Response response, EventKind kind) {
    if (acknowledgements == null || kind != EventKind.INSERT) {
      return List.of();
    }
    try {
      Object answer = transport.read(response);
      if (answer instanceof InsertEventsResponse inserted && inserted.getRowIds() != null) {
        return inserted.getRowIds();
      }
    } catch (IOException | RuntimeException unreadable) {
      // Stored all the same; the answer's ids are only reported.
    }
    return List.of();
  }

  /**
   * The request body: {@code {"events":[row,row,...]}}, the rows' bytes copied once into buffer
   * segments that the request then writes to the socket without another copy.
   */
  private static RequestBody body(EventKind kind, List<Row> rows) {
    Buffer body = new Buffer().writeUtf8("{\"").writeUtf8(kind.bodyField()).writeUtf8("\":[");
    for (int i = 0; i < rows.size(); i++) {
      (i == 0 ? body : body.writeByte(',')).write(rows.get(i).json());
    }
    return RequestBody.create(body.writeUtf8("]}").snapshot(), JSON);
  }

  private void acknowledge(EventKind kind, List<Row> rows, List<String> serverRowIds) {
    int events = 0;
    List<String> ids = new ArrayList<>(rows.size());
    for (Row row : rows) {
      ids.add(row.id());
      for (QueuedEvent e : row.members()) {
        e.settle();
        events++;
      }
    }
    acknowledged.add(events);
    if (acknowledgements == null) {
      return;
    }
    acknowledgements.accept(
        new Acknowledgement(
            target.toString(), kind == EventKind.FEEDBACK, ids, serverRowIds, events));
  }

  /** Reports the events of {@code rows} as failed, unless there are none. */
  void fail(WriteFailure.Reason reason, Throwable cause, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<FailedEvent> events = new ArrayList<>();
    for (Row row : rows) {
      for (QueuedEvent e : row.members()) {
        e.settle();
        events.add(new FailedEvent(e.id(), e.kind() == EventKind.FEEDBACK, e.json()));
      }
    }
    failed.add(events.size());
    failures.accept(new WriteFailure(reason, cause, target.toString(), events));
  }
}
