package io.github.bt4j.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.ApiException;
import io.github.bt4j.testing.JsonDiff;
import io.github.bt4j.testsupport.SampleJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Every operation through the fluent API against a Prism mock server of the prepared spec (see
 * {@code scripts/prism.sh}). Prism checks each request against the spec and answers 422 or 400 with
 * the violation when it does not conform, which fails the test with Prism's message; its answers
 * (the spec's examples, or schema-shaped data Prism makes up) must parse into the generated models
 * and be written back without loss. Each operation runs twice: with Prism's static examples and
 * with random schema-valid data ({@code Prefer: dynamic=true}; the server's {@code --seed} makes it
 * the same on every run).
 *
 * <p>Runs only when {@code BT4J_PRISM_URL} is set, as an environment variable or a system property,
 * for example {@code http://127.0.0.1:4010}.
 */
@EnabledIf("prismConfigured")
class PrismContractTest {
  static final String URL_SETTING = "BT4J_PRISM_URL";

  /**
   * Operations Prism cannot check as the client calls them, each with the reason. An operation
   * listed here must still fail against Prism: if it passes, the entry is stale and the test says
   * so.
   */
  static final Map<String, String> ALLOWED_FAILURES =
      Map.of(
          "POST /v1/proxy/{path}",
          "Prism matches {path} to one path segment; the spec's {path+} (API Gateway style) takes"
              + " several, as the call sends (files/file-abc123/content), so Prism answers 404");

  private static final ThreadLocal<Answer> LAST_ANSWER = new ThreadLocal<>();
  private static final Map<String, AtomicInteger> PASSED = new ConcurrentHashMap<>();

  private static PreparedSpec spec;
  private static BraintrustClient client;

  /** The body and media type of the last answer, recorded before the client reads it. */
  private record Answer(int code, String mediaType, String body) {}

  static boolean prismConfigured() {
    if (prismUrl() == null) {
      System.out.println(
          "[prism] PrismContractTest SKIPPED: "
              + URL_SETTING
              + " is not set (start Prism with scripts/prism.sh start, then set "
              + URL_SETTING
              + "=http://127.0.0.1:4010)");
      return false;
    }
    return true;
  }

  private static String prismUrl() {
    String url = System.getProperty(URL_SETTING);
    if (url == null || url.isBlank()) {
      url = System.getenv(URL_SETTING);
    }
    return url == null || url.isBlank() ? null : url.strip();
  }

  @BeforeAll
  static void connect() {
    spec = PreparedSpec.load();
    OkHttpClient recording =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  String type = response.header("Content-Type");
                  LAST_ANSWER.set(
                      new Answer(
                          response.code(), type, response.peekBody(Long.MAX_VALUE).string()));
                  return response;
                })
            .build();
    client =
        BraintrustClient.builder()
            .apiKey("sk-prism-contract-test")
            .baseUrl(prismUrl())
            .okHttpClient(recording)
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void report() {
    if (client != null) {
      client.close();
    }
    PASSED.forEach(
        (mode, count) ->
            System.out.printf(
                "[prism] %s: %d of %d operations passed, %d allowed to fail%n",
                mode, count.get(), spec.operations().size(), ALLOWED_FAILURES.size()));
  }

  @TestFactory
  Stream<DynamicTest> staticExamples() {
    return spec.operations().stream()
        .map(op -> dynamicTest(op.displayName(), () -> check(op, false)));
  }

  @TestFactory
  Stream<DynamicTest> dynamicData() {
    return spec.operations().stream()
        .map(op -> dynamicTest(op.displayName(), () -> check(op, true)));
  }

  private static void check(SpecOperation op, boolean dynamic) throws IOException {
    String mode = dynamic ? "dynamic" : "static";
    String allowed = ALLOWED_FAILURES.get(op.displayName());
    FluentCall call =
        FluentCall.prepare(client, op, new SampleJson(spec, SampleJson.Variant.FIRST));
    RequestOptions options =
        dynamic
            ? RequestOptions.builder().header("Prefer", "dynamic=true").build()
            : RequestOptions.none();
    LAST_ANSWER.remove();
    Object result;
    try {
      result = call.invoke(options);
    } catch (ApiException e) {
      if (allowed != null) {
        System.out.println("[prism] allowed failure of " + op.displayName() + ": " + allowed);
        return;
      }
      throw new AssertionError(
          call.signature() + " [" + mode + "]: Prism rejected the call: " + e.getMessage(), e);
    }
    Answer answer = LAST_ANSWER.get();
    assertTrue(answer != null, "no answer recorded");
    List<String> losses =
        ResponseCheck.losses(
            answer.body(),
            answer.mediaType(),
            result,
            call.returnType(),
            JsonDiff.Tolerance.SAME_VALUE);
    if (!losses.isEmpty()) {
      if (allowed != null) {
        System.out.println("[prism] allowed failure of " + op.displayName() + ": " + allowed);
        return;
      }
      fail(
          call.signature()
              + " ["
              + mode
              + "]: the response lost data:\n  "
              + String.join("\n  ", losses)
              + "\n  Prism sent: "
              + ResponseCheck.abbreviate(answer.body()));
    }
    if (allowed != null) {
      fail(op.displayName() + " passes now: remove it from ALLOWED_FAILURES (" + allowed + ")");
    }
    PASSED.computeIfAbsent(mode, m -> new AtomicInteger()).incrementAndGet();
  }
}
