package io.github.bt4j.internal.http;

import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * What a client and the clients derived from it with {@code withOptions} share: the OkHttp
 * dispatcher and connection pool, and the rate-limit pause. Each client holds one share; the
 * dispatcher's threads and the pool's connections are released when the last share is released, and
 * only if the library created them (a caller's OkHttpClient stays the caller's).
 */
public final class ClientResources {
  private final OkHttpClient owned;
  private final RateLimitGate gate = new RateLimitGate();
  private final AtomicInteger shares = new AtomicInteger(1);

  /**
   * The resources of a new client, with its first share.
   *
   * @param owned the OkHttpClient whose dispatcher and pool the clients use, if the library created
   *     it and so may shut it down; null for a caller's
   */
  public ClientResources(OkHttpClient owned) {
    this.owned = owned;
  }

  /**
   * Takes one more share, for a derived client.
   *
   * @return these resources
   * @throws IllegalStateException if every share was released already (the clients are closed)
   */
  public ClientResources share() {
    int before = shares.getAndUpdate(n -> n == 0 ? 0 : n + 1);
    if (before == 0) {
      throw new IllegalStateException("the client is closed; derive from an open client");
    }
    return this;
  }

  /** Gives one share back; the last one shuts the dispatcher and pool down, if ours. */
  void release() {
    if (shares.decrementAndGet() == 0 && owned != null) {
      owned.dispatcher().executorService().shutdown();
      owned.connectionPool().evictAll();
    }
  }

  /** The rate-limit pause every attempt of these clients honours. */
  RateLimitGate gate() {
    return gate;
  }
}
