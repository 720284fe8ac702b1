package io.github.bt4j.logging;

import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.BraintrustException;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.internal.Sleeper;
import io.github.bt4j.internal.http.ClientConfig;
import io.github.bt4j.internal.http.ErrorMapper;
import io.github.bt4j.internal.http.RateLimitGate;
import io.github.bt4j.internal.http.Retries;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.ServerWait;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.logging.internal.Attempt;
import io.github.bt4j.logging.internal.Batch;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.EventTarget;
import io.github.bt4j.logging.internal.QueuedEvent;
import io.github.bt4j.logging.internal.RetryBudget;
import io.github.bt4j.logging.internal.Row;
import io.github.bt4j.logging.internal.RowMerger;
import io.github.bt4j.logging.internal.WriterCounters;
import io.github.bt4j.models.InsertEventsResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Okio;

/**
 * Sends one batch: folds rows with the same id, writes the request body from the events' JSON bytes
 * into the request the generated interface builds for the store's insert or feedback operation
 * ({@link EventTarget}), and sends it through the client's transport (auth, headers, rate-limit
 * pause, typed errors, logging, the one body reader), retrying as {@link #waitBefore} decides. A
 * request answered 413 is split in halves, sent one after the other, down to single rows; so is an
 * insert answered 400 or 422, to find the rows the server refuses and store the others, within a
 * bound of extra requests. Every event ends up acknowledged or in a {@link WriteFailure}; {@link
 * #settleRest} makes sure of it even when sending broke off.
 */
public final class BatchSender {
  private static final MediaType JSON = MediaType.get("application/json");

  /** How many refused rows per batch the writer always isolates (see isolationAllowance). */
  static final int ISOLATED_ROWS = 4;

  private final Transport transport;
  private final EventTarget target;
  private final RequestOptions requestOptions;
  private final WriterCounters counters;
  private final Consumer<WriteFailure> failures;
  private final Consumer<Acknowledgement> acknowledgements;
  private final EventQueue queue;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration retryBudget;
  private final Retries retries;
  private final int maxRetries;
  private final RateLimitGate gate;

  /**
   * Creates a sender.
   *
   * @param failures receives every failure; must not throw
   * @param acknowledgements receives every acknowledgement, or null if nobody wants them (the
   *     answers are then not parsed); must not throw
   */
  public BatchSender(
      Transport transport,
      EventTarget target,
      WriterOptions options,
      WriterCounters counters,
      Consumer<WriteFailure> failures,
      Consumer<Acknowledgement> acknowledgements,
      EventQueue queue) {
    this.transport = transport;
    this.target = target;
    this.counters = counters;
    this.failures = failures;
    this.acknowledgements = acknowledgements;
    this.queue = queue;
    ClientConfig config = transport.config();
    this.clock = config.clock();
    this.sleeper = config.sleeper();
    this.retryBudget = options.retryBudget();
    RequestOptions base = options.requestOptions();
    this.maxRetries = base.maxRetries() != null ? base.maxRetries() : options.maxRetries();
    this.retries = transport.retries();
    this.gate = transport.rateLimitGate();
    // Resends are decided here alone: the transport must neither retry nor replay the body.
    this.requestOptions = base.toBuilder().maxRetries(0).retryNonIdempotent(false).build();
  }

  /** Sends the batch; reports rather than throws, except for bugs (see {@link #settleRest}). */
  public void send(Batch batch) {
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
  public void settleRest(Batch batch, Throwable cause) {
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
      fail(reasonNow(), why, rest);
    }
  }

  private void deliver(Batch batch, List<Row> rows, RetryBudget budget, int[] isolationLeft) {
    Attempt attempt = sendWithRetries(batch, rows, budget);
    if (attempt == null) {
      fail(WriteFailure.Reason.CLOSED, null, rows);
    } else if (attempt.succeeded()) {
      acknowledge(batch.kind(), rows, attempt.serverRowIds());
    } else if (queue.isAbandoned()) {
      fail(WriteFailure.Reason.CLOSED, attempt.error(), rows);
    } else if (rows.size() > 1 && splits(attempt, batch.kind(), isolationLeft)) {
      int half = rows.size() / 2;
      deliver(batch, new ArrayList<>(rows.subList(0, half)), budget, isolationLeft);
      deliver(batch, new ArrayList<>(rows.subList(half, rows.size())), budget, isolationLeft);
    } else {
      fail(WriteFailure.Reason.REQUEST_FAILED, attempt.error(), rows);
    }
  }

  /**
   * Whether to send the rows again in two halves: always on 413 (each half is smaller); on 400 or
   * 422 for inserts, whose rows are upserts by id, while the isolation allowance lasts, since the
   * server refuses the whole request for one bad row.
   */
  private static boolean splits(Attempt failed, EventKind kind, int[] isolationLeft) {
    if (failed.status() == 413) {
      return true;
    }
    if (kind == EventKind.INSERT
        && (failed.status() == 400 || failed.status() == 422)
        && isolationLeft[0] >= 2) {
      isolationLeft[0] -= 2;
      return true;
    }
    return false;
  }

