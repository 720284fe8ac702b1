package io.github.bt4j.pagination.internal;

/**
 * A set of ids in 9 to 12 bytes per id, so that a walk can remember millions of them in a small
 * heap. Each id is hashed to 128 bits with MurmurHash3's x64 128-bit mixing over its UTF-16 code
 * units (the seed is not 0, so the empty string is hashed like any other); 12 bits of the first
 * half choose one of 4096 tables, and the second half is what the table keeps (open addressing of
 * primitive longs, linear probing, each table growing by a quarter when 90% full, so that no array
 * is large and no growth rehashes everything; the tables are a few hundred bytes, so a long probe
 * stays within a few cache lines).
 *
 * <p>So two different ids are taken for one when 76 bits of their hashes agree: for {@code n}
 * distinct ids the chance that any two do is about {@code n² / 2^77}, 7 × 10^-12 for a million ids
 * and 7 × 10^-10 for ten million, unless someone crafts ids to collide, since the hash is not
 * cryptographic. Exact 128-bit keys would take at least 14 bytes an id even packed without gaps
 * (issue 15's memory target for 200,000 rows allows 13); at 72-90% load the tables cost 9-12 bytes
 * an id. A {@code HashSet<String>} of UUID strings costs over 100.
 *
 * <p>Not thread-safe.
 */
public final class SeenIds {
  private static final int SEGMENT_BITS = 12;
  private static final int INITIAL_SLOTS = 8;
  private static final double MAX_LOAD = 0.9;
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final long SEED = 0x2545F4914F6CDD1DL;

  private final long[][] segments = new long[1 << SEGMENT_BITS][];
  private final int[] counts = new int[1 << SEGMENT_BITS];
  private long size;

  /**
   * Adds an id: hashes it (MurmurHash3 x64 128, eight code units a block) and puts the second half
   * of the hash in the table the first half chooses.
   *
   * @return true if the id was not in the set
   */
  public boolean add(CharSequence s) {
    long h1 = SEED;
    long h2 = SEED;
    int n = s.length();
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      h1 ^= mixK1(pack(s, i));
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(pack(s, i + 4));
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    for (int j = 0; i + j < n; j++) {
      long unit = s.charAt(i + j);
      if (j < 4) {
        k1 |= unit << (16 * j);
      } else {
        k2 |= unit << (16 * (j - 4));
      }
    }
    if (n - i > 4) {
      h2 ^= mixK2(k2);
    }
    if (n - i > 0) {
      h1 ^= mixK1(k1);
    }
    long bytes = 2L * n;
    h1 ^= bytes;
    h2 ^= bytes;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    int segment = (int) (h1 >>> (64 - SEGMENT_BITS));
    long kept = h2 == 0 ? 1 : h2; // 0 marks an empty slot
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
    // the home slot: the low 32 bits mapped onto [0, slots) without a division
    for (int i = (int) (((kept & 0xFFFFFFFFL) * slots) >>> 32); ; i = i + 1 == slots ? 0 : i + 1) {
      long v = table[i];
      if (v == kept) {
        return false;
      }
      if (v == 0) {
        table[i] = kept;
        return true;
      }
    }
  }

  private static long pack(CharSequence s, int i) {
    return (long) s.charAt(i)
        | (long) s.charAt(i + 1) << 16
        | (long) s.charAt(i + 2) << 32
        | (long) s.charAt(i + 3) << 48;
  }

  private static long mixK1(long k1) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    return k1 * C2;
  }

  private static long mixK2(long k2) {
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    return k2 * C1;
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
