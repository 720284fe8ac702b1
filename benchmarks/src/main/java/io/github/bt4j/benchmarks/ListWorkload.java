package io.github.bt4j.benchmarks;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.ProjectListParams;

/**
 * Listing every project, 100 a page, from {@link LoopbackServer}: the floor with Gson's streaming
 * reader ({@link ListFloor}), the library with {@code projects().list(params)}.
 */
final class ListWorkload implements ClientWorkload {
  private static final int PAGE = 100;

  private final Side side;
  private final long total;
  private final ListFloor floor;
  private final BraintrustClient client;
  private long checksum;

  ListWorkload(Side side, String baseUrl, long units) {
    this.side = side;
    this.total = units;
    this.floor = side == Side.FLOOR ? new ListFloor(baseUrl) : null;
    this.client = ClientWorkload.libraryClient(side, baseUrl);
  }

  @Override
  public long pass(long units) throws Exception {
    // A list walk always goes to the end: every pass reads all the projects.
    long start = System.nanoTime();
    long count = 0;
    if (side == Side.FLOOR) {
      count = floor.listAll(PAGE, p -> checksum += p.name().hashCode());
    } else {
      for (Project p : client.projects().list(ProjectListParams.builder().limit(PAGE).build())) {
        checksum += p.getName().hashCode();
        count++;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (count != total) {
      throw new IllegalStateException(side.label() + " listed " + count + " of " + total);
    }
    return elapsed;
  }

  @Override
  public void close() throws Exception {
    ClientWorkload.closeAll(floor, client);
  }
}
