package io.github.bt4j.logging.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUID strings for row and span ids. Drawn from {@link ThreadLocalRandom} rather
 * than {@link UUID#randomUUID()}: ids need to be unique, not unguessable, and the shared
 * SecureRandom behind {@code randomUUID} is a lock that many logging threads would queue on.
 */
public final class RandomIds {
  private RandomIds() {}

  /** A new random id. */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
