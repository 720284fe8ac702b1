package io.github.bt4j.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** An OpenAPI document held as plain YAML maps and lists, with the look-ups the spec tool needs. */
public final class SpecDocument {
  /** The HTTP methods an OpenAPI path item may hold, in the order reports list them. */
  public static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final Map<String, Object> root;

  private SpecDocument(Map<String, Object> root) {
    this.root = root;
  }

  /** Reads a YAML or JSON OpenAPI document. */
  public static SpecDocument read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    }
  }

  /** Parses a YAML or JSON OpenAPI document held in a string. */
  public static SpecDocument parse(String yaml) throws IOException {
    return parse(new StringReader(yaml), "the given text");
  }

  private static SpecDocument parse(Reader reader, String source) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setMaxAliasesForCollections(1000);
    Object loaded = new Yaml(options).load(reader);
    if (!(loaded instanceof Map)) {
      throw new IOException(source + " is not an OpenAPI document: its top level is not a map");
    }
    return new SpecDocument(map(loaded));
  }

  /** Writes this document as YAML. */
  public void write(Path file) throws IOException {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(120);
    options.setSplitLines(false);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new Yaml(options).dump(root, writer);
    }
  }

  /** The whole document. */
  public Map<String, Object> root() {
    return root;
  }

  /** The {@code paths} map, created if absent. */
  public Map<String, Object> paths() {
    return child(root, "paths");
  }

  /** The {@code components.schemas} map, created if absent. */
  public Map<String, Object> schemas() {
    return child(child(root, "components"), "schemas");
  }

  /** The {@code components.parameters} map, created if absent. */
  public Map<String, Object> componentParameters() {
    return child(child(root, "components"), "parameters");
  }

  /** Every operation of the document, in document order. */
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, Object> path : paths().entrySet()) {
      Map<String, Object> item = map(path.getValue());
      for (String method : HTTP_METHODS) {
        if (item.get(method) instanceof Map) {
          operations.add(new Operation(path.getKey(), method, map(item.get(method)), item));
        }
      }
    }
    return operations;
  }

  /** Follows a local {@code $ref} (to any depth) and returns the node it points to. */
  public Map<String, Object> resolve(Map<String, Object> node) {
    Map<String, Object> current = node;
    for (int depth = 0; current != null && current.get("$ref") instanceof String; depth++) {
      if (depth > 32) {
        throw new IllegalStateException("$ref cycle at " + node.get("$ref"));
      }
      current = lookUp((String) current.get("$ref"));
    }
    return current;
  }

  /** Returns the node a local reference such as {@code #/components/schemas/Project} names. */
  public Map<String, Object> lookUp(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local references are supported: " + ref);
    }
    Object node = root;
    for (String part : ref.substring(2).split("/")) {
      String key = part.replace("~1", "/").replace("~0", "~");
      node = node instanceof Map ? ((Map<?, ?>) node).get(key) : null;
    }
    return node instanceof Map ? map(node) : null;
  }

  /** The parameters of an operation, with path-level parameters first and references resolved. */
  public List<Map<String, Object>> parameters(Operation operation) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Object list :
        new Object[] {operation.pathItem().get("parameters"), operation.body().get("parameters")}) {
      if (list instanceof List) {
        for (Object p : (List<?>) list) {
          Map<String, Object> param = resolve(map(p));
          if (param != null) {
            byKey.put(param.get("in") + ":" + param.get("name"), param);
          }
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  /** One operation: its path, its lower-case HTTP method and its YAML body. */
  public record Operation(
      String path, String method, Map<String, Object> body, Map<String, Object> pathItem) {
    /** The operationId, or {@code METHOD path} when the spec gives none. */
    public String id() {
      Object id = body.get("operationId");
      return id instanceof String ? (String) id : method.toUpperCase() + " " + path;
    }

    /** {@code METHOD path}, as reports print it. */
    public String key() {
      return method.toUpperCase() + " " + path;
    }

    /** The first tag of the operation, or {@code null}. */
    public String tag() {
      Object tags = body.get("tags");
      return tags instanceof List && !((List<?>) tags).isEmpty()
          ? String.valueOf(((List<?>) tags).get(0))
          : null;
    }
  }

  /** Casts a YAML node to a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  /** Returns {@code parent[key]} as a map, creating an empty one if absent. */
  public static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object existing = parent.get(key);
    if (existing instanceof Map) {
      return map(existing);
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  /** Whether a schema node is a {@code oneOf} or {@code anyOf}. */
  public static boolean isUnion(Map<String, Object> schema) {
    return schema.get("oneOf") instanceof List || schema.get("anyOf") instanceof List;
  }

  /** The branches of a {@code oneOf}/{@code anyOf} schema. */
  @SuppressWarnings("unchecked")
  public static List<Object> unionBranches(Map<String, Object> schema) {
    Object branches = schema.containsKey("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
    return branches instanceof List ? (List<Object>) branches : List.of();
  }

  /** The keywords that give a schema a type; a schema with none of them accepts any value. */
  private static final List<String> TYPE_KEYWORDS =
      List.of(
          "type",
          "$ref",
          "properties",
          "items",
          "additionalProperties",
          "oneOf",
          "anyOf",
          "allOf",
          "enum");

  /** Whether {@code schema} has a keyword that gives it a type; without one it accepts anything. */
  public static boolean hasTypeKeyword(Map<String, Object> schema) {
    return TYPE_KEYWORDS.stream().anyMatch(schema::containsKey);
  }

  /** Keys under which a JSON Schema node nests further schemas. */
  static final Set<String> SCHEMA_CHILD_KEYS =
      Set.of("properties", "items", "additionalProperties", "allOf", "oneOf", "anyOf", "not");
}
