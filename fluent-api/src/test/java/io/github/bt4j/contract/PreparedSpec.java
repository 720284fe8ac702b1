package io.github.bt4j.contract;

import static io.github.bt4j.spec.SpecDocument.map;

import io.github.bt4j.spec.SpecDocument;
import io.github.bt4j.testsupport.SchemaSource;
import io.github.bt4j.testsupport.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations of the prepared spec the fluent layer is generated from, as the tests use them.
 */
final class PreparedSpec implements SchemaSource {
  private static PreparedSpec loaded;

  private final SpecDocument document;
  private final List<SpecOperation> operations = new ArrayList<>();

  private PreparedSpec(SpecDocument document) {
    this.document = document;
    for (SpecDocument.Operation op : document.operations()) {
      operations.add(operation(op));
    }
  }

  /** The spec the build prepared, read once per test run. */
  static synchronized PreparedSpec load() {
    if (loaded == null) {
      loaded = new PreparedSpec(Specs.prepared());
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
    return document.resolve(node);
  }

  private SpecOperation operation(SpecDocument.Operation operation) {
    Map<String, Object> op = operation.body();
    String path = operation.path();
    String method = operation.method();
    List<Map<String, Object>> parameters = document.parameters(operation);
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
}
