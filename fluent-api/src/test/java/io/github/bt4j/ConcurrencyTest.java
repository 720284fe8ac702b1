package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.models.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One client shared by many threads gives every caller its own, unmixed answer. */
@WireMockTest
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 50;

  @Test
  void oneClientServesEightThreadsAtOnce(WireMockRuntimeInfo wm) throws Exception {
    // Echo the requested id (and a header the caller chose) so that a mixed-up answer shows.
    stubFor(
        get(urlPathMatching("/v1/project/[0-9a-f-]+"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"{{request.pathSegments.[2]}}\",\"org_id\":\""
                            + TestClients.ORG_ID
                            + "\",\"name\":\"{{request.headers.X-Caller}}\"}")
                    .withTransformers("response-template")));
    Queue<String> mismatches = new ConcurrentLinkedQueue<>();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String caller = "thread-" + t;
        done.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  RequestOptions options =
                      RequestOptions.builder().header("X-Caller", caller).build();
                  int calls = 0;
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    String id = UUID.randomUUID().toString();
                    Project p = client.projects().get(id, options);
                    if (!id.equals(p.getId()) || !caller.equals(p.getName())) {
                      mismatches.add(
                          caller + " asked " + id + " got " + p.getId() + "/" + p.getName());
                    }
                    calls++;
                  }
                  return calls;
                }));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(THREADS * CALLS_PER_THREAD, total);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), List.copyOf(mismatches));
    verify(THREADS * CALLS_PER_THREAD, anyRequestedFor(anyUrl()));
  }
}
