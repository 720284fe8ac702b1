package io.github.bt4j.internal.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * What a client and the clients derived from it with {@code withOptions} share: the OkHttp
 * dispatcher and connection pool, the rate-limit pause, and the threads that read pages ahead of
 * their parser ({@link ReadAhead}). Each client holds one share; the dispatcher's threads and the
 * pool's connections are released when the last share is released, and only if the library created
 * them (a caller's OkHttpClient stays the caller's); the page readers always.
 */
public final class ClientResources {
  private final OkHttpClient owned;
  private final RateLimitGate gate = new RateLimitGate();
  private final AtomicInteger shares = new AtomicInteger(1);
  // The page readers (cached: a walk reads one page at a time, so it keeps one thread from page to
  // page), made on the first page read ahead: most programs never fetch, and the pool's classes
  // cost
  // start-up time. Daemon threads, as the writer's: a program that never closes its client can
  // exit.
  private ExecutorService readers; // guarded by this

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

  /**
   * Gives one share back; the last one shuts the page readers down (a page being read is finished
   * first), and the dispatcher and pool, if ours.
   */
  void release() {
    if (shares.decrementAndGet() == 0) {
      synchronized (this) {
        if (readers != null) {
          readers.shutdown();
        }
      }
      if (owned != null) {
        owned.dispatcher().executorService().shutdown();
        owned.connectionPool().evictAll();
      }
    }
  }

  /**
   * The threads that read pages ahead of their parser.
   *
   * @throws RejectedExecutionException once every share was released (the clients are closed)
   */
  synchronized ExecutorService readers() {
    if (shares.get() == 0) {
      throw new RejectedExecutionException("the client is closed");
    }
    if (readers == null) {
      readers =
          Executors.newCachedThreadPool(
              task -> {
                Thread thread = new Thread(task, "bt4j-page-reader");
                thread.setDaemon(true);
                return thread;
              });
    }
    return readers;
  }

  /** The rate-limit pause every attempt of these clients honours. */
  RateLimitGate gate() {
    return gate;
  }
}
