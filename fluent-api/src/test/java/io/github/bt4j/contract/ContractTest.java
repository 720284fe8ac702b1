package io.github.bt4j.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.generated.GeneratedApis;
import io.github.bt4j.testing.JsonDiff;
import io.github.bt4j.testsupport.SampleJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract of the fluent API, driven by the prepared spec: every operation is called the way a
 * user would call it, with every optional query parameter set, against WireMock. Each call must
 * send the spec's method, path, query parameters and JSON body (equal to the sample sent), and a
 * response shaped like the spec's response schema must come back from the typed result without
 * loss. Every operation runs twice, once per {@link SampleJson.Variant}, so that both ends of every
 * union and enum are exercised.
 *
 * <p>Request bodies are built from the upstream spec's schemas as released, not the prepared ones
 * (see {@link UpstreamSchemas}), and every body the client sends is validated against them with a
 * JSON Schema validator: Prism skips the body check of about half the operations, and our prepared
 * schemas are looser than the server's.
 *
 * <p>The user's operations ({@code contract/user-operations.tsv}, taken from the spec the project
 * started from) are then named one by one: each must still be in the spec and must have passed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractTest {
  static final String USER_OPERATIONS = "/contract/user-operations.tsv";
  static final int USER_OPERATION_COUNT = 69;

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Operation ({@code METHOD path}) to the failure of its contract test, or "" if it passed. */
  private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

  /** Operations ({@code METHOD path}) whose sent request body was validated upstream. */
  private static final Set<String> VALIDATED = ConcurrentHashMap.newKeySet();

  private static PreparedSpec spec;
  private static BraintrustClient client;

  @BeforeAll
  static void connect() {
    spec = PreparedSpec.load();
    client =
        BraintrustClient.builder()
            .apiKey("sk-contract-test")
            .baseUrl(SERVER.baseUrl())
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void report() {
    client.close();
    long passed = OUTCOMES.values().stream().filter(String::isEmpty).count();
    System.out.printf(
        "[contract] WireMock: %d operations in the prepared spec, %d exercised, %d passed,"
            + " %d request bodies valid against the upstream schemas%n",
        spec.operations().size(), OUTCOMES.size(), passed, VALIDATED.size());
  }

  @Test
  @Order(0)
  void theRetrofitInterfaceHasOneMethodPerOperation() {
    assertEquals(spec.operations().size(), GeneratedApis.methods().size());
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> everyOperationThroughTheFluentApi() {
    return spec.operations().stream()
        .map(op -> dynamicTest(op.displayName(), () -> exerciseRecorded(op)));
  }

  @Test
  @Order(2)
  void theUserContractHas69Operations() {
    List<String[]> ops = userOperations();
    assertEquals(USER_OPERATION_COUNT, ops.size());
    Set<String> distinct = new TreeSet<>();
    for (String[] op : ops) {
      assertTrue(distinct.add(op[0] + " " + op[1]), "listed twice: " + op[0] + " " + op[1]);
    }
  }

  @TestFactory
  @Order(3)
  Stream<DynamicTest> everyUserOperationIsInTheSpecAndReachable() {
    return userOperations().stream()
        .map(
            o ->
                dynamicTest(
                    o[2] + " (" + o[0] + " " + o[1] + ")",
                    () -> {
                      SpecOperation op = spec.find(o[0], o[1]);
                      assertNotNull(op, o[0] + " " + o[1] + " is no longer in the prepared spec");
                      assertEquals(o[2], op.operationId(), "operationId of " + op.displayName());
                      FluentCall call =
                          FluentCall.prepare(
                              client, op, new SampleJson(spec, SampleJson.Variant.FIRST));
                      String outcome = OUTCOMES.get(op.displayName());
                      if (outcome == null) { // the contract test did not run: run it now
                        exerciseRecorded(op);
                        outcome = OUTCOMES.get(op.displayName());
                      }
                      assertEquals(
                          "", outcome, call.signature() + " failed its contract test: " + outcome);
                    }));
  }

  @Test
  @Order(4)
  void everyRequestBodySentWasValidatedAgainstTheUpstreamSchema() {
    List<String> withBody =
        spec.operations().stream()
            .filter(op -> op.requestSchema() != null)
            .map(SpecOperation::displayName)
            .toList();
    assertTrue(withBody.size() > 50, "operations with a request body: " + withBody.size());
    List<String> unchecked = withBody.stream().filter(op -> !VALIDATED.contains(op)).toList();
    assertEquals(List.of(), unchecked, "request bodies not validated");
  }

  static List<String[]> userOperations() {
    try {
      Path file = Path.of(ContractTest.class.getResource(USER_OPERATIONS).toURI());
      List<String[]> ops = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.split("\t");
          assertEquals(3, fields.length, "METHOD, path, operationId: " + line);
          ops.add(fields);
        }
      }
      return ops;
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void exerciseRecorded(SpecOperation op) {
    try {
      for (SampleJson.Variant variant : SampleJson.Variant.values()) {
        exercise(op, variant);
      }
      OUTCOMES.put(op.displayName(), "");
    } catch (AssertionError | RuntimeException e) {
      OUTCOMES.put(op.displayName(), String.valueOf(e.getMessage()));
      throw e;
    }
  }

  private static void exercise(SpecOperation op, SampleJson.Variant variant) {
    SampleJson samples = new SampleJson(spec, variant);
    FluentCall call = FluentCall.prepare(client, op, samples);
    String served = responseBody(op, samples);
    SERVER.resetAll();
    SERVER.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", op.responseMediaType())
                    .withBody(served)));

    Object result = call.invoke(RequestOptions.none());

    List<String> problems = new ArrayList<>();
    List<ServeEvent> events = SERVER.getAllServeEvents();
    if (events.size() != 1) {
      fail(call.signature() + " [" + variant + "] sent " + events.size() + " requests, not 1");
    }
    LoggedRequest request = events.get(0).getRequest();
    problems.addAll(requestProblems(call.expected(), request));
    List<String> upstream = upstreamSchemaProblems(op, request);
    problems.addAll(upstream);
    if (upstream.isEmpty() && !request.getBodyAsString().isEmpty()) {
      VALIDATED.add(op.displayName());
    }
    for (String loss :
        ResponseCheck.losses(
            served, op.responseMediaType(), result, call.returnType(), JsonDiff.Tolerance.STRICT)) {
      problems.add("response " + loss);
    }
    if (!problems.isEmpty()) {
      fail(call.signature() + " [" + variant + "]:\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * The request body the client sent, checked against the operation's schema in the upstream spec
   * as released (not the prepared one the samples come from): a body the server's own schema
   * refuses must fail here even when Prism, or our prepared spec, would let it through.
   */
  static List<String> upstreamSchemaProblems(SpecOperation op, LoggedRequest request) {
    String body = request.getBodyAsString();
    if (body.isEmpty()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (String violation : UpstreamSchemas.load().violations(op.operationId(), body)) {
      problems.add("request body against the upstream schema: " + violation);
    }
    return problems;
  }

  static String responseBody(SpecOperation op, SampleJson samples) {
    JsonElement body = samples.of(op.responseSchema(), "response");
    if (op.responseMediaType().contains("json")) {
      return body.toString();
    }
    return body.getAsString();
  }

  private static List<String> requestProblems(
      FluentCall.ExpectedRequest expected, LoggedRequest actual) {
    List<String> problems = new ArrayList<>();
    String url = actual.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    if (!expected.method().equals(actual.getMethod().getName())) {
      problems.add("method: expected " + expected.method() + " but was " + actual.getMethod());
    }
    if (!expected.path().equals(path)) {
      problems.add("path: expected " + expected.path() + " but was " + path);
    }
    Map<String, List<String>> query = parseQuery(q < 0 ? "" : url.substring(q + 1));
    if (!expected.query().equals(query)) {
      problems.add("query: expected " + expected.query() + " but was " + query);
    }
    String body = actual.getBodyAsString();
    if (expected.body() == null) {
      if (!body.isEmpty()) {
        problems.add("body: expected none but was " + ResponseCheck.abbreviate(body));
      }
    } else {
      String contentType = actual.getHeader("Content-Type");
      if (contentType == null || !contentType.startsWith("application/json")) {
        problems.add("Content-Type: expected application/json but was " + contentType);
      }
      JsonElement sent = body.isEmpty() ? null : JsonParser.parseString(body);
      if (sent == null) {
        problems.add(
            "body: expected "
                + ResponseCheck.abbreviate(expected.body().toString())
                + " but none was sent");
      } else {
        for (String d : JsonDiff.between(expected.body(), sent, JsonDiff.Tolerance.STRICT)) {
          problems.add("request body " + d);
        }
      }
    }
    return problems;
  }

  /** Decodes {@code a=1&b=x&b=y} into name to values, in order. */
  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }
}
