package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static io.github.bt4j.TestClients.PROJECT_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.errors.UnexpectedResponseException;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The {@code xxxAsync} forms: values, the same typed failures, and cancellation. */
@WireMockTest
class AsyncTest {
  private static final String ID = PROJECT_ID;

  @Test
  void completesWithTheValue(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post("/v1/project").willReturn(okJson(TestClients.projectJson(PROJECT_ID))));
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      Project p =
          client.async().projects().create(new CreateProject().name("p")).get(10, TimeUnit.SECONDS);
      assertEquals(ID, p.getId());
    }
  }

  @Test
  void apiErrorCompletesExceptionallyWithTheTypedException(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(aResponse().withStatus(404).withBody("gone")));
    try (BraintrustClient client = TestClients.builder(wm).build()) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> client.async().projects().get(ID).get());
      NotFoundException cause = assertInstanceOf(NotFoundException.class, e.getCause());
      assertEquals("gone", cause.serverMessage());
    }
  }

  @Test
  void serverErrorIsRetriedThenFailsTyped(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(aResponse().withStatus(500)));
    RecordingSleeper sleeper = new RecordingSleeper();
    try (BraintrustClient client = TestClients.builder(wm).sleeper(sleeper).build()) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> client.async().projects().get(ID).get());
      assertInstanceOf(InternalServerException.class, e.getCause());
    }
    assertEquals(2, sleeper.waits().size());
  }

  @Test
  void transportFailureCompletesWithConnectionException(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> client.async().projects().get(ID).get());
      assertInstanceOf(ConnectionException.class, e.getCause());
    }
  }

  @Test
  void unreadableBodyCompletesWithUnexpectedResponse(WireMockRuntimeInfo wm) {
    stubFor(get(PROJECT_PATH).willReturn(okJson("{\"id\": ")));
    try (BraintrustClient client = TestClients.noRetries(wm)) {
      CompletableFuture<Project> future = client.async().projects().get(ID);
      assertFailsWith(UnexpectedResponseException.class, future);
    }
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall(WireMockRuntimeInfo wm) throws Exception {
    // The server would answer only after the test has ended: the call can end in time only by
    // being cancelled.
    stubFor(
        get(PROJECT_PATH)
            .willReturn(okJson(TestClients.projectJson(PROJECT_ID)).withFixedDelay(60_000)));
    CountDownLatch sent = new CountDownLatch(1);
    CountDownLatch failed = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void requestHeadersEnd(Call call, Request request) {
                    sent.countDown();
                  }

                  @Override
                  public void callFailed(Call call, IOException e) {
                    failed.countDown();
                  }

                  @Override
                  public void callEnd(Call call) {
                    ended.countDown();
                  }
                })
            .build();
    try (BraintrustClient client = TestClients.builder(wm).okHttpClient(http).build()) {
      CompletableFuture<Project> future = client.async().projects().get(ID);
      assertTrue(sent.await(5, TimeUnit.SECONDS), "the request reached the server");

      assertTrue(future.cancel(true));

      assertTrue(future.isCancelled());
      assertThrows(CancellationException.class, future::join);
      assertTrue(failed.await(30, TimeUnit.SECONDS), "the HTTP call was cancelled");
      assertEquals(1, ended.getCount(), "the HTTP call did not complete");
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void assertFailsWith(
      Class<? extends Throwable> type, CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    assertInstanceOf(type, e.getCause());
  }
}
