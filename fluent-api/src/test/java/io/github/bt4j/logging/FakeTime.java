package io.github.bt4j.logging;

import io.github.bt4j.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a sleeper that share one timeline, so that retry schedules run in no real time: a
 * sleep records its duration and moves the clock to its end. With {@link #holdSleeps()}, sleeps
 * block until the test lets them go, so that a test can see who is waiting.
 */
final class FakeTime extends Clock implements Sleeper {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Semaphore sleeping = new Semaphore(0);
  private volatile boolean hold;
  private final Object released = new Object();
  private boolean open;

  /** From now on, sleeps block until {@link #releaseSleeps()}. */
  FakeTime holdSleeps() {
    hold = true;
    return this;
  }

  /** Lets every held sleep, and every later one, end. */
  void releaseSleeps() {
    synchronized (released) {
      open = true;
      released.notifyAll();
    }
  }

  /** Waits until {@code count} sleeps have started in all; false after 10 s. */
  boolean awaitSleeps(int count) throws InterruptedException {
    if (sleeping.tryAcquire(count, 10, TimeUnit.SECONDS)) {
      sleeping.release(count);
      return true;
    }
    return false;
  }

  /** Every sleep asked for, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Moves the clock forward. */
  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Instant start = instant();
    sleeps.add(duration);
    sleeping.release();
    if (hold) {
      synchronized (released) {
        while (!open) {
          released.wait();
        }
      }
    }
    synchronized (this) {
      Instant end = start.plus(duration);
      if (end.isAfter(now)) {
        now = end;
      }
    }
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
