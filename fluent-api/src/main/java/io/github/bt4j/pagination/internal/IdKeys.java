package io.github.bt4j.pagination.internal;

/**
 * Turns an id into a 128-bit key. A canonical lower-case UUID ({@code 8-4-4-4-12} hex digits) or a
 * UUID written as 32 lower-case hex digits is its own 128 bits, exactly; the two spellings are kept
 * apart by a fixed scramble of the second. Any other string is hashed with MurmurHash3's x64
 * 128-bit mixing over its UTF-16 code units: for {@code n} such ids the chance that two of them
 * share a key is about {@code n² / 2^129} (10^-27 for a million ids), unless someone crafts ids to
 * collide, since the hash is not cryptographic.
 */
final class IdKeys {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final long SEED = 0x2545F4914F6CDD1DL;
  private static final long HEX32_SCRAMBLE_HI = 0x5bd1e9955bd1e995L;
  private static final long HEX32_SCRAMBLE_LO = 0x27d4eb2f165667c5L;

  private IdKeys() {}

  /** Receives a key. */
  interface Sink {
    /** Takes the two halves of a key. */
    boolean accept(long hi, long lo);
  }

  /** Computes the key of {@code id} and hands it to {@code sink}; returns what the sink returns. */
  static boolean key(CharSequence id, Sink sink) {
    int n = id.length();
    if (n == 36 && isCanonicalUuid(id)) {
      long hi = hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
      long lo = hex(id, 19, 23) << 48 | hex(id, 24, 36);
      return sink.accept(hi, lo);
    }
    if (n == 32 && isHex(id, 0, 32)) {
      long hi = hex(id, 0, 16) ^ HEX32_SCRAMBLE_HI;
      long lo = hex(id, 16, 32) ^ HEX32_SCRAMBLE_LO;
      return sink.accept(hi, lo);
    }
    return hash(id, sink);
  }

  private static boolean isCanonicalUuid(CharSequence id) {
    return id.charAt(8) == '-'
        && id.charAt(13) == '-'
        && id.charAt(18) == '-'
        && id.charAt(23) == '-'
        && isHex(id, 0, 8)
        && isHex(id, 9, 13)
        && isHex(id, 14, 18)
        && isHex(id, 19, 23)
        && isHex(id, 24, 36);
  }

  private static boolean isHex(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value of the lower-case hex digits {@code [from, to)}, checked by {@link #isHex}. */
  private static long hex(CharSequence s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 4 | digit(s.charAt(i));
    }
    return v;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /**
   * MurmurHash3 x64 128-bit mixing over the UTF-16 code units of {@code s}, eight units a block.
   * The seed is not 0, so that the empty string does not hash to the all-zero key of the nil UUID.
   */
  static boolean hash(CharSequence s, Sink sink) {
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
    return sink.accept(h1, h2);
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
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
