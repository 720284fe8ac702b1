package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static io.github.bt4j.TestClients.PROJECT_PATH;
import static io.github.bt4j.TestClients.respondInTurn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.internal.Sleeper;
import io.github.bt4j.logging.EventWriter;
import io.github.bt4j.logging.WriterOptions;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 429 pauses the whole client until the server's time: other threads, clients derived with
 * withOptions and the event writer's senders wait instead of each taking a 429 of their own. The
 * waits are held by a sleeper the test releases, and the clock stands still, so nothing depends on
 * timing.
 */
@WireMockTest
class RateLimitPauseTest {
  private static final long TIMEOUT_SECONDS = 30;
  private static final Clock FROZEN =
      Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** Records each wait and holds the waiting thread until {@link #release()}. */
  private static final class HeldSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> entered =
        List.of(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      waits.add(duration);
      int n = waits.size();
      if (n <= entered.size()) {
        entered.get(n - 1).complete(null);
      }
      if (!released.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the test never released the sleeper");
      }
    }

    /** Completes when the {@code n}-th wait (1-based) has begun. */
    CompletableFuture<Void> entered(int n) {
      return entered.get(n - 1);
    }

    void release() {
      released.countDown();
    }
  }

  private final HeldSleeper sleeper = new HeldSleeper();

  private BraintrustClient client(WireMockRuntimeInfo wm) {
    return TestClients.builder(wm).sleeper(sleeper).clock(FROZEN).build();
  }

  private static int getsOfProject() {
    return findAll(getRequestedFor(urlEqualTo(PROJECT_PATH))).size();
  }

  /** The first GET of the project is answered 429 with Retry-After: 1, later ones succeed. */
  private static void firstGetIsRateLimited() {
    respondInTurn(
        () -> get(PROJECT_PATH),
        aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("slow down"),
        okJson(TestClients.projectJson(PROJECT_ID)));
  }

  @Test
  void anotherCallOfADerivedClientWaitsForTheServersTimeInsteadOfTakingItsOwn429(
      WireMockRuntimeInfo wm) throws Exception {
    firstGetIsRateLimited();
    try (BraintrustClient client = client(wm);
        BraintrustClient derived = client.withOptions(b -> b.header("X-Team", "b"))) {
      CompletableFuture<Project> first =
          CompletableFuture.supplyAsync(() -> client.projects().get(PROJECT_ID));
      sleeper.entered(1).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals(1, getsOfProject());

      CompletableFuture<Project> second =
          CompletableFuture.supplyAsync(() -> derived.projects().get(PROJECT_ID));
      CompletableFuture.anyOf(second, sleeper.entered(2)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertFalse(second.isDone(), "the second call went out during the server's pause");
      assertEquals(1, getsOfProject(), "nothing is sent while the client is paused");
      assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeper.waits);

      sleeper.release();
      first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    assertEquals(3, getsOfProject());
  }

  @Test
  void theEventWritersSendersWaitForTheServersTimeToo(WireMockRuntimeInfo wm) throws Exception {
    firstGetIsRateLimited();
    String insertPath = "/v1/project_logs/" + PROJECT_ID + "/insert";
    stubFor(post(insertPath).willReturn(okJson("{\"row_ids\":[\"a\"]}")));
    WriterOptions options = WriterOptions.builder().flushOnShutdown(false).build();
    try (BraintrustClient client = client(wm);
        EventWriter<InsertProjectLogsEvent, ?> writer =
            EventWriter.projectLogs(client, PROJECT_ID, options)) {
      CompletableFuture<Project> first =
          CompletableFuture.supplyAsync(() -> client.projects().get(PROJECT_ID));
      sleeper.entered(1).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

      writer.log(new InsertProjectLogsEvent().input("q"));
      sleeper.entered(2).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals(0, findAll(postRequestedFor(urlEqualTo(insertPath))).size());
      assertEquals(Duration.ofSeconds(1), sleeper.waits.get(1));

      sleeper.release();
      first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertTrue(writer.flush(Duration.ofSeconds(TIMEOUT_SECONDS)));
    }
    assertEquals(1, findAll(postRequestedFor(urlEqualTo(insertPath))).size());
  }

  @Test
  void aWritersOwn429PausesTheClientsOtherCallsEvenWithoutRetryAfter(WireMockRuntimeInfo wm)
      throws Exception {
    String insertPath = "/v1/project_logs/" + PROJECT_ID + "/insert";
    respondInTurn(
        () -> post(insertPath),
        aResponse().withStatus(429).withBody("{\"error\":\"slow down\"}"),
        okJson("{\"row_ids\":[\"a\"]}"));
    stubFor(get(PROJECT_PATH).willReturn(okJson(TestClients.projectJson(PROJECT_ID))));
    WriterOptions options = WriterOptions.builder().flushOnShutdown(false).build();
    try (BraintrustClient client = client(wm);
        EventWriter<InsertProjectLogsEvent, ?> writer =
            EventWriter.projectLogs(client, PROJECT_ID, options)) {
      writer.log(new InsertProjectLogsEvent().input("q"));
      sleeper.entered(1).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals(1, findAll(postRequestedFor(urlEqualTo(insertPath))).size());

      CompletableFuture<Project> other =
          CompletableFuture.supplyAsync(() -> client.projects().get(PROJECT_ID));
      CompletableFuture.anyOf(other, sleeper.entered(2)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertFalse(other.isDone(), "the call went out while the writer's 429 paused the client");
      assertEquals(0, getsOfProject(), "nothing is sent while the client is paused");
      assertEquals(sleeper.waits.get(0), sleeper.waits.get(1), "both wait the writer's backoff");

      sleeper.release();
      other.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertTrue(writer.flush(Duration.ofSeconds(TIMEOUT_SECONDS)));
    }
    assertEquals(2, findAll(postRequestedFor(urlEqualTo(insertPath))).size());
    assertEquals(1, getsOfProject());
  }
}
