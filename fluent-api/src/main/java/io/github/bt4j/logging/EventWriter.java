package io.github.bt4j.logging;

import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.BraintrustException;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.http.ClientAccess;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.logging.internal.EventEncoder;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.EventTarget;
import io.github.bt4j.logging.internal.QueuedEvent;
import io.github.bt4j.logging.internal.RowMerger;
import io.github.bt4j.models.FeedbackDatasetItem;
import io.github.bt4j.models.FeedbackExperimentItem;
import io.github.bt4j.models.FeedbackProjectLogsItem;
import io.github.bt4j.models.InsertDatasetEvent;
import io.github.bt4j.models.InsertExperimentEvent;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.SpanType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Logs events to one project's logs, experiment or dataset in the background: {@code log} returns
 * at once, and sender threads group events into insert requests of at most {@link
 * WriterOptions#maxBatchRows()} rows and {@link WriterOptions#maxBatchBytes()} bytes, with at most
 * {@link WriterOptions#maxConcurrentRequests()} requests in flight.
 *
 * <pre>{@code
 * try (var logs = EventWriter.projectLogs(client, projectId)) {
 *   String id = logs.log(new InsertProjectLogsEvent().input("2+2").output("4"));
 *   logs.merge(id, Map.of("scores", Map.of("correct", 1)));
 * } // close(): delivers what is queued, then stops
 * }</pre>
 *
 * <h2>Delivery</h2>
 *
 * Each event is serialised to JSON on the calling thread and given an {@code id} there if it has
 * none, so that a request the writer retries (after a 5xx, a 429 or a dropped connection) replaces
 * the same rows instead of adding them twice. Retries go on for {@link WriterOptions#retryBudget()}
 * (10 minutes by default) from a batch's first attempt, so an outage that the queue has room for
 * loses nothing; a 429 pauses every sender, and every other call of the client, until the server's
 * time. An accepted event is then either acknowledged by the server (and handed, with its row id,
 * to {@link WriterOptions.Builder#onAcknowledged} if set) or reported, with its id and JSON, to the
 * {@link WriterOptions.Builder#failureHandler failure handler}; never dropped silently, and never
 * both. Events with the same id in one request are folded into one row as the API would apply them
 * one after the other ({@code _is_merge} rows deep-merged, otherwise the last wins); events with
 * the same id are never in flight in two requests at once, so their order is kept (an event whose
 * id is in flight holds back the events queued after it until that request ends). A request
 * answered with 413 is split in halves; so is an insert answered 400 or 422, to store the rows the
 * server accepts and report only those it refuses (within a logarithmic number of extra requests).
 * A part-full batch is sent at once when no request is in flight and otherwise waits to fill (see
 * {@link WriterOptions.Builder#linger}). {@link #flush()} waits until everything logged before it
 * has settled.
 *
 * <h2>Memory</h2>
 *
 * The queued events occupy at most {@link WriterOptions#maxQueuedBytes()} of heap, counting their
 * JSON and the objects around it. When the queue is full, {@code log} waits and then throws {@link
 * QueueFullException} (the default) or drops and reports the event, as {@link
 * WriterOptions#whenFull()} says. An event too large for any request is refused at once with {@link
 * EventTooLargeException}.
 *
 * <h2>Shutdown</h2>
 *
 * {@link #close()} delivers what is queued within {@link WriterOptions#closeTimeout()} and reports
 * the rest. Unless {@link WriterOptions#flushOnShutdown()} is turned off, a JVM shutdown hook does
 * the same for a writer that was never closed; the default failure handler then prints its reports
 * on standard error, since logging frameworks stop in shutdown hooks of their own.
 *
 * <p>Events are generated insert models, or maps that Gson serialises to the same JSON (a Gson
 * {@code JsonObject} via {@code asMap()}). All methods are thread-safe.
 *
 * @param <E> the store's event model, e.g. {@link InsertProjectLogsEvent}
 * @param <F> the store's feedback item model, e.g. {@link FeedbackProjectLogsItem}
 */
public final class EventWriter<E, F> implements AutoCloseable {

  private final EventTarget target;
  private final WriterOptions options;
  private final Function<E, String> eventId;
  private final Function<F, String> feedbackId;
  private final SpanType rootSpanType;
  private final EventEncoder encoder;
  private final EventQueue queue;
  private final LongAdder dropped = new LongAdder();
  private final BatchSender sender;
  private final Thread shutdownHook;
  private final Object closeLock = new Object();
  private Boolean closeResult;

  private EventWriter(
      BraintrustClient client,
      Function<Transport, EventTarget> targetOf,
      WriterOptions options,
      Function<E, String> eventId,
      Function<F, String> feedbackId,
      SpanType rootSpanType) {
    Transport transport =
        ClientAccess.transportOf(Objects.requireNonNull(client, "client == null"));
    this.options = Objects.requireNonNull(options, "options == null");
    this.target = targetOf.apply(transport);
    this.eventId = eventId;
    this.feedbackId = feedbackId;
    this.rootSpanType = rootSpanType;
    this.encoder = new EventEncoder(transport.gson());
    this.queue = new EventQueue(options);
    this.sender =
        new BatchSender(
            transport,
            target,
            options,
            this::report,
            options.acknowledgementHandler() == null ? null : this::acknowledged,
            queue);
    sender.start(options.maxConcurrentRequests());
    if (options.flushOnShutdown()) {
      shutdownHook = new Thread(this::close, "bt4j-writer-shutdown-" + target.objectType());
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
  }

  /** A writer to the logs of the project {@code projectId}, with the default options. */
  public static EventWriter<InsertProjectLogsEvent, FeedbackProjectLogsItem> projectLogs(
      BraintrustClient client, String projectId) {
    return projectLogs(client, projectId, WriterOptions.defaults());
  }

  /**
   * A writer to the logs of the project {@code projectId}. Root spans default to the type {@code
   * task}.
   *
   * @throws IllegalArgumentException if {@code projectId} is not a UUID
   */
  public static EventWriter<InsertProjectLogsEvent, FeedbackProjectLogsItem> projectLogs(
      BraintrustClient client, String projectId, WriterOptions options) {
    return new EventWriter<>(
        client,
        t -> EventTarget.projectLogs(t, Validation.uuid(projectId, "projectId")),
        options,
        InsertProjectLogsEvent::getId,
        FeedbackProjectLogsItem::getId,
        SpanType.TASK);
  }

  /** A writer to the experiment {@code experimentId}, with the default options. */
  public static EventWriter<InsertExperimentEvent, FeedbackExperimentItem> experiment(
      BraintrustClient client, String experimentId) {
    return experiment(client, experimentId, WriterOptions.defaults());
  }

  /**
   * A writer to the experiment {@code experimentId}. Root spans default to the type {@code eval}.
   *
   * @throws IllegalArgumentException if {@code experimentId} is not a UUID
   */
  public static EventWriter<InsertExperimentEvent, FeedbackExperimentItem> experiment(
      BraintrustClient client, String experimentId, WriterOptions options) {
    return new EventWriter<>(
        client,
        t -> EventTarget.experiment(t, Validation.uuid(experimentId, "experimentId")),
        options,
        InsertExperimentEvent::getId,
        FeedbackExperimentItem::getId,
        SpanType.EVAL);
  }

  /** A writer to the dataset {@code datasetId}, with the default options. */
  public static EventWriter<InsertDatasetEvent, FeedbackDatasetItem> dataset(
      BraintrustClient client, String datasetId) {
    return dataset(client, datasetId, WriterOptions.defaults());
  }

  /**
   * A writer to the dataset {@code datasetId}.
   *
   * @throws IllegalArgumentException if {@code datasetId} is not a UUID
   */
  public static EventWriter<InsertDatasetEvent, FeedbackDatasetItem> dataset(
      BraintrustClient client, String datasetId, WriterOptions options) {
    return new EventWriter<>(
        client,
        t -> EventTarget.dataset(t, Validation.uuid(datasetId, "datasetId")),
        options,
        InsertDatasetEvent::getId,
        FeedbackDatasetItem::getId,
        SpanType.TASK);
  }

  /**
   * Queues an event for insertion. The model is serialised now and not modified; if it has no id,
   * the row gets a new random one.
   *
   * @return the row's id
   * @throws EventTooLargeException if the event cannot fit in a request
   * @throws QueueFullException if the queue stayed full for the {@link QueueFullPolicy#block}
   *     timeout
   * @throws IllegalStateException if the writer is closed
   */
  public String log(E event) {
    Objects.requireNonNull(event, "event == null");
    return accept(encoder.encode(event, checkId(eventId.apply(event)), EventKind.INSERT));
  }

  /**
   * Queues an event given as a map of the API's field names ({@code input}, {@code output}, {@code
   * metadata}, {@code span_id}...), serialised now; a string {@code id} entry is kept, otherwise
   * the row gets a new random id.
   *
   * @return the row's id
   * @throws EventTooLargeException if the event cannot fit in a request
   * @throws QueueFullException if the queue stayed full for the {@link QueueFullPolicy#block}
   *     timeout
   * @throws IllegalStateException if the writer is closed
   */
  public String log(Map<String, ?> event) {
    Objects.requireNonNull(event, "event == null");
    return accept(encoder.encode(event, EventEncoder.idOf(event), EventKind.INSERT));
  }

  /**
   * Queues a change to the row {@code id}: the fields given are deep-merged into it ({@code
   * "_is_merge": true}), the others left as they are. A {@code null} value, at any depth of the
   * maps, is sent as an explicit null and clears that field ({@code Map} implementations that allow
   * null values, such as {@code HashMap}, can carry one).
   *
   * @return {@code id}
   */
  public String merge(String id, Map<String, ?> fields) {
    Objects.requireNonNull(fields, "fields == null");
    Validation.notBlank(id, "id");
    JsonObject tree = encoder.treeOfFields(fields);
    if (tree.has("id") && !id.equals(tree.get("id").getAsString())) {
      throw new IllegalArgumentException(
          "the fields' id (" + tree.get("id") + ") differs from the id given (" + id + ")");
    }
    tree.addProperty("id", id);
    tree.addProperty("_is_merge", true);
    return accept(encoder.encodeTree(tree, EventKind.INSERT));
  }

  /**
   * Queues the deletion of the row {@code id} (a row with {@code "_object_delete": true}).
   *
   * @return {@code id}
   */
  public String delete(String id) {
    JsonObject tree = new JsonObject();
    tree.addProperty("id", Validation.notBlank(id, "id"));
    tree.addProperty("_object_delete", true);
    return accept(encoder.encodeTree(tree, EventKind.INSERT));
  }

  /**
   * Queues feedback (scores, expected output, a comment, metadata, tags) on the row the item's id
   * names, sent in batches to the store's {@code feedback} endpoint after any earlier event with
   * that id. A feedback request is sent again only when its connection was refused (nothing of it
   * left), since a comment sent twice would be recorded twice; a failure is reported. A request
   * carries inserts or feedback, not both, so alternating the two makes smaller requests.
   *
   * @throws IllegalArgumentException if the item has no id
   */
  public void feedback(F item) {
    Objects.requireNonNull(item, "item == null");
    queueFeedback(item, checkId(feedbackId.apply(item)));
  }

  /**
   * Queues feedback given as a map of the API's field names ({@code id}, {@code scores}, {@code
   * comment}...), as {@link #feedback(Object)} does.
   *
   * @throws IllegalArgumentException if the map has no string {@code id}
   */
  public void feedback(Map<String, ?> item) {
    Objects.requireNonNull(item, "item == null");
    queueFeedback(item, EventEncoder.idOf(item));
  }

  private void queueFeedback(Object item, String id) {
    if (id == null) {
      throw new IllegalArgumentException("feedback needs the id of the row it is about; set it");
    }
    accept(encoder.encode(item, id, EventKind.FEEDBACK));
  }

  /**
   * Starts a root span of the store's default type ({@code task} for project logs and datasets,
   * {@code eval} for experiments; {@link Span#type} sets another), logged when it ends.
   */
  public Span startSpan(String name) {
    return new Span(this, name, rootSpanType, null);
  }

  /**
   * Waits until every event accepted before this call is acknowledged or reported as failed. While
   * the server is unavailable this lasts up to the {@link WriterOptions#retryBudget() retry
   * budget}; {@link #flush(Duration)} bounds the wait.
   *
   * @throws IllegalStateException if called from the writer's own threads (a failure handler)
   * @throws BraintrustException if the thread is interrupted (its interrupt flag is set again)
   */
  public void flush() {
    if (!flush(Duration.ofNanos(Long.MAX_VALUE))) {
      throw new BraintrustException(
          "interrupted while flushing " + target, new InterruptedException("flush interrupted"));
    }
  }

  /**
   * As {@link #flush()}, giving up after {@code timeout}.
   *
   * @return whether everything settled in time (false also if interrupted, with the flag set)
   */
  public boolean flush(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    checkNotSenderThread("flush()");
    return awaitSettled(timeout);
  }

  /** Whether everything accepted so far settled within {@code timeout} (false if interrupted). */
  private boolean awaitSettled(Duration timeout) {
    try {
      return queue.awaitSettled(queue.lastSeq(), timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Stops accepting events, delivers those queued within {@link WriterOptions#closeTimeout()},
   * reports the rest as {@link WriteFailure.Reason#CLOSED}, and stops the sender threads. Calling
   * it again has no effect.
   */
  @Override
  public void close() {
    close(options.closeTimeout());
  }

  /**
   * As {@link #close()} with another timeout.
   *
   * @return whether every accepted event settled (acknowledged or reported) before the timeout
   */
  public boolean close(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    synchronized (closeLock) {
      if (closeResult != null) {
        return closeResult;
      }
      checkNotSenderThread("close()");
      queue.close();
      boolean delivered = awaitSettled(timeout);
      if (!delivered) {
        sender.fail(WriteFailure.Reason.CLOSED, null, RowMerger.unmerged(queue.abandon()));
        sender.interrupt();
      }
      try {
        if (!sender.join(delivered ? 1_000 : 5_000)) {
          WriteFailure.LOG.log(
              System.Logger.Level.WARNING, "sender threads of " + target + " did not stop");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      removeShutdownHook();
      closeResult = delivered;
      return delivered;
    }
  }

  /** The writer's counters now. */
  public WriterStats stats() {
    return new WriterStats(
        queue.lastSeq(),
        sender.acknowledged.sum(),
        sender.failed.sum(),
        dropped.sum(),
        sender.requests.sum(),
        queue.queuedEvents(),
        queue.queuedBytes());
  }

  /** The options the writer was created with. */
  public WriterOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "EventWriter{" + target + "}";
  }

  EventEncoder encoder() {
    return encoder;
  }

  /** Queues a row built by a span. */
  void enqueueRow(JsonObject row) {
    accept(encoder.encodeTree(row, EventKind.INSERT));
  }

  /** The shutdown hook, if registered (for tests). */
  Thread shutdownHook() {
    return shutdownHook;
  }

  private String accept(QueuedEvent event) {
    long limit = options.maxRequestBytes() - EventQueue.envelopeBytes(event.kind());
    if (event.json().length > limit) {
      throw new EventTooLargeException(event.id(), event.json().length, limit);
    }
    QueueFullPolicy policy = options.whenFull();
    if (!queue.offer(event, policy.drops(), policy.timeout().toNanos())) {
      dropped.increment();
      report(
          new WriteFailure(
              WriteFailure.Reason.QUEUE_FULL,
              null,
              target.toString(),
              List.of(
                  new FailedEvent(event.id(), event.kind() == EventKind.FEEDBACK, event.json()))));
    }
    return event.id();
  }

  private static String checkId(String id) {
    if (id != null && id.isBlank()) {
      throw new IllegalArgumentException("the event's id must not be blank");
    }
    return id;
  }

  /**
   * Hands a failure to the handler. Whatever the handler throws, Errors included, is caught, so
   * that the sender lives on; the failure is then printed on standard error, since the handler
   * (which may be the one that logs) could not take it.
   */
  private void report(WriteFailure failure) {
    try {
      options.failureHandler().accept(failure);
    } catch (Throwable e) {
      WriteFailure.printToStderr(
          "the failure handler threw; the failure it was given: " + failure.describe(), e);
    }
  }

  private void acknowledged(Acknowledgement acknowledgement) {
    try {
      options.acknowledgementHandler().accept(acknowledgement);
    } catch (Throwable e) {
      WriteFailure.printToStderr(
          "the acknowledgement handler threw; the events stay acknowledged: " + acknowledgement, e);
    }
  }

  private void checkNotSenderThread(String method) {
    if (sender.isSenderThread()) {
      throw new IllegalStateException(
          method
              + " called from the writer's own thread (a failure handler?) would wait for itself");
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already shutting down; the hook will find the writer closed.
    }
  }
}
