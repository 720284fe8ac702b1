package io.github.bt4j.benchmarks;

import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;

/**
 * Reading every row of {@link LoopbackServer} in pages of 1000: through the fetch endpoint (the
 * library with de-duplication on, its default) or as a structured BTQL query in JSON lines; the
 * floor is {@link FloorClient}. The fetch workload also samples the live heap after full
 * collections in a pass of its own.
 */
final class RowsWorkload implements ClientWorkload {
  private static final int PER_PAGE = 1000;
  private static final int LIVE_SAMPLES = 10;

  private final Side side;
  private final boolean btql;
  private final long total;
  private final RowSink sink;
  private final FloorClient floor;
  private final BraintrustClient client;

  /**
   * @param btql a BTQL query if true, else a fetch
   * @param units the rows the server has
   */
  RowsWorkload(Side side, String baseUrl, long units, boolean btql) {
    this.side = side;
    this.btql = btql;
    this.total = units;
    this.sink = new RowSink((int) Math.max(1, units / LIVE_SAMPLES));
    this.floor = side == Side.FLOOR ? new FloorClient(baseUrl) : null;
    this.client = ClientWorkload.libraryClient(side, baseUrl);
  }

  @Override
  public long pass(long units) throws Exception {
    long start = System.nanoTime();
    long read = read(units);
    long elapsed = System.nanoTime() - start;
    if (read != Math.min(units, total)) {
      throw new IllegalStateException(side.label() + " read " + read + " rows of " + units);
    }
    return elapsed;
  }

  private long read(long max) throws Exception {
    String project = SyntheticPages.PROJECT.toString();
    if (side == Side.FLOOR) {
      return btql
          ? floor.btqlAll(SyntheticPages.BTQL_FROM, PER_PAGE, max, sink::accept)
          : floor.fetchAll(project, PER_PAGE, max, sink::accept);
    }
    return btql
        ? sink.drain(
            client
                .queries()
                .structured(JsonParser.parseString("{" + SyntheticPages.BTQL_FROM + "}"))
                .pageSize(PER_PAGE)
                .rows(),
            max)
        : sink.drain(
            client.queries().fetchProjectLogs(project).tracesPerPage(PER_PAGE).events(), max);
  }

  @Override
  public Sample extras(Sample timed) throws Exception {
    if (btql) {
      return timed;
    }
    HeapMeter heap = new HeapMeter();
    heap.startLive();
    sink.probe(heap);
    read(total);
    sink.probe(null);
    return timed.withLiveMb(heap.live() / (1024.0 * 1024.0));
  }

  @Override
  public void close() throws Exception {
    ClientWorkload.closeAll(floor, client);
  }
}
