package io.github.bt4j.contract;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The prepared spec the fluent layer is generated from, read as plain YAML maps. */
final class PreparedSpec implements SchemaSource {
  private static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "patch", "head");
  private static PreparedSpec loaded;

  private final Map<String, Object> root;
  private final List<SpecOperation> operations = new ArrayList<>();

  private PreparedSpec(Map<String, Object> root) {
    this.root = root;
    for (Map.Entry<String, Object> path : map(root.get("paths")).entrySet()) {
      Map<String, Object> item = map(path.getValue());
      for (String method : HTTP_METHODS) {
        if (item.get(method) instanceof Map) {
          operations.add(operation(path.getKey(), method, item, map(item.get(method))));
        }
      }
    }
  }

  /** The spec the build prepared, read once per test run. */
  static synchronized PreparedSpec load() {
    if (loaded == null) {
      String repoRoot = System.getProperty("bt4j.repoRoot");
      if (repoRoot == null) {
        throw new IllegalStateException("system property bt4j.repoRoot is not set (run via Maven)");
      }
      Path file = Path.of(repoRoot, "spec", "target", "prepared", "openapi.yaml");
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(64 * 1024 * 1024);
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        loaded = new PreparedSpec(new Yaml(options).load(reader));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the prepared spec " + file, e);
      }
    }
    return loaded;
  }

  /** Every operation, in the order of the spec. */
  List<SpecOperation> operations() {
    return operations;
  }

  /** The operation with this method and path, or null. */
  SpecOperation find(String method, String path) {
    for (SpecOperation op : operations) {
      if (op.method().equals(method) && op.path().equals(path)) {
        return op;
      }
    }
    return null;
  }

  @Override
  public Map<String, Object> resolve(Map<String, Object> node) {
    Map<String, Object> current = node;
    while (current != null && current.get("$ref") instanceof String) {
      String ref = (String) current.get("$ref");
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("external reference " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
      }
      current = map(target);
    }
    return current;
  }

  private SpecOperation operation(
      String path, String method, Map<String, Object> item, Map<String, Object> op) {
    List<Map<String, Object>> parameters = new ArrayList<>();
    for (Object list : new Object[] {item.get("parameters"), op.get("parameters")}) {
      if (list instanceof List) {
        for (Object p : (List<?>) list) {
          parameters.add(resolve(map(p)));
        }
      }
    }
    Map<String, Object> requestSchema = null;
    if (op.get("requestBody") instanceof Map) {
      Map<String, Object> content = map(resolve(map(op.get("requestBody"))).get("content"));
      requestSchema = schemaOf(content.get("application/json"));
    }
    Map<String, Object> responseSchema = null;
    String responseMediaType = null;
    Map<String, Object> ok = resolve(map(map(op.get("responses")).get("200")));
    if (ok != null && ok.get("content") instanceof Map) {
      Map<String, Object> content = map(ok.get("content"));
      responseMediaType = content.keySet().iterator().next();
      responseSchema = schemaOf(content.get(responseMediaType));
    }
    List<?> tags = (List<?>) op.get("tags");
    return new SpecOperation(
        method.toUpperCase(Locale.ROOT),
        path,
        (String) op.get("operationId"),
        (String) tags.get(0),
        (String) op.get("x-bt4j-method"),
        (String) op.get("x-bt4j-params-class"),
        List.copyOf(parameters),
        requestSchema,
        responseSchema,
        responseMediaType,
        op.get("requestBody") instanceof Map
            ? (String) map(op.get("requestBody")).get("x-bt4j-body-type")
            : null);
  }

  private static Map<String, Object> schemaOf(Object mediaType) {
    if (!(mediaType instanceof Map)) {
      return null;
    }
    Object schema = map(mediaType).get("schema");
    return schema instanceof Map ? map(schema) : null;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }
}
