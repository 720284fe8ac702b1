package io.github.bt4j;

import io.github.bt4j.internal.Sleeper;
import java.time.Clock;

/**
 * The client builder's test hooks (how it waits, its clock), which are not public API, for tests
 * outside the client's package.
 */
public final class TestHooks {
  private TestHooks() {}

  /** Makes {@code builder}'s clients wait with {@code sleeper} and read time from {@code clock}. */
  public static BraintrustClient.Builder time(
      BraintrustClient.Builder builder, Sleeper sleeper, Clock clock) {
    return builder.sleeper(sleeper).clock(clock);
  }

  /** Makes {@code builder}'s clients wait with {@code sleeper}. */
  public static BraintrustClient.Builder sleeper(
      BraintrustClient.Builder builder, Sleeper sleeper) {
    return builder.sleeper(sleeper);
  }

  /** Makes {@code builder}'s clients read time from {@code clock}. */
  public static BraintrustClient.Builder clock(BraintrustClient.Builder builder, Clock clock) {
    return builder.clock(clock);
  }
}
