package io.github.bt4j.benchmarks;

import com.google.gson.JsonObject;

/**
 * Consumes each row the same way in every reader, so that no work can be optimised away, and
 * optionally samples the live heap every so many rows.
 */
final class RowSink {
  private final int liveSampleEvery;
  private HeapMeter liveProbe;
  private long checksum;
  private long rows;

  /** A sink that samples the live heap every {@code liveSampleEvery} rows while probing. */
  RowSink(int liveSampleEvery) {
    this.liveSampleEvery = liveSampleEvery;
  }

  /** Takes one row. */
  void accept(JsonObject row) {
    checksum += row.get("id").getAsString().hashCode();
    if (liveProbe != null && ++rows % liveSampleEvery == 0) {
      liveProbe.sampleLive();
    }
  }

  /** Samples the live heap into {@code meter} from now on, or stops sampling if it is null. */
  void probe(HeapMeter meter) {
    this.liveProbe = meter;
    this.rows = 0;
  }

  /** The sum of the ids' hash codes, printed so that the work is not dead code. */
  long checksum() {
    return checksum;
  }

  /** Hands at most {@code max} of {@code rows} to this sink; returns how many it took. */
  long drain(Iterable<JsonObject> rows, long max) {
    long n = 0;
    for (JsonObject row : rows) {
      accept(row);
      if (++n >= max) {
        break;
      }
    }
    return n;
  }
}
