package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecFixtures.assertChange;
import static io.github.bt4j.spec.SpecFixtures.changesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.spec.ChangeReport.Change;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The report between the two real releases in {@code shared/upstream-spec} (2025-11-18 and
 * 2026-07-01): its figures must equal those computed here from the raw YAML with the simplest code
 * that can compute them, without any of the spec tool's classes.
 */
class RealSpecDiffTest {
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static Path oldFile;
  private static Path newFile;
  private static Map<String, Object> oldYaml;
  private static Map<String, Object> newYaml;
  private static ChangeReport report;

  @BeforeAll
  static void readBothReleases() throws IOException {
    String repoRoot = System.getProperty("bt4j.repoRoot");
    assertNotNull(repoRoot, "system property bt4j.repoRoot is not set (surefire sets it)");
    Path dir = Path.of(repoRoot, "..", "shared", "upstream-spec").normalize();
    oldFile = dir.resolve("openapi-2025-11-18.yaml");
    newFile = dir.resolve("openapi.yaml");
    assertTrue(
        Files.isRegularFile(oldFile) && Files.isRegularFile(newFile),
        "the real spec pair is missing: expected "
            + oldFile
            + " and "
            + newFile
            + " (shared/upstream-spec beside the repository)");
    oldYaml = load(oldFile);
    newYaml = load(newFile);
    report = SpecDiff.compare(SpecDocument.read(oldFile), SpecDocument.read(newFile));
  }

  @Test
  void operationFiguresMatchASimpleCount() {
    Set<String> before = operationKeys(oldYaml);
    Set<String> after = operationKeys(newYaml);
    Set<String> added = new HashSet<>(after);
    added.removeAll(before);
    Set<String> removed = new HashSet<>(before);
    removed.removeAll(after);
    int changed = 0;
    for (String key : after) {
      if (before.contains(key) && !fingerprint(oldYaml, key).equals(fingerprint(newYaml, key))) {
        changed++;
      }
    }
    assertEquals(added.size(), report.operationsAdded().size(), "operations added");
    assertEquals(removed.size(), report.operationsRemoved().size(), "operations removed");
    assertEquals(changed, report.operationsChanged().size(), "operations changed");
    assertEquals(29, added.size(), "the releases themselves changed");
  }

  @Test
  void modelFiguresMatchASimpleCount() {
    Set<String> before = schemaNames(oldYaml);
    Set<String> after = schemaNames(newYaml);
    Set<String> added = new HashSet<>(after);
    added.removeAll(before);
    Set<String> removed = new HashSet<>(before);
    removed.removeAll(after);
    assertEquals(added.size(), report.modelsAdded().size(), "models added");
    assertEquals(removed.size(), report.modelsRemoved().size(), "models removed");
  }

  @Test
  void knownChangesAreReported() {
    assertTrue(
        report.operationsRemoved().contains(new Change("POST /v1/api_key", "postApiKey", true)));
    assertTrue(report.operationsAdded().contains(new Change("GET /v1/agent", "getAgent", false)));
    assertTrue(report.modelsRemoved().contains(new Change("CreateApiKeyOutput", "", true)));
    assertTrue(report.modelsAdded().contains(new Change("Agent", "", false)));
    assertChange(
        changesOf(report.operationsChanged(), "GET /v1/function"),
        "query parameter environment",
        "added, optional",
        false);
    assertChange(
        changesOf(report.operationsChanged(), "GET /v1/experiment"),
        "query parameter limit",
        "type AppLimitParam -> AppLimitWithDefaultParam (both integer)",
        false);
    assertChange(
        changesOf(report.modelsChanged(), "CreateProject"),
        "property description",
        "added, optional",
        false);
    // Dataset is only ever received, so a new required property cannot break a client
    assertChange(
        changesOf(report.modelsChanged(), "Dataset"),
        "property url_slug",
        "added, required",
        false);
  }

  @Test
  void viewTypeLostAgentsAndForReview() {
    List<Change> changes = changesOf(report.modelsChanged(), "ViewType");
    assertChange(changes, "schema", "enum values removed: agents, for_review", true);
    assertChange(
        changes,
        "schema",
        "enum values added: parameters, classifiers, for_review_project_log,"
            + " for_review_experiments, for_review_datasets",
        false);
  }

  @Test
  void enumChangesOfModelsMatchASimpleCount() {
    Map<String, Object> before = at(at(oldYaml, "components"), "schemas");
    Map<String, Object> after = at(at(newYaml, "components"), "schemas");
    int compared = 0;
    for (String name : before.keySet()) {
      List<?> oldValues = enumOf(before.get(name));
      List<?> newValues = enumOf(after.get(name));
      if (oldValues == null || newValues == null) {
        continue;
      }
      compared++;
      List<String> removed = textOf(oldValues);
      removed.removeAll(textOf(newValues));
      List<String> added = textOf(newValues);
      added.removeAll(textOf(oldValues));
      List<Change> expected = new ArrayList<>();
      if (!added.isEmpty()) {
        expected.add(new Change("schema", "enum values added: " + String.join(", ", added), false));
      }
      if (!removed.isEmpty()) {
        expected.add(
            new Change("schema", "enum values removed: " + String.join(", ", removed), true));
      }
      List<Change> reported =
          report.modelsChanged().stream()
              .filter(item -> item.name().equals(name))
              .flatMap(item -> item.changes().stream())
              .filter(c -> c.subject().equals("schema") && c.detail().startsWith("enum"))
              .toList();
      assertEquals(expected, reported, name);
    }
    assertTrue(compared > 10, "enum models compared: " + compared);
  }