  /** The last attempt's outcome, or null if the writer was abandoned while waiting. */
  private Attempt sendWithRetries(Batch batch, List<Row> rows, RetryBudget budget) {
    byte[] body = body(batch.kind(), rows);
    for (int retry = 0; ; retry++) {
      try {
        budget.spent(gate.await(clock, sleeper, queue::isAbandoned));
      } catch (InterruptedException e) {
        return null;
      }
      if (queue.isAbandoned()) {
        return null;
      }
      if (retry == 0) {
        counters.requests.increment();
      }
      Attempt attempt = attempt(batch, body);
      if (attempt.succeeded() || queue.isAbandoned()) {
        return attempt;
      }
      Duration wait = waitBefore(attempt, batch.kind(), retry + 1, budget);
      if (wait == null) {
        return attempt;
      }
      if (attempt.status() == 429) {
        // Waited out at the top of the loop, by this sender and every other request of the client.
        gate.pauseFor(wait, clock);
        continue;
      }
      try {
        sleeper.sleep(wait, queue::isAbandoned);
      } catch (InterruptedException e) {
        return null;
      }
      budget.spent(wait);
    }
  }

  /**
   * The wait before retry number {@code retry} (from 1) of a request that ended as {@code failed},
   * or null to give up. This is the one place that decides whether the writer sends a request
   * again: the writer's requests go through the transport with retries off, so that neither the
   * client's retry interceptor nor OkHttp's connection recovery repeats them behind this decision.
   * It rests on the transport's primitives ({@link Retries} for what is worth another attempt and
   * the backoff, {@link ServerWait} for the server's wait), so the writer differs from other calls
   * only in how long it keeps trying: a time budget instead of the client's few retries. Inserts
   * are retried on 408, 409, 429 and 5xx answers and on connection failures, while the budget lasts
   * and {@code maxRetries} allows: after the server's {@code Retry-After} if it fits in the budget
   * (one that does not fails the batch at once), otherwise after the client's backoff, cut to what
   * is left of the budget. Feedback is never sent twice.
   */
  private Duration waitBefore(Attempt failed, EventKind kind, int retry, RetryBudget budget) {
    boolean transientFailure =
        failed.status() == 0
            ? failed.transientFailure()
            : Retries.isRetryableStatus(failed.status());
    if (kind != EventKind.INSERT || retry > maxRetries || !transientFailure) {
      return null;
    }
    Duration left = budget.left();
    if (left.isNegative() || left.isZero()) {
      return null;
    }
    Duration serverWait = failed.retryAfter();
    if (serverWait != null) {
      return serverWait.compareTo(left) <= 0 ? serverWait : null;
    }
    Duration backoff = retries.backoff(retry);
    return backoff.compareTo(left) <= 0 ? backoff : left;
  }

  private Attempt attempt(Batch batch, byte[] body) {
    Request request = target.request(batch.kind(), RequestBody.create(body, JSON));
    Call call = transport.newCall(request, requestOptions, RetryRule.NEVER);
    batch.currentCall(call);
    try (Response response = call.execute()) {
      if (response.isSuccessful()) {
        if (acknowledgements == null || batch.kind() != EventKind.INSERT) {
          discard(response);
          return Attempt.stored(List.of());
        }
        return Attempt.stored(rowIds(response));
      }
      return Attempt.refused(
          ErrorMapper.toException(response), response.code(), ServerWait.of(response, clock));
    } catch (IOException e) {
      BraintrustException error =
          new ConnectionException(request.method(), request.url().toString(), e);
      return Attempt.broken(error, !call.isCanceled() && Retries.isRetryable(e));
    } finally {
      batch.currentCall(null);
    }
  }

  /**
   * The row ids a successful answer lists, read by the transport as the operation's response; empty
   * if it lists none or cannot be read, since the status says the rows are stored whatever the body
   * says.
   */
  private List<String> rowIds(Response response) {
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
   * Reads the answer to its end unparsed, when nobody wants its row ids, so that the connection is
   * reused.
   */
  private static void discard(Response response) {
    try {
      response.body().source().readAll(Okio.blackhole());
    } catch (IOException e) {
      // The status was 2xx, so the rows are stored; the rest of the answer is not needed.
    }
  }

  /** The request body: {@code {"events":[row,row,...]}} from the rows' bytes, copied once. */
  static byte[] body(EventKind kind, List<Row> rows) {
    byte[] prefix = ("{\"" + kind.bodyField() + "\":[").getBytes(StandardCharsets.US_ASCII);
    int size = prefix.length + 2 + Math.max(0, rows.size() - 1);
    for (Row row : rows) {
      size += row.json().length;
    }
    byte[] body = new byte[size];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    int at = prefix.length;
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        body[at++] = ',';
      }
      byte[] json = rows.get(i).json();
      System.arraycopy(json, 0, body, at, json.length);
      at += json.length;
    }
    body[at++] = ']';
    body[at] = '}';
    return body;
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
    counters.acknowledged.add(events);
    if (acknowledgements == null) {
      return;
    }
    acknowledgements.accept(
        new Acknowledgement(
            target.toString(), kind == EventKind.FEEDBACK, ids, serverRowIds, events));
  }

  private WriteFailure.Reason reasonNow() {
    return queue.isAbandoned() ? WriteFailure.Reason.CLOSED : WriteFailure.Reason.REQUEST_FAILED;
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
    counters.failed.add(events.size());
    failures.accept(new WriteFailure(reason, cause, target.toString(), events));
  }
}
