package io.github.bt4j.testsupport;

import static io.github.bt4j.spec.SpecDocument.map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one sample-JSON builder of the tests: builds a JSON value that a schema of a spec (the
 * prepared one, the bundled one, or the upstream one for request bodies) accepts,
 * deterministically. Every declared property is filled (optional ones too, so that a lossy model
 * shows), every map gets one extra entry, arrays get one item (two for query parameters, to see
 * repetition). Which branch of a union and which enum value is taken depends on the {@link
 * Variant}, so that two variants together reach both ends of every choice; {@link #through} makes
 * the sample take one given branch of one given union instead, and the branches that lead to it.
 */
public final class SampleJson {
  /** Which branch of a union, which enum value and which boolean a sample takes. */
  public enum Variant {
    /** The first branch, the first enum value, {@code true}. */
    FIRST,
    /** The last branch, the last enum value, {@code false}. */
    LAST
  }

  private final SchemaSource spec;
  private final Variant variant;
  private final Set<Object> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
  private Map<String, Object> target;
  private int targetBranch;
  private boolean targetReached;
  private int uuids;

  /**
   * A builder for the schemas of {@code spec}.
   *
   * @param spec resolves the schemas' references
   * @param variant which ends of the spec's choices the samples take
   */
  public SampleJson(SchemaSource spec, Variant variant) {
    this.spec = spec;
    this.variant = variant;
  }

  /**
   * Makes the samples take branch {@code branch} of {@code union} (the node itself, compared by
   * identity) wherever they meet it, and, in the unions on the way to it, the branch on {@code
   * path}.
   *
   * @param union the union whose branch is chosen
   * @param branch the index of that branch among the union's branches
   * @param path the schema nodes from the sampled schema to {@code union}
   * @return this builder
   */
  public SampleJson through(Map<String, Object> union, int branch, List<Map<String, Object>> path) {
    this.target = union;
    this.targetBranch = branch;
    this.onPath.addAll(path);
    return this;
  }

  /** Whether a sample so far went through the union given to {@link #through}. */
  public boolean targetReached() {
    return targetReached;
  }

  /** Which ends of the spec's choices this sample takes. */
  public Variant variant() {
    return variant;
  }

  /** A value for {@code schema}; {@code name} (a property or parameter name) seeds strings. */
  public JsonElement of(Map<String, Object> schema, String name) {
    JsonElement value = sample(schema, name, new ArrayDeque<>());
    return value != null ? value : new JsonObject();
  }

  /** Like {@link #of} but arrays get two items, so that repeated query parameters show. */
  public JsonElement ofQueryParameter(Map<String, Object> schema, String name) {
    Map<String, Object> resolved = spec.resolve(schema);
    if ("array".equals(resolved.get("type"))) {
      JsonArray array = new JsonArray();
      Map<String, Object> items = map(resolved.get("items"));
      array.add(of(items, name));
      array.add(of(items, name + " two"));
      return array;
    }
    return of(schema, name);
  }

  /** Null only when {@code schema} refers back to a schema being built (a cycle). */
  private JsonElement sample(Map<String, Object> schema, String name, Deque<String> refs) {
    if (schema == null || schema.isEmpty()) {
      return freeForm(name);
    }
    if (schema.get("$ref") instanceof String) {
      String ref = (String) schema.get("$ref");
      if (refs.contains(ref)) {
        return null;
      }
      refs.push(ref);
      try {
        return sample(spec.resolve(schema), name, refs);
      } finally {
        refs.pop();
      }
    }
    if (schema.get("enum") instanceof List) {
      List<Object> values = new ArrayList<>((List<?>) schema.get("enum"));
      values.removeIf(v -> v == null);
      return primitive(pick(values));
    }
    if (schema.get("allOf") instanceof List) {
      return allOf((List<?>) schema.get("allOf"), name, refs);
    }
    for (String union : List.of("oneOf", "anyOf")) {
      if (schema.get(union) instanceof List) {
        return union(schema, new ArrayList<>((List<?>) schema.get(union)), name, refs);
      }
    }
    if (schema.get("x-bt4j-union") instanceof List) {
      String kind = (String) pick(new ArrayList<>((List<?>) schema.get("x-bt4j-union")));
      return kind.equals("any") ? freeForm(name) : sample(Map.of("type", kind), name, refs);
    }
    Object type = schema.get("type");
    if (type == null) {
      boolean isObject =
          schema.containsKey("properties") || schema.containsKey("additionalProperties");
      return isObject ? object(schema, name, refs) : freeForm(name);
    }
    switch ((String) type) {
      case "string":
        return new JsonPrimitive(string(schema, name));
      case "integer":
        return numeral(integer(schema).toPlainString());
      case "number":
        return numeral(number(schema).toPlainString());
      case "boolean":
        return new JsonPrimitive(variant == Variant.FIRST);
      case "array":
        return array(schema, name, refs);
      case "object":
        return object(schema, name, refs);
      case "null":
        return JsonNull.INSTANCE;
      default:
        throw new IllegalArgumentException("unknown type " + type + " of " + name);
    }
  }

  /** The target branch, the branch that leads to the target, or the variant's pick. */
  private JsonElement union(
      Map<String, Object> schema, List<Object> branches, String name, Deque<String> refs) {
    if (schema == target) {
      targetReached = true;
      Object chosen = branches.get(targetBranch);
      return Schemas.isNullBranch(chosen) ? JsonNull.INSTANCE : sample(map(chosen), name, refs);
    }
    for (Object branch : branches) {
      if (onPath.contains(branch)) {
        return sample(map(branch), name, refs);
      }
    }
    branches.removeIf(Schemas::isNullBranch);
    return sample(map(pick(branches)), name, refs);
  }

  private JsonElement allOf(List<?> branches, String name, Deque<String> refs) {
    JsonObject merged = null;
    JsonElement single = null;
    for (Object branch : branches) {
      Map<String, Object> b = map(branch);
      if (isAnnotationOnly(b)) {
        continue;
      }
      JsonElement value = sample(b, name, refs);
      if (value == null) {
        return null;
      }
      if (value.isJsonObject()) {
        merged = merged == null ? new JsonObject() : merged;
        for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
          merged.add(e.getKey(), e.getValue());
        }
      } else {
        single = value;
      }
    }
    if (merged != null) {
      return merged;
    }
    return single != null ? single : freeForm(name);
  }

  /** A branch such as {@code {description: ...}} or {@code {title: ...}}: adds no constraint. */
  private static boolean isAnnotationOnly(Map<String, Object> schema) {
    for (String key : schema.keySet()) {
      if (!List.of("description", "title", "nullable", "default", "example").contains(key)) {
        return false;
      }
    }
    return true;
  }

  private JsonElement object(Map<String, Object> schema, String name, Deque<String> refs) {
    JsonObject object = new JsonObject();
    if (schema.get("properties") instanceof Map) {
      for (Map.Entry<String, Object> p : map(schema.get("properties")).entrySet()) {
        JsonElement value = sample(map(p.getValue()), p.getKey(), refs);
        if (value != null) {
          object.add(p.getKey(), value);
        }
      }
    }
    Object extra = schema.get("additionalProperties");
    boolean declaresNothing = !schema.containsKey("properties") && extra == null;
    if (extra instanceof Map || Boolean.TRUE.equals(extra) || declaresNothing) {
      Map<String, Object> valueSchema = extra instanceof Map ? map(extra) : Map.of();
      JsonElement value = sample(valueSchema, name + " extra", refs);
      if (value != null) {
        object.add("extra_" + name, value);
      }
    }
    return object;
  }

  private JsonElement array(Map<String, Object> schema, String name, Deque<String> refs) {
    JsonArray array = new JsonArray();
    int count = Math.max(1, ((Number) schema.getOrDefault("minItems", 1)).intValue());
    for (int i = 0; i < count; i++) {
      JsonElement item = sample(map(schema.get("items")), name, refs);
      if (item == null) {
        break;
      }
      array.add(item);
    }
    return array;
  }

  private JsonElement freeForm(String name) {
    JsonObject object = new JsonObject();
    object.addProperty("free_form", name);
    object.add("count", numeral("3"));
    return object;
  }

  private String string(Map<String, Object> schema, String name) {
    String format = (String) schema.get("format");
    if (format != null) {
      switch (format) {
        case "uuid":
          return uuid();
        case "date-time":
          return variant == Variant.FIRST
              ? "2024-05-06T07:08:09.123Z"
              : "2023-12-31T23:59:59+02:00";
        case "date":
          return "2024-05-06";
        case "uri":
          return "https://example.com/" + name.replaceAll("[^A-Za-z0-9]", "-");
        default:
          break;
      }
    }
    String value = "sample " + name;
    Object maxLength = schema.get("maxLength");
    if (maxLength instanceof Number && value.length() > ((Number) maxLength).intValue()) {
      value = value.substring(0, ((Number) maxLength).intValue());
    }
    return value;
  }

  /** A fresh, valid UUID; the same sequence in every run. */
  private String uuid() {
    uuids++;
    return String.format("%08x-0000-4000-8000-%012x", variant.ordinal() + 1, uuids);
  }

  private BigDecimal integer(Map<String, Object> schema) {
    return inRange(schema, BigDecimal.valueOf(variant == Variant.FIRST ? 7 : 3), BigDecimal.ONE);
  }

  private BigDecimal number(Map<String, Object> schema) {
    return inRange(
        schema, new BigDecimal(variant == Variant.FIRST ? "0.5" : "0.25"), BigDecimal.ONE);
  }

  /** {@code preferred} if the schema's bounds allow it, else a value just inside them. */
  private static BigDecimal inRange(
      Map<String, Object> schema, BigDecimal preferred, BigDecimal step) {
    BigDecimal min = bound(schema.get("minimum"));
    BigDecimal max = bound(schema.get("maximum"));
    boolean exclusiveMin = Boolean.TRUE.equals(schema.get("exclusiveMinimum"));
    boolean exclusiveMax = Boolean.TRUE.equals(schema.get("exclusiveMaximum"));
    BigDecimal value = preferred;
    if (min != null && (value.compareTo(min) < 0 || (exclusiveMin && value.compareTo(min) == 0))) {
      value = exclusiveMin ? min.add(step) : min;
    }
    if (max != null && (value.compareTo(max) > 0 || (exclusiveMax && value.compareTo(max) == 0))) {
      value = exclusiveMax ? max.subtract(step) : max;
    }
    return value;
  }

  private static BigDecimal bound(Object value) {
    return value instanceof Number ? new BigDecimal(value.toString()) : null;
  }

  private Object pick(List<?> choices) {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("nothing to choose from");
    }
    return variant == Variant.FIRST ? choices.get(0) : choices.get(choices.size() - 1);
  }

  private static JsonPrimitive primitive(Object value) {
    if (value instanceof Boolean) {
      return new JsonPrimitive((Boolean) value);
    }
    if (value instanceof Number) {
      return numeral(value.toString());
    }
    return new JsonPrimitive(String.valueOf(value));
  }

  /** A number that keeps its text, as a parsed response's numbers do. */
  private static JsonPrimitive numeral(String text) {
    return JsonParser.parseString(text).getAsJsonPrimitive();
  }
}
