package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.bt4j.errors.ApiException;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.PatchProject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error answer the real API gave in {@code shared/realdata} (read in place through its
 * manifest), served byte for byte with its status and headers to a call with the recorded method:
 * the exception must carry the server's message, not the whole body, plus its code, the body and
 * the request id.
 */
class RecordedErrorsTest {
  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance()
          .options(WireMockConfiguration.wireMockConfig().dynamicPort())
          .build();

  private static final Pattern MESSAGE_FIELD =
      Pattern.compile("\"(?:message|msg)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TAG = Pattern.compile("\\[[a-z_]+=[^\\]]*\\]");

  /** One recorded exchange that the server answered with an error. */
  record Recorded(String id, String method, int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedErrorGivesTheServersMessage() throws IOException {
    List<Recorded> errors = recordedErrors();
    // 400 text/plain (a zod issue list, a sentence) and a 403 {"Code","Message"}: all must be found
    assertTrue(errors.size() >= 3, "recorded errors found: " + errors.size());
    assertTrue(errors.stream().anyMatch(e -> e.status() == 403));
    assertTrue(errors.stream().anyMatch(e -> e.status() == 400));
    return errors.stream().map(e -> dynamicTest(e.id(), replay(e)));
  }

  private static Executable replay(Recorded recorded) {
    return () -> {
      ResponseDefinitionBuilder answer =
          aResponse().withStatus(recorded.status()).withBody(recorded.body());
      recorded.headers().forEach(answer::withHeader);
      SERVER.resetAll();
      SERVER.stubFor(any(anyUrl()).willReturn(answer));
      try (BraintrustClient client =
          BraintrustClient.builder()
              .apiKey("sk-recorded-errors")
              .baseUrl(SERVER.baseUrl())
              .maxRetries(0)
              .build()) {
        ApiException e = assertThrows(ApiException.class, () -> call(client, recorded.method()));
        assertEquals(
            recorded.method(),
            SERVER.getAllServeEvents().get(0).getRequest().getMethod().getName());
        assertEquals(recorded.status(), e.statusCode());
        assertEquals(recorded.headers().get("x-amzn-requestid"), e.requestId());
        assertEquals(recorded.text(), e.responseBody());
        assertServersMessage(recorded.text(), e);
      }
    };
  }

  /**
   * The message is one of the server's own strings: for a JSON body, one of its string values (and
   * the code another); for text holding JSON, every message field of it and every {@code
   * [key=value]} tag, with no JSON left; for other text, the text.
   */
  private static void assertServersMessage(String body, ApiException e) {
    String message = e.serverMessage();
    JsonElement json = strictJson(body);
    if (json != null) {
      Set<String> strings = new HashSet<>();
      collectStrings(json, strings);
      assertNotEquals(body.strip(), message, "the whole JSON body became the message");
      assertTrue(strings.contains(message), "not one of the body's strings: " + message);
      if (json.isJsonObject()) {
        assertEquals(topLevelCode(json.getAsJsonObject()), e.errorCode(), "code");
      }
      return;
    }
    Matcher fields = MESSAGE_FIELD.matcher(body);
    boolean embeddedJson = false;
    while (fields.find()) {
      embeddedJson = true;
      assertTrue(message.contains(fields.group(1)), fields.group(1) + " missing from " + message);
    }
    if (!embeddedJson) {
      assertEquals(body.strip(), message);
      return;
    }
    assertFalse(message.contains("{") || message.contains("\""), "JSON left in " + message);
    Matcher tags = TAG.matcher(body);
    while (tags.find()) {
      assertTrue(message.contains(tags.group()), tags.group() + " missing from " + message);
    }
  }

  private static String topLevelCode(JsonObject body) {
    for (Map.Entry<String, JsonElement> member : body.entrySet()) {
      if (member.getKey().equalsIgnoreCase("code") && member.getValue().isJsonPrimitive()) {
        return member.getValue().getAsString();
      }
    }
    return null;
  }

  private static void collectStrings(JsonElement json, Set<String> into) {
    if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
      into.add(json.getAsString());
    } else if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(item -> collectStrings(item, into));
    } else if (json.isJsonObject()) {
      json.getAsJsonObject().entrySet().forEach(m -> collectStrings(m.getValue(), into));
    }
  }

  private static JsonElement strictJson(String body) {
    try {
      JsonReader reader = new JsonReader(new StringReader(body));
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = JsonParser.parseReader(reader);
      return reader.peek() == JsonToken.END_DOCUMENT ? element : null;
    } catch (RuntimeException | IOException notJson) {
      return null;
    }
  }

  /** A call with {@code method}; the server answers every call with the recorded error. */
  private static void call(BraintrustClient client, String method) {
    switch (method) {
      case "GET" -> client.projects().get(TestClients.PROJECT_ID);
      case "DELETE" -> client.projects().delete(TestClients.PROJECT_ID);
      case "POST" -> client.projects().create(new CreateProject().name("recorded"));
      case "PATCH" -> client.projects().update(TestClients.PROJECT_ID, new PatchProject());
      default -> fail("no call with method " + method + " to replay a recorded error through");
    }
  }

  static List<Recorded> recordedErrors() throws IOException {
    String repoRoot = System.getProperty("bt4j.repoRoot");
    assertNotNull(repoRoot, "system property bt4j.repoRoot is not set (surefire sets it)");
    Path dir = Path.of(repoRoot, "..", "shared", "realdata").normalize();
    Path manifest = dir.resolve("manifest.jsonl");
    assertTrue(Files.isRegularFile(manifest), "the recorded traffic is missing: " + manifest);
    List<Recorded> errors = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject exchange = JsonParser.parseString(line).getAsJsonObject();
      int status = exchange.get("status").getAsInt();
      if (status < 400) {
        continue;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getAsJsonObject("headers")
          .entrySet()
          .forEach(h -> headers.put(h.getKey(), h.getValue().getAsString()));
      byte[] body = Files.readAllBytes(dir.resolve(exchange.get("resp_file").getAsString()));
      errors.add(
          new Recorded(
              exchange.get("id").getAsString(),
              exchange.get("method").getAsString(),
              status,
              headers,
              body));
    }
    return errors;
  }
}
