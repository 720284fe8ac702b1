package io.github.bt4j.pagination;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.TestHooks;
import io.github.bt4j.internal.http.ClientAccess;
import io.github.bt4j.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.ConnectionPool;

/** Clients and data shared by the paging tests. */
public final class PagingTestSupport {
  private PagingTestSupport() {}

  /**
   * A client of the WireMock server that records its retry waits instead of sleeping; its clock
   * moves by each wait, so a server's pause is over once waited for.
   */
  public static BraintrustClient client(WireMockRuntimeInfo wm, List<Duration> waits) {
    FakeTime time = new FakeTime();
    return TestHooks.time(
            BraintrustClient.builder().apiKey("sk-test").baseUrl(wm.getHttpBaseUrl()),
            time.sleeper(waits),
            time)
        .build();
  }

  /** A client of the WireMock server; retry waits are recorded and discarded. */
  public static BraintrustClient client(WireMockRuntimeInfo wm) {
    return client(wm, new CopyOnWriteArrayList<>());
  }

  /** The n-th test id, a UUID. */
  public static String id(int n) {
    return new UUID(0x1234, n).toString();
  }

  /**
   * Whether every connection of the client is back in the pool, idle, within about 10 seconds: a
   * fetch or query page left before its end is finished, and its connection released, by a reader
   * thread of the client, so this polls until then (a bounded number of 1 ms pauses; no clock
   * read).
   */
  public static boolean noConnectionInUse(BraintrustClient client) {
    ConnectionPool pool = ClientAccess.transportOf(client).http().connectionPool();
    for (int pauses = 0; pool.connectionCount() != pool.idleConnectionCount(); pauses++) {
      if (pauses == 10_000) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return true;
  }
}
