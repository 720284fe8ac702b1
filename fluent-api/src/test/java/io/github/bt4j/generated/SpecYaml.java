package io.github.bt4j.generated;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** A spec the guard tests read, held as plain YAML maps, with the look-ups they need. */
final class SpecYaml {
  private static SpecYaml prepared;
  private static SpecYaml bundled;

  private final Path file;
  private final Map<String, Object> root;

  private SpecYaml(Path file) {
    this.file = file;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      this.root = map(new Yaml(options).load(reader));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; build the spec module first", e);
    }
  }

  /** The spec the generator ran on: the bundled spec after {@code SpecPreparer}. */
  static synchronized SpecYaml prepared() {
    if (prepared == null) {
      prepared = new SpecYaml(repoRoot().resolve("spec/target/prepared/openapi.yaml"));
    }
    return prepared;
  }

  /** The official spec as bundled, before any of our rules. */
  static synchronized SpecYaml bundled() {
    if (bundled == null) {
      bundled = new SpecYaml(repoRoot().resolve("spec/src/main/openapi/openapi.yaml"));
    }
    return bundled;
  }

  static Path repoRoot() {
    String root = System.getProperty("bt4j.repoRoot");
    // Outside Maven (an IDE running the test in fluent-api/), the module's parent is the root.
    return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
  }

  Path file() {
    return file;
  }

  Map<String, Object> root() {
    return root;
  }

  Map<String, Object> paths() {
    return map(root.get("paths"));
  }

  Map<String, Object> schemas() {
    return map(map(root.get("components")).get("schemas"));
  }

  /**
   * The name a component schema of the bundled spec has here: the same, or the name the preparer
   * gave it (it marks a renamed schema {@code x-bt4j-renamed-from}).
   */
  String nameOf(String bundledName) {
    for (Map.Entry<String, Object> e : schemas().entrySet()) {
      if (bundledName.equals(map(e.getValue()).get("x-bt4j-renamed-from"))) {
        return e.getKey();
      }
    }
    return bundledName;
  }

  /** Follows {@code $ref}s to the schema they name; returns the node itself when it has none. */
  Map<String, Object> resolve(Map<String, Object> node) {
    Map<String, Object> current = node;
    for (int i = 0; current != null && refName(current) != null; i++) {
      if (i > 32) {
        throw new IllegalStateException("$ref cycle at " + node);
      }
      current = map(schemas().get(refName(current)));
    }
    return current;
  }

  /** The component name a {@code $ref} node points to, or null. */
  static String refName(Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (!(ref instanceof String)) {
      return null;
    }
    String s = (String) ref;
    if (!s.startsWith("#/components/schemas/")) {
      throw new IllegalArgumentException("unexpected reference " + s);
    }
    return s.substring("#/components/schemas/".length());
  }

  static boolean isUnion(Map<String, Object> schema) {
    return schema.get("oneOf") instanceof List || schema.get("anyOf") instanceof List;
  }

  static String unionKeyword(Map<String, Object> schema) {
    return schema.get("oneOf") instanceof List ? "oneOf" : "anyOf";
  }

  /** The branches of a {@code oneOf}/{@code anyOf}, or of an {@code allOf}, as maps. */
  static List<Map<String, Object>> members(Map<String, Object> schema, String keyword) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (schema.get(keyword) instanceof List) {
      for (Object o : (List<?>) schema.get(keyword)) {
        out.add(map(o));
      }
    }
    return out;
  }

  static List<Map<String, Object>> branches(Map<String, Object> union) {
    return members(union, unionKeyword(union));
  }

  static Map<String, Object> properties(Map<String, Object> schema) {
    Object props = schema.get("properties");
    return props instanceof Map ? map(props) : Map.of();
  }

  static Set<String> required(Map<String, Object> schema) {
    Set<String> out = new LinkedHashSet<>();
    if (schema.get("required") instanceof List) {
      for (Object o : (List<?>) schema.get("required")) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }
}
