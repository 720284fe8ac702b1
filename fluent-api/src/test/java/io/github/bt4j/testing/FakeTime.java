package io.github.bt4j.testing;

import io.github.bt4j.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when its sleeper is asked to wait, by exactly the wait: a client given
 * both sees time pass as it expects (a server's pause is over once waited for) without any real
 * waiting.
 */
public final class FakeTime extends Clock {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("FakeTime is UTC only");
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** A sleeper that records each wait in {@code waits} and moves this clock on by it. */
  public Sleeper sleeper(List<Duration> waits) {
    return wait -> {
      waits.add(wait);
      now.updateAndGet(t -> t.plus(wait));
    };
  }
}
