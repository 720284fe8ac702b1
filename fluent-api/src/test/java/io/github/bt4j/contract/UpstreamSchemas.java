package io.github.bt4j.contract;

import static io.github.bt4j.spec.SpecDocument.map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.bt4j.testsupport.SchemaSource;
import io.github.bt4j.testsupport.Schemas;
import io.github.bt4j.testsupport.Specs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request schemas of the upstream spec as they were released, before {@code SpecPreparer}
 * rewrote them ({@code spec/src/main/openapi/openapi.yaml}, with {@code bt4j-additions.yaml} for
 * what it adds, the spec's own declarations winning): the source of the contract test's request
 * bodies, and their judge, with a real JSON Schema validator (networknt's, draft 4, formats
 * asserted).
 *
 * <p>OpenAPI 3.0 schemas are not JSON Schema, so each is translated first, by {@link
 * #toJsonSchema}: {@code nullable: true} (with or without a {@code type}, beside {@code $ref},
 * {@code allOf}, {@code anyOf}, {@code oneOf} or an enum) admits null (see {@link #admittingNull});
 * an enum that lists {@code null} admits null the same way, as the spec's authors mean it, and so
 * does a union branch that is only {@code {nullable: true}} (see {@link Schemas#isNullBranch});
 * {@code $ref}s to {@code #/components/schemas} point into one shared document of every translated
 * component; OpenAPI-only keywords ({@code discriminator}, {@code example}, {@code x-...}) are
 * dropped. Everything else ({@code type}, {@code format}, {@code enum}, {@code required}, {@code
 * properties}, {@code additionalProperties}, {@code items}, the unions, bounds) is JSON Schema
 * draft 4, which OpenAPI 3.0's schema object is based on.
 */
final class UpstreamSchemas implements SchemaSource {
  private static final String COMPONENTS_IRI = "https://bt4j.invalid/upstream/components.json";
  private static final String COMPONENT_REF = "#/components/schemas/";
  private static final Set<String> DROPPED =
      Set.of(
          "nullable",
          "discriminator",
          "example",
          "examples",
          "externalDocs",
          "xml",
          "deprecated",
          "readOnly",
          "writeOnly");

  private static final Set<String> SCHEMA_VALUED = Set.of("items", "not", "additionalProperties");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");
  private static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "patch", "head");
  private static UpstreamSchemas loaded;

  private final Gson gson = new GsonBuilder().serializeNulls().create();
  private final Map<String, Object> components = new LinkedHashMap<>();
  private final Map<String, Object> requestSchemas = new LinkedHashMap<>();
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  private UpstreamSchemas(Map<String, Object> spec, Map<String, Object> additions) {
    components.putAll(schemas(additions));
    components.putAll(schemas(spec)); // the spec's own declarations win, as in SpecPreparer
    Map<String, Object> translated = new LinkedHashMap<>();
    components.forEach((name, schema) -> translated.put(name, toJsonSchema(schema)));
    String document = gson.toJson(Map.of("definitions", translated));
    factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            builder ->
                builder.schemaLoaders(
                    loaders -> loaders.schemas(Map.of(COMPONENTS_IRI, document))));
    for (Map<String, Object> root : List.of(additions, spec)) {
      collectRequestSchemas(root);
    }
  }

  /** The upstream spec of this checkout, read once per test run. */
  static synchronized UpstreamSchemas load() {
    if (loaded == null) {
      loaded = new UpstreamSchemas(Specs.bundled().root(), Specs.additions().root());
    }
    return loaded;
  }

  /** Whether the upstream operation {@code operationId} declares a JSON request body. */
  boolean hasJsonBody(String operationId) {
    return requestSchemas.containsKey(operationId);
  }

  /** The upstream (OpenAPI 3.0) schema of the JSON request body of {@code operationId}, or null. */
  Map<String, Object> requestSchema(String operationId) {
    Object schema = requestSchemas.get(operationId);
    return schema == null ? null : map(schema);
  }

  @Override
  public Map<String, Object> resolve(Map<String, Object> node) {
    Map<String, Object> current = node;
    while (current != null && current.get("$ref") instanceof String ref) {
      if (!ref.startsWith(COMPONENT_REF)) {
        throw new IllegalArgumentException("unsupported reference " + ref);
      }
      current = map(components.get(ref.substring(COMPONENT_REF.length())));
    }
    return current;
  }

  /**
   * What is wrong with {@code body} (JSON text) as the request body of {@code operationId}, against
   * its upstream schema: one line per violation, empty if the body is valid.
   */
  List<String> violations(String operationId, String body) {
    if (!hasJsonBody(operationId)) {
      return List.of("the upstream spec declares no JSON request body for " + operationId);
    }
    JsonSchema schema =
        compiled.computeIfAbsent(
            operationId,
            id -> factory.getSchema(gson.toJson(toJsonSchema(requestSchemas.get(id))), config));
    List<String> violations = new ArrayList<>();
    for (ValidationMessage message : schema.validate(body, InputFormat.JSON)) {
      violations.add(message.getMessage());
    }
    violations.sort(null);
    return violations;
  }

  /**
   * An OpenAPI 3.0 schema as JSON Schema draft 4 (see the class comment); the YAML node itself is
   * not changed.
   */
  static Object toJsonSchema(Object node) {
    if (!(node instanceof Map)) {
      return node;
    }
    Map<String, Object> schema = map(node);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : schema.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (DROPPED.contains(key) || key.startsWith("x-")) {
        continue;
      }
      if (key.equals("$ref")) {
        String ref = (String) value;
        if (!ref.startsWith(COMPONENT_REF)) {
          throw new IllegalArgumentException("unsupported reference " + ref);
        }
        out.put(key, COMPONENTS_IRI + "#/definitions/" + ref.substring(COMPONENT_REF.length()));
      } else if (key.equals("properties") && value instanceof Map) {
        Map<String, Object> properties = new LinkedHashMap<>();
        map(value).forEach((name, property) -> properties.put(name, toJsonSchema(property)));
        out.put(key, properties);
      } else if (SCHEMA_VALUED.contains(key)) {
        out.put(key, toJsonSchema(value));
      } else if (SCHEMA_LISTS.contains(key) && value instanceof List) {
        List<Object> branches = new ArrayList<>();
        for (Object branch : (List<?>) value) {
          boolean union = !key.equals("allOf");
          branches.add(
              union && Schemas.isNullBranch(branch)
                  ? Map.of("type", "null")
                  : toJsonSchema(branch));
        }
        out.put(key, branches);
      } else {
        out.put(key, value);
      }
    }
    boolean nullable =
        Boolean.TRUE.equals(schema.get("nullable"))
            || (schema.get("enum") instanceof List
                && ((List<?>) schema.get("enum")).contains(null));
    return nullable ? admittingNull(out) : out;
  }

  /**
   * {@code schema} (translated) that also accepts null: a {@code type} gains {@code "null"} and an
   * enum gains {@code null}, which keeps one message per violation; a schema constrained only
   * through {@code $ref} or a union becomes {@code anyOf: [schema, {type: null}]}.
   */
  private static Map<String, Object> admittingNull(Map<String, Object> schema) {
    if (schema.get("enum") instanceof List<?> values && !values.contains(null)) {
      List<Object> withNull = new ArrayList<>(values);
      withNull.add(null);
      schema.put("enum", withNull);
    }
    if (schema.get("type") instanceof String type) {
      schema.put("type", List.of(type, "null"));
      return schema;
    }
    if (!Schemas.hasTypeKeyword(schema) || schema.containsKey("enum")) {
      return schema; // no type to widen: it accepts null already, or its enum now lists it
    }
    return Map.of("anyOf", List.of(schema, Map.of("type", "null")));
  }

  private void collectRequestSchemas(Map<String, Object> root) {
    for (Object item : map(root.getOrDefault("paths", Map.of())).values()) {
      for (String method : HTTP_METHODS) {
        if (!(map(item).get(method) instanceof Map)) {
          continue;
        }
        Map<String, Object> op = map(map(item).get(method));
        Object body = op.get("requestBody");
        Object content = body instanceof Map ? map(body).get("content") : null;
        Object json = content instanceof Map ? map(content).get("application/json") : null;
        if (json instanceof Map && map(json).get("schema") != null) {
          // The spec's own operation wins over an addition of the same id, read before it.
          requestSchemas.put((String) op.get("operationId"), map(json).get("schema"));
        }
      }
    }
  }

  private static Map<String, Object> schemas(Map<String, Object> root) {
    Object components = root.get("components");
    if (components instanceof Map && map(components).get("schemas") instanceof Map) {
      return map(map(components).get("schemas"));
    }
    return Map.of();
  }
}
