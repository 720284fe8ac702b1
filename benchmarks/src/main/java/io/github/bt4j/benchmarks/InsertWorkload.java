package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.WriterStats;
import java.util.List;
import java.util.Map;

/**
 * Inserting events of about 1.1 KB into {@link WriterBenchServer}: the floor sends 1000 events a
 * request, synchronously, each body written while it streams ({@link WriterBenchFloor}); the
 * library logs them through an {@link EventWriter} with default options and flushes.
 */
final class InsertWorkload implements ClientWorkload {
  private static final int FLOOR_BATCH = 1000;

  private final Side side;
  private final WriterBenchControl server;
  private final List<Map<String, Object>> events;
  private final WriterBenchFloor floor;
  private final BraintrustClient client;

  InsertWorkload(Side side, String baseUrl, long units) {
    this.side = side;
    this.server = new WriterBenchControl(baseUrl);
    this.events = WriterBenchEvents.events((int) units);
    this.floor = side == Side.FLOOR ? new WriterBenchFloor() : null;
    this.client = ClientWorkload.libraryClient(side, baseUrl);
  }

  @Override
  public long pass(long units) throws Exception {
    List<Map<String, Object>> batch = events.subList(0, (int) Math.min(units, events.size()));
    server.reset(false);
    long elapsed;
    long acknowledged;
    if (side == Side.FLOOR) {
      long start = System.nanoTime();
      acknowledged = floor.run(server.baseUrl() + insertPath(), batch, FLOOR_BATCH);
      elapsed = System.nanoTime() - start;
    } else {
      // As in WriterBenchmark: from the first log() to the end of flush(), when every event is
      // acknowledged; creating and closing the writer are outside.
      try (var writer = EventWriter.projectLogs(client, SyntheticPages.PROJECT.toString())) {
        long start = System.nanoTime();
        batch.forEach(writer::log);
        writer.flush();
        elapsed = System.nanoTime() - start;
        WriterStats stats = writer.stats();
        acknowledged = stats.failed() == 0 ? stats.acknowledged() : -stats.failed();
      }
    }
    long distinct = server.stats().distinct();
    if (acknowledged != batch.size() || distinct != batch.size()) {
      throw new IllegalStateException(
          side.label()
              + " inserted "
              + batch.size()
              + " events: "
              + acknowledged
              + " acknowledged (negative: failed), "
              + distinct
              + " distinct ids at the server");
    }
    return elapsed;
  }

  private static String insertPath() {
    return "/v1/project_logs/" + SyntheticPages.PROJECT + "/insert";
  }

  @Override
  public void close() throws Exception {
    ClientWorkload.closeAll(server, floor, client);
  }
}
