package io.github.bt4j.pagination.internal;

/**
 * A set of ids in about 24 bytes per id, so that a walk can remember millions of them in a small
 * heap. Each id becomes a 128-bit key (see {@link IdKeys}: exact for UUIDs, a hash otherwise) kept
 * in an open-addressing table of primitive longs with linear probing, split into 256 segments that
 * grow by half when 80% full. Growing one segment at a time keeps every array small (no large
 * contiguous allocation, no pause to rehash everything); at 53-80% load a 16-byte key costs 20-30
 * bytes. A {@code HashSet<String>} of UUID strings costs over 100 bytes per id.
 *
 * <p>Not thread-safe.
 */
public final class SeenIds {
  private static final int SEGMENT_BITS = 8;
  private static final int INITIAL_SLOTS = 8;
  private static final double MAX_LOAD = 0.8;

  private final long[][] segments = new long[1 << SEGMENT_BITS][];
  private final int[] counts = new int[1 << SEGMENT_BITS];
  private final IdKeys.Sink adder = this::add;
  private final IdKeys.Sink finder = this::contains;
  private boolean containsZeroKey;
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
    if (hi == 0 && lo == 0) {
      if (containsZeroKey) {
        return false;
      }
      containsZeroKey = true;
      size++;
      return true;
    }
    long h = spread(hi, lo);
    int segment = (int) (h >>> (64 - SEGMENT_BITS));
    long[] table = segments[segment];
    if (table == null) {
      table = new long[2 * INITIAL_SLOTS];
      segments[segment] = table;
    } else if (counts[segment] + 1 > (long) (table.length / 2 * MAX_LOAD)) {
      table = grow(segment, table);
    }
    if (!insert(table, h, hi, lo)) {
      return false;
    }
    counts[segment]++;
    size++;
    return true;
  }

  /** Whether the set holds the 128-bit key. */
  public boolean contains(long hi, long lo) {
    if (hi == 0 && lo == 0) {
      return containsZeroKey;
    }
    long h = spread(hi, lo);
    long[] table = segments[(int) (h >>> (64 - SEGMENT_BITS))];
    if (table == null) {
      return false;
    }
    int slots = table.length / 2;
    for (int i = home(h, slots); ; i = i + 1 == slots ? 0 : i + 1) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
      if (a == 0 && b == 0) {
        return false;
      }
      if (a == hi && b == lo) {
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
    int oldSlots = old.length / 2;
    long[] table = new long[2 * (oldSlots + oldSlots / 2)];
    for (int i = 0; i < oldSlots; i++) {
      long hi = old[2 * i];
      long lo = old[2 * i + 1];
      if (hi != 0 || lo != 0) {
        insert(table, spread(hi, lo), hi, lo);
      }
    }
    segments[segment] = table;
    return table;
  }

  /** Puts the key in its slot; false if it was there already. */
  private static boolean insert(long[] table, long h, long hi, long lo) {
    int slots = table.length / 2;
    for (int i = home(h, slots); ; i = i + 1 == slots ? 0 : i + 1) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
      if (a == 0 && b == 0) {
        table[2 * i] = hi;
        table[2 * i + 1] = lo;
        return true;
      }
      if (a == hi && b == lo) {
        return false;
      }
    }
  }

  /** Mixes both halves, so that UUIDs whose high bits are a timestamp still spread evenly. */
  private static long spread(long hi, long lo) {
    return IdKeys.fmix64(hi * 0x9E3779B97F4A7C15L + lo);
  }

  /** Maps the low 32 bits of the hash onto {@code [0, slots)} without a division. */
  private static int home(long h, int slots) {
    return (int) (((h & 0xFFFFFFFFL) * slots) >>> 32);
  }
}
