package io.github.bt4j.logging.internal;

import io.github.bt4j.RequestOptions;
import io.github.bt4j.errors.PayloadTooLargeException;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.logging.FailedEvent;
import io.github.bt4j.logging.WriteFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

/**
 * Sends one batch: folds rows with the same id, writes the request body from the events' JSON bytes
 * and posts it through the client's transport (auth, retries, typed errors, logging). A 413 answer
 * splits the rows in two halves, sent one after the other, down to single rows; every event ends up
 * acknowledged or in a {@link WriteFailure}.
 */
public final class BatchSender {
  private static final MediaType JSON = MediaType.get("application/json");

  private final Transport transport;
  private final EventTarget target;
  private final RequestOptions insertOptions;
  private final RequestOptions feedbackOptions;
  private final WriterCounters counters;
  private final Consumer<WriteFailure> failures;
  private final EventQueue queue;

  /**
   * Creates a sender.
   *
   * @param insertOptions options for insert requests, which are sent as retry-safe
   * @param feedbackOptions options for feedback requests, which are sent once
   * @param failures receives every failure; must not throw
   */
  public BatchSender(
      Transport transport,
      EventTarget target,
      RequestOptions insertOptions,
      RequestOptions feedbackOptions,
      WriterCounters counters,
      Consumer<WriteFailure> failures,
      EventQueue queue) {
    this.transport = transport;
    this.target = target;
    this.insertOptions = insertOptions;
    this.feedbackOptions = feedbackOptions;
    this.counters = counters;
    this.failures = failures;
    this.queue = queue;
  }

  /** Sends the batch; reports rather than throws. */
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
    for (List<Row> group : groups) {
      sendRows(batch, group);
    }
  }

  private void sendRows(Batch batch, List<Row> rows) {
    if (queue.isAbandoned()) {
      fail(WriteFailure.Reason.CLOSED, null, rows);
      return;
    }
    boolean insert = batch.kind() == EventKind.INSERT;
    try {
      Request request =
          new Request.Builder()
              .url(target.url(batch.kind()))
              .post(RequestBody.create(body(batch.kind(), rows), JSON))
              .build();
      Call call = transport.newCall(request, insert ? insertOptions : feedbackOptions, insert);
      batch.currentCall(call);
      counters.requests.increment();
      try (Response response = transport.open(call)) {
        drain(response.body());
      }
      acknowledge(rows);
    } catch (PayloadTooLargeException tooLarge) {
      if (rows.size() == 1) {
        fail(WriteFailure.Reason.REQUEST_FAILED, tooLarge, rows);
      } else {
        int half = rows.size() / 2;
        sendRows(batch, new ArrayList<>(rows.subList(0, half)));
        sendRows(batch, new ArrayList<>(rows.subList(half, rows.size())));
      }
    } catch (RuntimeException | Error e) {
      // Even a bug or an OutOfMemoryError must not lose the rows silently.
      fail(
          queue.isAbandoned() ? WriteFailure.Reason.CLOSED : WriteFailure.Reason.REQUEST_FAILED,
          e,
          rows);
    } finally {
      batch.currentCall(null);
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

  private static void drain(ResponseBody body) {
    if (body == null) {
      return;
    }
    try {
      body.source().readAll(Okio.blackhole());
    } catch (IOException e) {
      // The status was 2xx, so the rows are stored; the rest of the body (their ids) is not needed.
    }
  }

  private void acknowledge(List<Row> rows) {
    long events = 0;
    for (Row row : rows) {
      events += row.members().size();
    }
    counters.acknowledged.add(events);
  }

  private void fail(WriteFailure.Reason reason, Throwable cause, List<Row> rows) {
    List<FailedEvent> events = new ArrayList<>();
    for (Row row : rows) {
      for (QueuedEvent e : row.members()) {
        events.add(new FailedEvent(e.id(), e.kind() == EventKind.FEEDBACK, e.json()));
      }
    }
    counters.failed.add(events.size());
    failures.accept(new WriteFailure(reason, cause, target.toString(), events));
  }
}