  private static List<?> enumOf(Object schema) {
    Map<String, Object> map = asMap(schema);
    return map != null && map.get("enum") instanceof List<?> values ? values : null;
  }

  private static List<String> textOf(List<?> values) {
    List<String> text = new ArrayList<>();
    values.forEach(v -> text.add(String.valueOf(v)));
    return text;
  }

  @Test
  void theReverseReportSwapsAdditionsAndRemovals() throws IOException {
    ChangeReport reverse = SpecDiff.compare(SpecDocument.read(newFile), SpecDocument.read(oldFile));
    assertEquals(report.operationsAdded().size(), reverse.operationsRemoved().size());
    assertEquals(report.operationsRemoved().size(), reverse.operationsAdded().size());
    assertEquals(report.operationsChanged().size(), reverse.operationsChanged().size());
    assertEquals(report.modelsAdded().size(), reverse.modelsRemoved().size());
    assertEquals(report.modelsChanged().size(), reverse.modelsChanged().size());
  }

  @Test
  void theReportIsDeterministic() throws IOException {
    ChangeReport again = SpecDiff.compare(SpecDocument.read(oldFile), SpecDocument.read(newFile));
    assertEquals(
        ChangeReportPrinter.print(report, "old", "new"),
        ChangeReportPrinter.print(again, "old", "new"));
  }

  // ---- the simple, independent computation ---------------------------------------------------

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return (Map<String, Object>) new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object node) {
    return node instanceof Map ? (Map<String, Object>) node : null;
  }

  private static Map<String, Object> at(Object node, String key) {
    Map<String, Object> map = asMap(node);
    return map == null ? null : asMap(map.get(key));
  }

  private static Set<String> operationKeys(Map<String, Object> spec) {
    Set<String> keys = new HashSet<>();
    at(spec, "paths")
        .forEach(
            (path, item) -> {
              for (String method : METHODS) {
                if (at(item, method) != null) {
                  keys.add(method.toUpperCase() + " " + path);
                }
              }
            });
    return keys;
  }

  private static Set<String> schemaNames(Map<String, Object> spec) {
    return at(at(spec, "components"), "schemas").keySet();
  }

  /**
   * What the report compares of one operation, as plain data: operationId, parameters by location
   * and name (required, schema), request body (required, content), response codes and the 200
   * response's content, all without descriptions.
   */
  private static List<Object> fingerprint(Map<String, Object> spec, String key) {
    String method = key.substring(0, key.indexOf(' ')).toLowerCase();
    Map<String, Object> item = at(at(spec, "paths"), key.substring(key.indexOf(' ') + 1));
    Map<String, Object> op = at(item, method);
    Map<String, Object> parameters = new HashMap<>();
    for (Object list : new Object[] {item.get("parameters"), op.get("parameters")}) {
      for (Object p : list == null ? List.of() : (List<?>) list) {
        Map<String, Object> param = resolve(spec, p);
        boolean required =
            Boolean.TRUE.equals(param.get("required")) || "path".equals(param.get("in"));
        parameters.put(
            param.get("in") + " " + param.get("name"),
            List.of(required, strip(param.get("schema"))));
      }
    }
    Map<String, Object> body = resolve(spec, op.get("requestBody"));
    Map<String, Object> responses = at(op, "responses");
    Map<String, Object> ok = resolve(spec, responses.get("200"));
    List<Object> fingerprint = new ArrayList<>();
    fingerprint.add(op.get("operationId"));
    fingerprint.add(parameters);
    fingerprint.add(
        body == null
            ? "none"
            : List.of(Objects.toString(body.get("required")), strip(body.get("content"))));
    fingerprint.add(new HashSet<>(responses.keySet()));
    fingerprint.add(ok == null ? "none" : strip(ok.get("content")));
    return fingerprint;
  }

  private static Map<String, Object> resolve(Map<String, Object> spec, Object node) {
    Map<String, Object> current = asMap(node);
    while (current != null && current.get("$ref") instanceof String ref) {
      Object target = spec;
      for (String part : ref.substring(2).split("/")) {
        target = at(target, part);
      }
      current = asMap(target);
    }
    return current;
  }

  /** A copy of a YAML node without its documentation. */
  private static Object strip(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!Set.of("description", "title", "example", "examples").contains(k)) {
              copy.put(k, strip(v));
            }
          });
      return copy;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(RealSpecDiffTest::strip).toList();
    }
    return node;
  }
}
