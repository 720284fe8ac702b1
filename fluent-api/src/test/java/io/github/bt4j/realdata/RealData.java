package io.github.bt4j.realdata;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP exchanges Braintrust's own SDK test suites recorded against the live API, read in place
 * from {@code shared/realdata} beside the repository (its {@code SOURCES.md} describes them).
 */
final class RealData {
  private RealData() {}

  /** One recorded exchange; a duplicate of an earlier one shares that one's bodies. */
  record Exchange(
      String id,
      String dupOf,
      String group,
      int index,
      String method,
      String host,
      String path,
      String pattern,
      String query,
      int status,
      Map<String, String> headers,
      String ext,
      Path responseFile,
      Path requestFile) {

    /** The exchange's name in test output: its id, or the id it duplicates. */
    String name() {
      return id != null ? id : dupOf + " (again, " + shortGroup() + ")";
    }

    String shortGroup() {
      return group.substring(group.lastIndexOf('/') + 1).replace(".yaml", "");
    }

    byte[] responseBytes() {
      return read(responseFile);
    }

    /** The response body as JSON; null for a text or event-stream body. */
    JsonElement responseJson() {
      return ext.equals("json") ? parse(responseFile) : null;
    }

    /** The request body the SDK sent, or null if it sent none. */
    JsonElement requestJson() {
      return requestFile == null ? null : parse(requestFile);
    }

    /** The path segment after the collection: the object id of {@code /v1/<kind>/{id}/...}. */
    String objectId() {
      return path.split("/")[3];
    }
  }

  static Path directory() {
    String repoRoot = System.getProperty("bt4j.repoRoot");
    assertNotNull(repoRoot, "system property bt4j.repoRoot is not set (surefire sets it)");
    Path dir = Path.of(repoRoot, "..", "shared", "realdata").normalize();
    assertTrue(
        Files.isRegularFile(dir.resolve("manifest.jsonl")),
        "the recorded traffic is missing: expected " + dir + "/manifest.jsonl");
    return dir;
  }

  /** Every exchange of the manifest, in its order. */
  static List<Exchange> exchanges() {
    Path dir = directory();
    List<Exchange> all = new ArrayList<>();
    Map<String, Exchange> byId = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("manifest.jsonl"))) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject m = JsonParser.parseString(line).getAsJsonObject();
        String id = text(m, "id");
        String dupOf = text(m, "dup_of");
        Exchange original = dupOf == null ? null : byId.get(dupOf);
        Path resp = file(dir, m, "resp_file", original == null ? null : original.responseFile());
        Path req = file(dir, m, "req_file", original == null ? null : original.requestFile());
        Map<String, String> headers = new LinkedHashMap<>();
        m.getAsJsonObject("headers")
            .entrySet()
            .forEach(e -> headers.put(e.getKey(), e.getValue().getAsString()));
        Exchange e =
            new Exchange(
                id,
                dupOf,
                text(m, "group"),
                m.get("index").getAsInt(),
                text(m, "method"),
                text(m, "host"),
                text(m, "path"),
                text(m, "pattern"),
                text(m, "query"),
                m.get("status").getAsInt(),
                headers,
                text(m, "ext"),
                resp,
                req);
        all.add(e);
        if (id != null) {
          byId.put(id, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private static Path file(Path dir, JsonObject m, String key, Path inherited) {
    String name = text(m, key);
    return name != null ? dir.resolve(name) : inherited;
  }

  private static String text(JsonObject m, String key) {
    JsonElement v = m.get(key);
    return v == null || v.isJsonNull() ? null : v.getAsString();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonElement parse(Path file) {
    return JsonParser.parseString(new String(read(file), StandardCharsets.UTF_8));
  }
}
