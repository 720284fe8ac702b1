package io.github.bt4j.generated;

import static io.github.bt4j.generated.SpecYaml.map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one sample JSON value from a JSON Schema of the spec. Objects get their required
 * properties; inside the chosen union branch they also get their optional ones, a few levels deep.
 * Strings honour {@code enum} and the {@code uuid}, {@code date-time} and {@code date} formats. A
 * property that declares a default is sent with it. A union takes the branch that leads to the
 * target, the target branch at the target, and its first non-null branch elsewhere. Recursion
 * through references stops at a depth limit.
 */
final class SampleJson {
  private static final int MAX_DEPTH = 14;
  private static final int RICH_LEVELS = 4;
  private static final Gson GSON = new Gson();

  private final SpecYaml spec;
  private final Map<String, Object> target;
  private final int targetBranch;
  private final Set<Map<String, Object>> onPath;
  private boolean targetReached;

  /**
   * @param target the union whose branch is chosen, or null
   * @param targetBranch the index of that branch
   * @param path the schema nodes from the root to {@code target}; the sample goes through them
   */
  SampleJson(
      SpecYaml spec, Map<String, Object> target, int targetBranch, List<Map<String, Object>> path) {
    this.spec = spec;
    this.target = target;
    this.targetBranch = targetBranch;
    this.onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    this.onPath.addAll(path);
  }

  JsonElement sample(Map<String, Object> schema) {
    return value(schema, 0, target == null ? RICH_LEVELS : 0);
  }

  /** Whether the last sample went through the target union. */
  boolean targetReached() {
    return targetReached;
  }

  private JsonElement value(Map<String, Object> schema, int depth, int rich) {
    if (schema == null) {
      return any();
    }
    if (SpecYaml.refName(schema) != null) {
      return value(spec.resolve(schema), depth + 1, rich);
    }
    if (SpecYaml.isUnion(schema)) {
      List<Map<String, Object>> branches = SpecYaml.branches(schema);
      if (schema == target) {
        targetReached = true;
        return value(branches.get(targetBranch), depth + 1, RICH_LEVELS);
      }
      Map<String, Object> chosen = null;
      for (Map<String, Object> b : branches) {
        if (onPath.contains(b)) {
          chosen = b;
          break;
        }
      }
      if (chosen == null) {
        chosen =
            branches.stream()
                .filter(b -> !"null".equals(spec.resolve(b).get("type")))
                .findFirst()
                .orElse(branches.get(0));
      }
      return value(chosen, depth + 1, rich);
    }
    if (schema.get("allOf") instanceof List) {
      JsonObject merged = new JsonObject();
      JsonElement last = null;
      for (Map<String, Object> member : SpecYaml.members(schema, "allOf")) {
        if (isAnnotationOnly(member)) {
          continue;
        }
        last = value(member, depth + 1, rich);
        if (last.isJsonObject()) {
          last.getAsJsonObject().entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
        }
      }
      return last == null || last.isJsonObject() ? merged : last;
    }
    if (schema.get("enum") instanceof List) {
      for (Object v : (List<?>) schema.get("enum")) {
        if (v instanceof String s) {
          return new JsonPrimitive(s);
        } else if (v instanceof Number n) {
          return new JsonPrimitive(n);
        } else if (v instanceof Boolean b) {
          return new JsonPrimitive(b);
        }
      }
      return JsonNull.INSTANCE;
    }
    Object type = schema.get("type");
    if ("null".equals(type)
        || (schema.size() == 1 && Boolean.TRUE.equals(schema.get("nullable")))) {
      return JsonNull.INSTANCE; // {nullable: true} alone is how the spec spells a null branch
    }
    if ("string".equals(type)) {
      return new JsonPrimitive(string(schema));
    }
    if ("integer".equals(type)) {
      return new JsonPrimitive(clamp(schema, new BigDecimal(3)).toBigInteger());
    }
    if ("number".equals(type)) {
      return new JsonPrimitive(clamp(schema, new BigDecimal("1.5")));
    }
    if ("boolean".equals(type)) {
      return new JsonPrimitive(true);
    }
    if ("array".equals(type)) {
      JsonArray array = new JsonArray();
      if (depth < MAX_DEPTH) {
        Object items = schema.get("items");
        array.add(value(items instanceof Map ? map(items) : null, depth + 1, rich));
      }
      return array;
    }
    if ("object".equals(type) || schema.containsKey("properties")) {
      return object(schema, depth, rich);
    }
    return any();
  }

  private JsonObject object(Map<String, Object> schema, int depth, int rich) {
    JsonObject out = new JsonObject();
    if (depth >= MAX_DEPTH) {
      return out;
    }
    Set<String> required = SpecYaml.required(schema);
    for (Map.Entry<String, Object> p : SpecYaml.properties(schema).entrySet()) {
      Map<String, Object> property = map(p.getValue());
      if (required.contains(p.getKey()) || rich > 0 || onPath.contains(property)) {
        out.add(p.getKey(), value(property, depth + 1, Math.max(rich - 1, 0)));
      } else if (defaultOf(property) != null) {
        // Generated classes start with the default, so they write it back when it was absent;
        // absent and default mean the same, so the sample sends it.
        out.add(p.getKey(), GSON.toJsonTree(defaultOf(property)));
      }
    }
    Object extra = schema.get("additionalProperties");
    boolean open = Boolean.TRUE.equals(extra) || extra instanceof Map;
    if (open && (out.size() == 0 || rich > 0 || onPath.contains(extra))) {
      out.add(
          "bt4j_extra",
          value(extra instanceof Map ? map(extra) : null, depth + 1, Math.max(rich - 1, 0)));
    }
    return out;
  }

  private Object defaultOf(Map<String, Object> property) {
    Object own = property.get("default");
    return own != null ? own : spec.resolve(property).get("default");
  }

  /** A free-form value: an object holding a number, so that number handling shows. */
  private static JsonElement any() {
    JsonObject any = new JsonObject();
    any.addProperty("n", 42);
    return any;
  }

  private static String string(Map<String, Object> schema) {
    Object format = schema.get("format");
    if ("uuid".equals(format)) {
      return "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    }
    if ("date-time".equals(format)) {
      return "2026-07-01T12:34:56.789Z";
    }
    if ("date".equals(format)) {
      return "2026-07-01";
    }
    return "s";
  }

  private static BigDecimal clamp(Map<String, Object> schema, BigDecimal preferred) {
    BigDecimal v = preferred;
    if (schema.get("minimum") instanceof Number min && v.compareTo(decimal(min)) < 0) {
      v = decimal(min);
    }
    if (schema.get("maximum") instanceof Number max && v.compareTo(decimal(max)) > 0) {
      v = decimal(max);
    }
    return v;
  }

  private static BigDecimal decimal(Number n) {
    return new BigDecimal(n.toString());
  }

  /** A schema that only names or describes, as the {@code {title: x}} member of an allOf. */
  private static boolean isAnnotationOnly(Map<String, Object> schema) {
    for (String key : schema.keySet()) {
      if (!Set.of("title", "description", "nullable", "default", "example", "deprecated")
          .contains(key)) {
        return false;
      }
    }
    return true;
  }
}
