package io.github.bt4j.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.core.RawResponse;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.errors.ApiException;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.models.CreateDataset;
import io.github.bt4j.models.CreateExperiment;
import io.github.bt4j.models.CreateFunction;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.DatasetListParams;
import io.github.bt4j.models.ExperimentListParams;
import io.github.bt4j.models.ExperimentSummarizeParams;
import io.github.bt4j.models.FetchEventsRequest;
import io.github.bt4j.models.FunctionListParams;
import io.github.bt4j.models.InsertDatasetEventRequest;
import io.github.bt4j.models.InvokeFunction;
import io.github.bt4j.models.PatchFunction;
import io.github.bt4j.models.ProjectListParams;
import io.github.bt4j.proxy.ChatCompletionRequest;
import io.github.bt4j.streaming.ChatCompletionAccumulator;
import io.github.bt4j.streaming.ChatCompletionChunk;
import io.github.bt4j.streaming.ServerSentEventStream;
import io.github.bt4j.testing.JsonDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every exchange Braintrust's own SDK test suites recorded against the live API through the
 * public client, against a local server that answers the recorded bytes (see {@link RealData}). For
 * each exchange:
 *
 * <ul>
 *   <li>the call the recording made is made with the client (the recorded request body parsed into
 *       the operation's request model with {@link BraintrustJson}), and it does not throw unless
 *       the server answered an error;
 *   <li>the request reaches the server with the recorded method, path and query, and with every
 *       field of the recorded body (the client adds only the ids it gives inserted events);
 *   <li>the parsed answer, rendered back to JSON, is the recorded JSON: only the spelling of
 *       numbers and date-times and the order of keys may differ; a null stays a null;
 *   <li>the raw response carries the recorded headers ({@code x-bt-found-existing}, {@code
 *       x-bt-cursor}) and request id;
 *   <li>an error answer becomes the typed exception with the server's own message.
 * </ul>
 *
 * <p>Then every recorded fetch walk is replayed page by page through the fetch iterator, and every
 * recorded chat stream through the streaming call.
 */
class RealTrafficReplayTest {
  private static ReplayServer server;
  private static BraintrustClient client;

  @BeforeAll
  static void start() throws IOException {
    server = new ReplayServer();
    client =
        BraintrustClient.builder()
            .apiKey("sk-replay-not-a-real-key")
            .baseUrl(server.baseUrl())
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedExchange() {
    List<RealData.Exchange> all = RealData.exchanges();
    assertEquals(249, all.size(), "the manifest's exchanges");
    return all.stream().map(e -> DynamicTest.dynamicTest(describe(e), () -> replay(e)));
  }

  private static String describe(RealData.Exchange e) {
    return e.name() + ": " + e.method() + " " + e.pattern() + " -> " + e.status();
  }

  private static synchronized void replay(RealData.Exchange e) {
    if (e.pattern().equals("/v1/project/non-existent-project-id-12345")) {
      replayRefusedId(e);
      return;
    }
    server.answerWith(List.of(e));
    if (e.status() >= 400) {
      ApiException error = assertThrows(ApiException.class, () -> call(e));
      assertEquals(e.status(), error.statusCode());
      assertServerMessage(e, error);
      assertEquals(e.headers().get("x-amzn-requestid"), error.requestId());
      checkRequest(e, null);
      return;
    }
    Object result;
    try {
      result = call(e);
    } catch (RuntimeException thrown) {
      throw new AssertionError(e.name() + " threw " + thrown, thrown);
    }
    if (e.ext().equals("sse")) {
      checkChatStream(e, (List<?>) result);
      checkRequest(e, null);
      return;
    }
    RawResponse<?> raw = assertInstanceOf(RawResponse.class, result);
    assertEquals(e.status(), raw.statusCode());
    for (String header : List.of("x-bt-found-existing", "x-bt-cursor")) {
      assertEquals(e.headers().get(header), raw.header(header), header);
    }
    assertEquals(e.headers().get("x-amzn-requestid"), raw.requestId(), "request id");
    List<String> lost =
        JsonDiff.between(
            e.responseJson(),
            BraintrustJson.toJsonTree(raw.body()),
            JsonDiff.Tolerance.FORMAT_ONLY);
    assertTrue(lost.isEmpty(), () -> e.name() + ": the answer read back differs: " + lost);
    checkRequest(e, raw);
  }

  /**
   * The Go SDK asked for {@code GET /v1/project/non-existent-project-id-12345}: this client refuses
   * an id that is not a UUID before sending anything. The recorded answer's message is then checked
   * on the same call with a well-formed id.
   */
  private static void replayRefusedId(RealData.Exchange e) {
    server.answerWith(List.of(e));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.projects().get("non-existent-project-id-12345"));
    assertTrue(refused.getMessage().contains("projectId"), refused.getMessage());
    assertTrue(server.received().isEmpty(), "nothing is sent");
    ApiException error =
        assertThrows(
            ApiException.class,
            () -> client.projects().get("00000000-0000-4000-8000-000000000000"));
    assertEquals(400, error.statusCode());
    assertServerMessage(e, error);
  }

  /**
   * The server's own message is what the user sees: a JSON body's {@code Message}; for text, the
   * text itself, with a leading JSON issue list (the real 400s) turned into words, not left as
   * JSON.
   */
  private static void assertServerMessage(RealData.Exchange e, ApiException error) {
    String body = new String(e.responseBytes(), StandardCharsets.UTF_8).strip();
    String message = error.serverMessage();
    if (e.ext().equals("json")) {
      assertEquals(
          JsonParser.parseString(body).getAsJsonObject().get("Message").getAsString(), message);
      return;
    }
    String text = body.substring(body.lastIndexOf(']', body.indexOf(" [user_email")) + 1).strip();
    assertTrue(message.endsWith(text), () -> "the message keeps the server's text: " + message);
    assertFalse(message.startsWith("[") || message.startsWith("{"), message);
  }

  /** Makes the recorded call through the public client: a raw response, or the stream's chunks. */
  private static Object call(RealData.Exchange e) {
    String op = e.method() + " " + e.pattern();
    RequestOptions none = RequestOptions.none();
    switch (op) {
      case "POST /v1/project":
        return client.projects().withRawResponse().create(body(e, CreateProject.class), none);
      case "GET /v1/project":
        return client
            .projects()
            .withRawResponse()
            .list(
                list(e, ProjectListParams.class).params(),
                list(e, ProjectListParams.class).options());
      case "GET /v1/project/{id}":
        return client.projects().withRawResponse().get(uuid(e), none);
      case "DELETE /v1/project/{id}":
        return client.projects().withRawResponse().delete(uuid(e), none);
      case "POST /v1/dataset":
        return client.datasets().withRawResponse().create(body(e, CreateDataset.class), none);
      case "GET /v1/dataset":
        return client
            .datasets()
            .withRawResponse()
            .list(
                list(e, DatasetListParams.class).params(),
                list(e, DatasetListParams.class).options());
      case "DELETE /v1/dataset/{id}":
        return client.datasets().withRawResponse().delete(uuid(e), none);
      case "POST /v1/dataset/{id}/insert":
        return client
            .datasets()
            .withRawResponse()
            .insert(uuid(e), body(e, InsertDatasetEventRequest.class), none);
      case "POST /v1/dataset/{id}/fetch":
        return client
            .datasets()
            .withRawResponse()
            .fetchPost(uuid(e), body(e, FetchEventsRequest.class), none);
      case "POST /v1/experiment":
        return client.experiments().withRawResponse().create(body(e, CreateExperiment.class), none);
      case "GET /v1/experiment":
        return client
            .experiments()
            .withRawResponse()
            .list(
                list(e, ExperimentListParams.class).params(),
                list(e, ExperimentListParams.class).options());
      case "GET /v1/experiment/{id}":
        return client.experiments().withRawResponse().get(uuid(e), none);
      case "DELETE /v1/experiment/{id}":
        return client.experiments().withRawResponse().delete(uuid(e), none);
      case "GET /v1/experiment/{id}/summarize":
        return client
            .experiments()
            .withRawResponse()
            .summarize(
                uuid(e),
                list(e, ExperimentSummarizeParams.class).params(),
                list(e, ExperimentSummarizeParams.class).options());
      case "POST /v1/function":
        return client.functions().withRawResponse().create(body(e, CreateFunction.class), none);
      case "GET /v1/function":
        return client
            .functions()
            .withRawResponse()
            .list(
                list(e, FunctionListParams.class).params(),
                list(e, FunctionListParams.class).options());
      case "DELETE /v1/function/{id}":
        return client.functions().withRawResponse().delete(uuid(e), none);
      case "PATCH /v1/function/{id}":
        return client
            .functions()
            .withRawResponse()
            .update(uuid(e), body(e, PatchFunction.class), none);
      case "POST /v1/function/{id}/invoke":
        return client
            .functions()
            .withRawResponse()
            .invoke(uuid(e), body(e, InvokeFunction.class), none);
      case "POST /v1/chat/completions":
        return chatChunks(e);
      default:
        throw new AssertionError("no client call is mapped for " + op);
    }
  }

  private static <P> QueryParams<P> list(RealData.Exchange e, Class<P> paramsClass) {
    return QueryParams.parse(e.query(), paramsClass);
  }

  private static String uuid(RealData.Exchange e) {
    return e.objectId();
  }

  private static <T> T body(RealData.Exchange e, Class<T> type) {
    JsonElement json = e.requestJson();
    assertNotNull(json, e.name() + " has a recorded request body");
    return BraintrustJson.fromJson(json.toString(), type);
  }

  private static List<ChatCompletionChunk> chatChunks(RealData.Exchange e) {
    ChatCompletionRequest body =
        BraintrustJson.fromJson(e.requestJson().toString(), ChatCompletionRequest.class);
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (ServerSentEventStream<ChatCompletionChunk> stream =
        client.proxy().chatCompletionsStream(body)) {
      stream.forEach(chunks::add);
    }
    return chunks;
  }

  /**
   * The stream is intact: one chunk per recorded data event before {@code [DONE]}, in order, each
   * the recorded JSON; and the accumulated answer is the recorded deltas joined.
   */
  private static void checkChatStream(RealData.Exchange e, List<?> chunks) {
    List<JsonObject> events = new ArrayList<>();
    for (String line : new String(e.responseBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
        events.add(JsonParser.parseString(line.substring("data: ".length())).getAsJsonObject());
      }
    }
    assertEquals(events.size(), chunks.size(), e.name() + ": chunks");
    ChatCompletionAccumulator all = new ChatCompletionAccumulator();
    StringBuilder text = new StringBuilder();
    Map<Integer, StringBuilder> arguments = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      ChatCompletionChunk chunk = (ChatCompletionChunk) chunks.get(i);
      List<String> diff =
          JsonDiff.between(events.get(i), chunk.raw(), JsonDiff.Tolerance.FORMAT_ONLY);
      assertTrue(diff.isEmpty(), () -> e.name() + ": chunk differs: " + diff);
      all.accept(chunk);
      for (JsonElement choice : events.get(i).getAsJsonArray("choices")) {
        JsonObject delta = choice.getAsJsonObject().getAsJsonObject("delta");
        if (delta == null) {
          continue;
        }
        if (delta.has("content") && !delta.get("content").isJsonNull()) {
          text.append(delta.get("content").getAsString());
        }
        if (delta.has("tool_calls")) {
          for (JsonElement call : delta.getAsJsonArray("tool_calls")) {
            JsonObject c = call.getAsJsonObject();
            JsonObject function = c.getAsJsonObject("function");
            if (function != null && function.has("arguments")) {
              arguments
                  .computeIfAbsent(c.get("index").getAsInt(), k -> new StringBuilder())
                  .append(function.get("arguments").getAsString());
            }
          }
        }
      }
    }
    String content = all.result().content();
    assertEquals(text.toString(), content == null ? "" : content, "the answer's text");
    List<io.github.bt4j.streaming.ChatCompletionResult.ToolCall> calls =
        all.result().choices().isEmpty() ? List.of() : all.result().choices().get(0).toolCalls();
    assertEquals(arguments.size(), calls.size(), "tool calls");
    for (io.github.bt4j.streaming.ChatCompletionResult.ToolCall call : calls) {
      assertEquals(arguments.get(call.index()).toString(), call.arguments(), "tool call arguments");
    }
  }

  /**
   * The request reached the server as recorded: method, path (the proxy's for chat), query, and
   * every field of the recorded body.
   */
  private static void checkRequest(RealData.Exchange e, RawResponse<?> raw) {
    List<ReplayServer.Received> received = server.received();
    assertEquals(1, received.size(), e.name() + ": requests sent");
    ReplayServer.Received r = received.get(0);
    assertEquals(e.method(), r.method());
    String path =
        e.pattern().equals("/v1/chat/completions") ? "/v1/proxy/chat/completions" : e.path();
    assertEquals(path, r.path());
    assertEquals(queryPairs(e.query()), queryPairs(r.query()), "query");
    JsonElement recorded = e.requestJson();
    if (recorded == null) {
      return;
    }
    JsonElement sent = JsonParser.parseString(r.bodyText());
    List<String> diff =
        JsonDiff.between(recorded, sent, JsonDiff.Tolerance.FORMAT_ONLY).stream()
            .filter(d -> !isAddedEventId(e, d))
            .collect(Collectors.toList());
    assertTrue(diff.isEmpty(), () -> e.name() + ": the request body sent differs: " + diff);
  }

  /** Inserts give each event without an id one, so that a retry upserts rather than duplicates. */
  private static boolean isAddedEventId(RealData.Exchange e, String difference) {
    return e.pattern().endsWith("/insert") && difference.matches("/events/\\d+/id: added .*");
  }

  private static Set<String> queryPairs(String query) {
    if (query == null || query.isEmpty()) {
      return Set.of();
    }
    return new TreeSet<>(Arrays.asList(query.split("&")));
  }

  /**
   * Every recorded fetch walk, replayed through {@code queries().fetchDataset(..)}: the pages are
   * asked for with the recorded limit and cursors, and the rows come out as recorded, in order.
   */
  @TestFactory
  Stream<DynamicTest> everyRecordedFetchWalk() {
    Map<String, List<RealData.Exchange>> walks = new LinkedHashMap<>();
    for (RealData.Exchange e : RealData.exchanges()) {
      if (e.pattern().equals("/v1/dataset/{id}/fetch")) {
        walks.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
      }
    }
    assertEquals(10, walks.size(), "recorded walks");
    return walks.values().stream()
        .map(pages -> DynamicTest.dynamicTest(pages.get(0).shortGroup(), () -> replayWalk(pages)));
  }

  /** Whether a recorded page says no page follows: no cursor in its headers or body. */
  private static boolean endsWalk(RealData.Exchange page) {
    JsonElement cursor = page.responseJson().getAsJsonObject().get("cursor");
    return page.headers().get("x-bt-cursor") == null && (cursor == null || cursor.isJsonNull());
  }

  private static synchronized void replayWalk(List<RealData.Exchange> pages) {
    RealData.Exchange first = pages.get(0);
    int limit = first.requestJson().getAsJsonObject().get("limit").getAsInt();
    List<JsonElement> recordedRows = new ArrayList<>();
    for (RealData.Exchange page : pages) {
      page.responseJson().getAsJsonObject().getAsJsonArray("events").forEach(recordedRows::add);
    }
    server.answerWith(pages);
    List<JsonElement> rows = new ArrayList<>();
    Iterator<JsonObject> it =
        client.queries().fetchDataset(first.objectId()).tracesPerPage(limit).events().iterator();
    if (endsWalk(pages.get(pages.size() - 1))) {
      it.forEachRemaining(rows::add); // the walk must end where the recorded one did
    } else {
      // The recording stops where the SDK's test stopped reading: take exactly the recorded rows.
      while (rows.size() < recordedRows.size() && it.hasNext()) {
        rows.add(it.next());
      }
    }
    assertEquals(recordedRows, rows, "the rows, in order");
    List<ReplayServer.Received> sent = server.received();
    assertEquals(pages.size(), sent.size(), "pages asked for");
    for (int i = 0; i < pages.size(); i++) {
      assertEquals(
          pages.get(i).requestJson(), JsonParser.parseString(sent.get(i).bodyText()), "page " + i);
    }
    assertEquals(0, server.unused());
  }
}
