package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.ScriptedServer.Reply;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The queue's bound is a bound on heap, not on JSON bytes: checked against the heap the queued
 * events are measured to hold (used heap after full collections, before and after queueing), while
 * a gated server keeps every event in the queue.
 */
class EventWriterMemoryTest {
  private static final long MIB = 1024 * 1024;

  /** The heap in use after full collections. */
  private static long usedHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /**
   * A server whose answers wait until {@code open}, so that the writer's queue only fills; {@code
   * arrived} counts down when the first request is in.
   */
  private static ScriptedServer gated(CountDownLatch arrived, CountDownLatch open)
      throws Exception {
    return new ScriptedServer(
        request -> {
          arrived.countDown();
          open.await();
          return Reply.stored(request);
        });
  }

  private static WriterOptions.Builder options() {
    return WriterOptions.builder()
        .flushOnShutdown(false)
        .maxConcurrentRequests(1)
        .failureHandler(failure -> {});
  }

  /** Logs one event and waits until the only sender is stuck in its request. */
  private static void occupyTheSender(EventWriter<?, ?> logs, CountDownLatch arrived)
      throws InterruptedException {
    logs.log(Map.of("input", -1));
    assertTrue(arrived.await(10, TimeUnit.SECONDS));
  }

  @Test
  void eachQueuedEventCountsAtLeastTheHeapItHolds() throws Exception {
    int count = 100_000;
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    try (ScriptedServer server = gated(arrived, open);
        BraintrustClient client =
            BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
        var logs =
            EventWriter.projectLogs(client, PROJECT, options().maxQueuedBytes(512 * MIB).build())) {
      occupyTheSender(logs, arrived);
      long before = usedHeap();
      for (int i = 0; i < count; i++) {
        logs.log(Map.of("input", i));
      }
      long after = usedHeap();
      WriterStats stats = logs.stats();
      assertEquals(count, stats.queuedEvents());
      double measured = (after - before) / (double) count;
      double counted = stats.queuedBytes() / (double) count;
      assertTrue(
          counted >= 0.95 * measured && counted <= 1.5 * measured,
          "counted " + counted + " bytes an event, measured " + measured);
      open.countDown();
      logs.flush();
    }
  }

  @Test
  void aQueueOfTinyEventsStaysWithinItsBoundInHeap() throws Exception {
    long bound = 16 * MIB;
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    AtomicLong dropped = new AtomicLong();
    try (ScriptedServer server = gated(arrived, open);
        BraintrustClient client =
            BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                options()
                    .maxQueuedBytes(bound)
                    .whenFull(QueueFullPolicy.dropAndReport())
                    .failureHandler(failure -> dropped.addAndGet(failure.events().size()))
                    .build())) {
      occupyTheSender(logs, arrived);
      long before = usedHeap();
      for (int i = 0; dropped.get() == 0; i++) {
        logs.log(Map.of("input", i));
      }
      long held = usedHeap() - before;
      assertTrue(
          held <= bound * 1.05,
          "a " + bound / MIB + " MiB queue holds " + held / (double) MIB + " MiB of heap");
      assertTrue(held >= bound * 0.7, "and fills it: " + held / (double) MIB + " MiB");
      open.countDown();
      logs.flush();
    }
  }
}
