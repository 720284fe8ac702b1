package io.github.bt4j.pagination.internal;

/**
 * A set of ids in 9 to 12 bytes per id, so that a walk can remember millions of them in a small
 * heap. Each id becomes a 128-bit key (see {@link IdKeys}: exact for UUIDs, a hash otherwise), and
 * the key two independent 64-bit hashes: 12 bits of the first choose one of 4096 tables, and the
 * second is what the table keeps (open addressing of primitive longs, linear probing, each table
 * growing by a quarter when 90% full, so that no array is large and no growth rehashes everything;
 * the tables are a few hundred bytes, so a long probe stays within a few cache lines).
 *
 * <p>So two different ids are taken for one when 76 bits of their hashes agree: for {@code n}
 * distinct ids the chance that any two do is about {@code n² / 2^77}, 7 × 10^-12 for a million ids
 * and 7 × 10^-10 for ten million. Exact 128-bit keys would take at least 14 bytes an id even packed
 * without gaps (issue 15's memory target for 200,000 rows allows 13); at 72-90% load the tables
 * cost 9-12 bytes an id. A {@code HashSet<String>} of UUID strings costs over 100.
 *
 * <p>Not thread-safe.
 */
public final class SeenIds {
  private static final int SEGMENT_BITS = 12;
  private static final int INITIAL_SLOTS = 8;
  private static final double MAX_LOAD = 0.9;

  private final long[][] segments = new long[1 << SEGMENT_BITS][];
  private final int[] counts = new int[1 << SEGMENT_BITS];
  private final IdKeys.Sink adder = this::add;
  private final IdKeys.Sink finder = this::contains;
  private long size;

  /**
   * Adds an id.
   *
   * @return true if the id was not in the set
   */
  public boolean add(String id) {
    return IdKeys.key(id, adder);
  }

  /** Whether the set holds {@code id}. */
  public boolean contains(String id) {
    return IdKeys.key(id, finder);
  }

  /**
   * Adds a 128-bit key.
   *
   * @return true if the key was not in the set
   */
  public boolean add(long hi, long lo) {
    int segment = segmentOf(hi, lo);
    long kept = keptOf(hi, lo);
    long[] table = segments[segment];
    if (table == null) {
      table = new long[INITIAL_SLOTS];
      segments[segment] = table;
    } else if (counts[segment] + 1 > (long) (table.length * MAX_LOAD)) {
      table = grow(segment, table);
    }
    if (!insert(table, kept)) {
      return false;
    }
    counts[segment]++;
    size++;
    return true;
  }

  /** Whether the set holds the 128-bit key. */
  public boolean contains(long hi, long lo) {
    long[] table = segments[segmentOf(hi, lo)];
    if (table == null) {
      return false;
    }
    long kept = keptOf(hi, lo);
    int slots = table.length;
    for (int i = home(kept, slots); ; i = i + 1 == slots ? 0 : i + 1) {
      long v = table[i];
      if (v == 0) {
        return false;
      }
      if (v == kept) {
        return true;
      }
    }
  }

  /** How many ids the set holds. */
  public long size() {
    return size;
  }

  /** The bytes taken by the tables, for measuring. */
  public long tableBytes() {
    long bytes = 0;
    for (long[] table : segments) {
      if (table != null) {
        bytes += 8L * table.length;
      }
    }
    return bytes;
  }

  private long[] grow(int segment, long[] old) {
    long[] table = new long[old.length + old.length / 4];
    for (long v : old) {
      if (v != 0) {
        insert(table, v);
      }
    }
    segments[segment] = table;
    return table;
  }

  /** Puts the value in its slot; false if it was there already. */
  private static boolean insert(long[] table, long kept) {
    int slots = table.length;
    for (int i = home(kept, slots); ; i = i + 1 == slots ? 0 : i + 1) {
      long v = table[i];
      if (v == 0) {
        table[i] = kept;
        return true;
      }
      if (v == kept) {
        return false;
      }
    }
  }

  /** The table of a key: the top bits of one hash of both halves. */
  private static int segmentOf(long hi, long lo) {
    return (int) (IdKeys.fmix64(hi * 0x9E3779B97F4A7C15L + lo) >>> (64 - SEGMENT_BITS));
  }

  /**
   * What the table keeps of a key: another hash of both halves, independent of the first (other
   * multipliers and a rotation), never 0, which marks an empty slot.
   */
  private static long keptOf(long hi, long lo) {
    long v =
        IdKeys.fmix64(Long.rotateLeft(lo * 0xC2B2AE3D27D4EB4FL, 29) ^ (hi * 0x165667B19E3779F9L));
    return v == 0 ? 1 : v;
  }

  /** Maps the low 32 bits of the kept value onto {@code [0, slots)} without a division. */
  private static int home(long kept, int slots) {
    return (int) (((kept & 0xFFFFFFFFL) * slots) >>> 32);
  }
}
