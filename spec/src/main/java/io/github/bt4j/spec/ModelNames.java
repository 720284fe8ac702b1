package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives the classes a user meets names a user could guess, in place of the generator's: an inline
 * request or response schema is named after its resource and method instead of its operationId
 * ({@code ProjectListResponse}, not {@code GetProject200Response}; {@code CreateEnvVar}, not {@code
 * PutEnvVarRequest}); a schema the spec names {@code <Verb>Api} becomes {@code <Verb><Resource>}
 * ({@code InvokeFunction}); an inline object in an array is an {@code Item}, not an {@code Inner}.
 * A name already taken is left to the generator.
 */
final class ModelNames {
  private final SpecDocument spec;
  private final Set<String> taken = new HashSet<>();
  private final Map<String, Map<String, Object>> given = new LinkedHashMap<>();
  private int renamed;

  ModelNames(SpecDocument spec) {
    this.spec = spec;
    for (String name : spec.schemas().keySet()) {
      taken.add(key(name));
    }
    claimTitles(spec.root());
  }

  private void claimTitles(Object node) {
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      if (m.get("title") instanceof String) {
        taken.add(key((String) m.get("title")));
      }
      m.values().forEach(this::claimTitles);
    } else if (node instanceof List) {
      ((List<?>) node).forEach(this::claimTitles);
    }
  }

  /** Applies every naming rule; returns how many names it gave. */
  int apply() {
    renameApiSchemas();
    for (SpecDocument.Operation op : spec.operations()) {
      nameOperationSchemas(op);
    }
    for (Map.Entry<String, Object> schema : spec.schemas().entrySet()) {
      nameArrayItems(schema.getKey(), schema.getValue());
    }
    return renamed;
  }

  /** The resource a tag names, in the singular: {@code EnvVars} is {@code EnvVar}. */
  static String resourceOf(String tag) {
    String name = OperationNames.camel(tag == null ? "" : tag);
    return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
  }

  private static String key(String name) {
    return OperationNames.camel(name).toLowerCase(Locale.ROOT);
  }

  private boolean claim(String name) {
    return taken.add(key(name));
  }

  /** Names {@code schema}; the same schema met again (a create and a replace) gets it too. */
  private void title(Map<String, Object> schema, String name) {
    Map<String, Object> earlier = given.get(name);
    if (earlier != null ? earlier.equals(untitled(schema)) : claim(name)) {
      given.putIfAbsent(name, untitled(schema));
      schema.put("title", name);
      renamed++;
    }
  }

  private static Map<String, Object> untitled(Map<String, Object> schema) {
    Map<String, Object> copy = new LinkedHashMap<>(schema);
    copy.remove("title");
    return copy;
  }

  // ---- operation bodies and answers ---------------------------------------------------------

  private void nameOperationSchemas(SpecDocument.Operation op) {
    String resource = resourceOf(op.tag());
    String method = String.valueOf(op.body().get("x-bt4j-method"));
    Map<String, Object> body = jsonSchema(op.body().get("requestBody"));
    if (isUntitledObject(body)) {
      String name =
          method.equals("create") || method.equals("replace")
              ? "Create" + resource
              : method.equals("update")
                  ? "Patch" + resource
                  : resource + capitalize(method) + "Request";
      title(body, name);
    }
    Object responses = op.body().get("responses");
    if (responses instanceof Map) {
      for (Map.Entry<String, Object> r : map(responses).entrySet()) {
        Map<String, Object> schema = jsonSchema(r.getValue());
        if (r.getKey().startsWith("2") && isUntitledObject(schema)) {
          title(schema, resource + capitalize(method) + "Response");
        }
      }
    }
  }

  /** The {@code application/json} schema of a request body or response, or null. */
  private static Map<String, Object> jsonSchema(Object bodyOrResponse) {
    if (!(bodyOrResponse instanceof Map)) {
      return null;
    }
    Object content = map(bodyOrResponse).get("content");
    if (!(content instanceof Map)) {
      return null;
    }
    for (Map.Entry<String, Object> media : map(content).entrySet()) {
      if (media.getKey().contains("json") && media.getValue() instanceof Map) {
        Object schema = map(media.getValue()).get("schema");
        return schema instanceof Map ? map(schema) : null;
      }
    }
    return null;
  }

  /** An inline object schema with properties and no name of its own. */
  private static boolean isUntitledObject(Map<String, Object> schema) {
    return schema != null
        && !schema.containsKey("$ref")
        && !schema.containsKey("title")
        && schema.get("properties") instanceof Map
        && !map(schema.get("properties")).isEmpty();
  }

  /** An inline {@code allOf} of objects with no name of its own. */
  private static boolean isUntitledComposition(Map<String, Object> schema) {
    return !schema.containsKey("$ref")
        && !schema.containsKey("title")
        && schema.get("allOf") instanceof List;
  }

  // ---- <Verb>Api schemas --------------------------------------------------------------------

  private void renameApiSchemas() {
    Map<String, String> renames = new LinkedHashMap<>();
    for (String name : List.copyOf(spec.schemas().keySet())) {
      if (name.length() > 3
          && name.endsWith("Api")
          && Character.isLowerCase(name.charAt(name.length() - 4))) {
        String verb = name.substring(0, name.length() - 3);
        String resource = resourceUsingAsBody(name);
        String renamedTo = verb + (resource == null ? "Request" : resource);
        if (claim(renamedTo)) {
          renames.put(name, renamedTo);
        }
      }
    }
    renames.forEach(this::renameSchema);
  }

  /** The resource of the first operation whose request body is the schema {@code name}. */
  private String resourceUsingAsBody(String name) {
    String ref = "#/components/schemas/" + name;
    for (SpecDocument.Operation op : spec.operations()) {
      Map<String, Object> body = jsonSchema(op.body().get("requestBody"));
      if (body != null && ref.equals(body.get("$ref"))) {
        return resourceOf(op.tag());
      }
    }
    return null;
  }

  private void renameSchema(String from, String to) {
    Map<String, Object> schemas = spec.schemas();
    map(schemas.get(from)).put("x-bt4j-renamed-from", from);
    Map<String, Object> reordered = new LinkedHashMap<>();
    schemas.forEach((k, v) -> reordered.put(k.equals(from) ? to : k, v));
    schemas.clear();
    schemas.putAll(reordered);
    replaceRefs(spec.root(), "#/components/schemas/" + from, "#/components/schemas/" + to);
    for (SpecDocument.Operation op : spec.operations()) {
      for (String extension : List.of("x-bt4j-list-item", "x-bt4j-events-item")) {
        if (from.equals(op.body().get(extension))) {
          op.body().put(extension, to);
        }
      }
    }
    renamed++;
  }

  private static void replaceRefs(Object node, String from, String to) {
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      if (from.equals(m.get("$ref"))) {
        m.put("$ref", to);
      }
      m.values().forEach(v -> replaceRefs(v, from, to));
    } else if (node instanceof List) {
      ((List<?>) node).forEach(v -> replaceRefs(v, from, to));
    }
  }

  // ---- array items --------------------------------------------------------------------------

  /**
   * Titles each inline object that is an array's item {@code <Owner><Property>Item}, where owner is
   * the class the generator names the array's parent (a component, or an inline object named after
   * its own parent and property, its title if it has one).
   */
  private void nameArrayItems(String owner, Object node) {
    if (!(node instanceof Map)) {
      return;
    }
    Map<String, Object> schema = map(node);
    Object properties = schema.get("properties");
    if (properties instanceof Map) {
      for (Map.Entry<String, Object> p : map(properties).entrySet()) {
        nameProperty(owner + OperationNames.camel(p.getKey()), p.getValue());
      }
    }
    for (String union : List.of("allOf", "anyOf", "oneOf")) {
      if (schema.get(union) instanceof List) {
        for (Object branch : (List<?>) schema.get(union)) {
          nameArrayItems(owner, branch);
        }
      }
    }
  }

  /** A property whose class the generator would name {@code name}. */
  private void nameProperty(String name, Object node) {
    if (!(node instanceof Map) || map(node).containsKey("$ref")) {
      return;
    }
    Map<String, Object> schema = map(node);
    String own =
        schema.get("title") instanceof String
            ? OperationNames.camel((String) schema.get("title"))
            : name;
    if (schema.get("items") instanceof Map) {
      Map<String, Object> items = map(schema.get("items"));
      if (isUntitledObject(items) || isUntitledComposition(items)) {
        title(items, own + "Item");
      }
      nameArrayItems(
          items.get("title") instanceof String ? (String) items.get("title") : own + "Inner",
          items);
    }
    if (schema.get("additionalProperties") instanceof Map) {
      nameProperty(own + "Value", schema.get("additionalProperties"));
    }
    nameArrayItems(own, schema);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
