package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The structural type of a schema node, as a short string such as {@code string(date-time)}, {@code
 * array<Project>}, {@code map<string>} or {@code anyOf<object|string>}, and the helpers that treat
 * a {@code null} branch of a union as nullability.
 */
final class SchemaSignature {
  private SchemaSignature() {}

  /**
   * The signature: the {@code $ref} target's name, or the type (with format, array items and map
   * values), or the union keyword with the sorted signatures of its non-null branches; {@code none}
   * for an absent schema, {@code any} for one without a type.
   */
  static String of(Object node) {
    Object unwrapped = unwrapNullable(node);
    if (!(unwrapped instanceof Map)) {
      return "none";
    }
    Map<String, Object> schema = map(unwrapped);
    if (schema.get("$ref") instanceof String) {
      return refName((String) schema.get("$ref"));
    }
    String union = unionKey(schema);
    if (union == null && schema.get("allOf") instanceof List) {
      union = "allOf";
    }
    if (union != null) {
      List<?> branches =
          union.equals("allOf") ? (List<?>) schema.get("allOf") : nonNullBranches(schema);
      return union
          + branches.stream()
              .map(SchemaSignature::of)
              .sorted()
              .collect(Collectors.joining("|", "<", ">"));
    }
    String type = typeOf(schema);
    if (schema.get("format") instanceof String) {
      type += "(" + schema.get("format") + ")";
    }
    if (schema.containsKey("items")) {
      type += "<" + of(schema.get("items")) + ">";
    }
    if (schema.get("additionalProperties") instanceof Map && !schema.containsKey("properties")) {
      type = "map<" + of(schema.get("additionalProperties")) + ">";
    }
    return type;
  }

  /** {@code oneOf} or {@code anyOf} if the node is such a union, else null. */
  static String unionKey(Object node) {
    if (!(node instanceof Map)) {
      return null;
    }
    Map<String, Object> schema = map(node);
    return schema.get("oneOf") instanceof List
        ? "oneOf"
        : schema.get("anyOf") instanceof List ? "anyOf" : null;
  }

  /** The branches of a {@code oneOf}/{@code anyOf} other than {@code {type: null}}. */
  static List<Object> nonNullBranches(Map<String, Object> union) {
    List<Object> branches = new ArrayList<>(SpecDocument.unionBranches(union));
    branches.removeIf(SchemaSignature::isNullType);
    return branches;
  }

  /** A union of one non-null branch (and {@code null}) is that branch; other nodes stay. */
  static Object unwrapNullable(Object node) {
    if (unionKey(node) != null) {
      List<Object> branches = nonNullBranches(map(node));
      if (branches.size() == 1) {
        return unwrapNullable(branches.get(0));
      }
    }
    return node;
  }

  /** Whether the node admits {@code null}: {@code nullable: true} or a {@code null} branch. */
  static boolean isNullable(Object node) {
    if (!(node instanceof Map)) {
      return false;
    }
    Map<String, Object> schema = map(node);
    if (Boolean.TRUE.equals(schema.get("nullable"))
        || (schema.get("type") instanceof List
            && ((List<?>) schema.get("type")).contains("null"))) {
      return true;
    }
    if (unionKey(schema) != null) {
      for (Object branch : SpecDocument.unionBranches(schema)) {
        if (isNullType(branch) || isNullable(branch)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What identifies a union branch across versions: its title, its {@code $ref} target, a property
   * with a single enum value ({@code event_type=logs}), else its signature.
   */
  static String branchKey(Object branch) {
    if (!(branch instanceof Map)) {
      return of(branch);
    }
    Map<String, Object> schema = map(branch);
    if (schema.get("title") instanceof String) {
      return (String) schema.get("title");
    }
    if (schema.get("$ref") instanceof String) {
      return refName((String) schema.get("$ref"));
    }
    if (schema.get("properties") instanceof Map) {
      for (Map.Entry<String, Object> property : map(schema.get("properties")).entrySet()) {
        Object values =
            property.getValue() instanceof Map ? map(property.getValue()).get("enum") : null;
        if (values instanceof List && ((List<?>) values).size() == 1) {
          return property.getKey() + "=" + ((List<?>) values).get(0);
        }
      }
    }
    return of(branch);
  }

  /** {@code {type: null}}, or {@code {nullable: true}} with nothing else that gives a type. */
  private static boolean isNullType(Object branch) {
    if (!(branch instanceof Map)) {
      return false;
    }
    Map<String, Object> schema = map(branch);
    return "null".equals(schema.get("type"))
        || (Boolean.TRUE.equals(schema.get("nullable")) && !SpecDocument.hasTypeKeyword(schema));
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String typeOf(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof String) {
      return (String) type;
    }
    if (type instanceof List) {
      return ((List<?>) type)
          .stream()
              .map(String::valueOf)
              .filter(t -> !t.equals("null"))
              .sorted()
              .collect(Collectors.joining("|"));
    }
    if (schema.containsKey("properties")) {
      return "object";
    }
    if (schema.containsKey("items")) {
      return "array";
    }
    return "any";
  }
}
