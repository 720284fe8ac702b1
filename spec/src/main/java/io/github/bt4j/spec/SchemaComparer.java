package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import io.github.bt4j.spec.ChangeReport.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two versions of one schema structurally and lists the differences as {@link Change}s.
 *
 * <p>Two schemas have the same type when their {@link SchemaSignature signatures} are equal. A
 * {@code $ref} to a component that is only a primitive type (an alias such as {@code AppLimitParam:
 * {type: integer}}) counts as that type, since generated code uses the primitive: a change between
 * two such aliases of one type is reported but not breaking. When the types are equal the
 * comparison goes on into inline properties, array items, map values and union branches, but never
 * through a {@code $ref}: a referenced component is compared once, as a model of its own, which
 * keeps the work linear in the size of the spec. A {@code null} branch of a union counts as {@code
 * nullable}. Branches of a {@code oneOf}/{@code anyOf} are matched by title, by {@code $ref}
 * target, by a property with a single enum value (such as {@code event_type=logs}), else by type
 * and position.
 *
 * <p>Enums are compared by value (a {@code null} value counts as one): values removed break a
 * client (the generated enum constant disappears, and a request that sends it is refused), values
 * added do not; a schema gaining or losing its enum changes its generated type (string to enum
 * class or back) and so breaks too. Descriptions, examples, defaults and constraints are not
 * compared.
 */
final class SchemaComparer {
  /** Which way a schema's data travels, which decides whether some changes break a client. */
  enum Direction {
    /** Sent by the client: a new required property breaks clients that do not set it. */
    REQUEST,
    /** Received by the client: only what the client reads, and so can lose, matters. */
    RESPONSE
  }

  private static final Set<String> PRIMITIVES = Set.of("string", "integer", "number", "boolean");

  private final SpecDocument oldSpec;
  private final SpecDocument newSpec;
  private final String label;
  private final Direction direction;
  private final List<Change> changes = new ArrayList<>();

  private SchemaComparer(
      SpecDocument oldSpec, SpecDocument newSpec, String label, Direction direction) {
    this.oldSpec = oldSpec;
    this.newSpec = newSpec;
    this.label = label;
    this.direction = direction;
  }

  /**
   * Compares two versions of a schema; either may be null, meaning absent.
   *
   * @param label what the schema is, such as {@code request body}; empty for a model
   */
  static List<Change> compare(
      SpecDocument oldSpec,
      SpecDocument newSpec,
      String label,
      Object oldSchema,
      Object newSchema,
      Direction direction) {
    SchemaComparer comparer = new SchemaComparer(oldSpec, newSpec, label, direction);
    comparer.compare("", oldSchema, newSchema);
    return comparer.changes;
  }

  private void compare(String path, Object oldNode, Object newNode) {
    if (oldNode instanceof Map && newNode instanceof Map) {
      compareNullable(
          path, SchemaSignature.isNullable(oldNode), SchemaSignature.isNullable(newNode));
    }
    Object before = SchemaSignature.unwrapNullable(oldNode);
    Object after = SchemaSignature.unwrapNullable(newNode);
    if (SchemaSignature.unionKey(before) != null && SchemaSignature.unionKey(after) != null) {
      compareUnions(path, map(before), map(after));
      return;
    }
    String oldType = SchemaSignature.of(before);
    String newType = SchemaSignature.of(after);
    if (!oldType.equals(newType)) {
      String oldPrimitive = primitiveAlias(oldSpec, before);
      boolean sameUnderneath =
          oldPrimitive != null && oldPrimitive.equals(primitiveAlias(newSpec, after));
      String detail = "type " + oldType + " -> " + newType;
      add(path, sameUnderneath ? detail + " (both " + oldPrimitive + ")" : detail, !sameUnderneath);
      return;
    }
    if (!(before instanceof Map) || !(after instanceof Map) || map(before).containsKey("$ref")) {
      return;
    }
    Map<String, Object> oldSchema = map(before);
    Map<String, Object> newSchema = map(after);
    compareEnums(path, oldSchema.get("enum"), newSchema.get("enum"));
    compareProperties(path, oldSchema, newSchema);
    compare(path + "[]", oldSchema.get("items"), newSchema.get("items"));
    if (oldSchema.get("additionalProperties") instanceof Map) {
      compare(
          path + "{}",
          oldSchema.get("additionalProperties"),
          newSchema.get("additionalProperties"));
    }
    if (oldSchema.get("allOf") instanceof List) {
      List<Object> oldParts = sortedBySignature((List<?>) oldSchema.get("allOf"));
      List<Object> newParts = sortedBySignature((List<?>) newSchema.get("allOf"));
      for (int i = 0; i < oldParts.size(); i++) {
        compare(
            path + "(" + SchemaSignature.branchKey(oldParts.get(i)) + ")",
            oldParts.get(i),
            newParts.get(i));
      }
    }
  }

  private void compareEnums(String path, Object oldEnum, Object newEnum) {
    if (!(oldEnum instanceof List) && !(newEnum instanceof List)) {
      return;
    }
    if (!(oldEnum instanceof List)) {
      add(path, "enum added: " + String.join(", ", values(newEnum)), true);
      return;
    }
    if (!(newEnum instanceof List)) {
      add(path, "enum removed, was: " + String.join(", ", values(oldEnum)), true);
      return;
    }
    List<String> before = values(oldEnum);
    List<String> after = values(newEnum);
    List<String> removed = new ArrayList<>(before);
    removed.removeAll(after);
    List<String> added = new ArrayList<>(after);
    added.removeAll(before);
    if (!removed.isEmpty()) {
      add(path, "enum values removed: " + String.join(", ", removed), true);
    }
    if (!added.isEmpty()) {
      add(path, "enum values added: " + String.join(", ", added), false);
    }
  }

  /** The values of an enum as text, in the spec's order, without repeats. */
  private static List<String> values(Object enumNode) {
    Set<String> values = new LinkedHashSet<>();
    for (Object value : (List<?>) enumNode) {
      values.add(String.valueOf(value));
    }
    return new ArrayList<>(values);
  }

  private void compareNullable(String path, boolean wasNullable, boolean isNullable) {
    if (!wasNullable && isNullable) {
      add(path, "now nullable", false);
    } else if (wasNullable && !isNullable) {
      add(path, "no longer nullable", direction == Direction.REQUEST);
    }
  }

  private void compareProperties(
      String path, Map<String, Object> oldSchema, Map<String, Object> newSchema) {
    Map<String, Object> oldProps = properties(oldSchema);
    Map<String, Object> newProps = properties(newSchema);
    Set<String> oldRequired = required(oldSchema);
    Set<String> newRequired = required(newSchema);
    Set<String> names = new TreeSet<>(oldProps.keySet());
    names.addAll(newProps.keySet());
    for (String name : names) {
      String child = path.isEmpty() ? name : path + "." + name;
      boolean wasRequired = oldRequired.contains(name);
      boolean isRequired = newRequired.contains(name);
      if (!oldProps.containsKey(name)) {
        add(
            child,
            isRequired ? "added, required" : "added, optional",
            isRequired && direction == Direction.REQUEST);
      } else if (!newProps.containsKey(name)) {
        add(child, "removed", true);
      } else {
        if (!wasRequired && isRequired) {
          add(child, "now required", direction == Direction.REQUEST);
        } else if (wasRequired && !isRequired) {
          add(child, "no longer required", false);
        }
        compare(child, oldProps.get(name), newProps.get(name));
      }
    }
  }

  /** Matches the branches of two unions by key; unmatched ones were added or removed. */
  private void compareUnions(
      String path, Map<String, Object> oldUnion, Map<String, Object> newUnion) {
    String oldKey = SchemaSignature.unionKey(oldUnion);
    String newKey = SchemaSignature.unionKey(newUnion);
    if (!oldKey.equals(newKey)) {
      add(path, oldKey + " -> " + newKey, false);
    }
    Map<String, List<Object>> before = branchesByKey(oldUnion);
    Map<String, List<Object>> after = branchesByKey(newUnion);
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      List<Object> oldBranches = before.getOrDefault(key, List.of());
      List<Object> newBranches = after.getOrDefault(key, List.of());
      int shared = Math.min(oldBranches.size(), newBranches.size());
      for (int i = 0; i < Math.max(oldBranches.size(), newBranches.size()); i++) {
        String name = oldBranches.size() > 1 || newBranches.size() > 1 ? key + " " + (i + 1) : key;
        if (i < shared) {
          compare(path + "(" + name + ")", oldBranches.get(i), newBranches.get(i));
        } else if (i < oldBranches.size()) {
          add(path, "variant " + name + " removed", true);
        } else {
          add(path, "variant " + name + " added", false);
        }
      }
    }
  }

  private static Map<String, List<Object>> branchesByKey(Map<String, Object> union) {
    Map<String, List<Object>> byKey = new TreeMap<>();
    for (Object branch : SchemaSignature.nonNullBranches(union)) {
      byKey.computeIfAbsent(SchemaSignature.branchKey(branch), k -> new ArrayList<>()).add(branch);
    }
    return byKey;
  }

  private static List<Object> sortedBySignature(List<?> branches) {
    List<Object> sorted = new ArrayList<>(branches);
    sorted.sort(Comparator.comparing(SchemaSignature::of));
    return sorted;
  }

  /** The primitive type a schema is, directly or through {@code $ref}s to aliases; else null. */
  private static String primitiveAlias(SpecDocument spec, Object node) {
    Map<String, Object> schema = node instanceof Map ? spec.resolve(map(node)) : null;
    if (schema == null
        || !(schema.get("type") instanceof String type)
        || !PRIMITIVES.contains(type)
        || schema.containsKey("enum")) {
      return null;
    }
    return SchemaSignature.of(schema);
  }

  private void add(String path, String detail, boolean breaking) {
    changes.add(new Change(subject(path), detail, breaking));
  }

  private String subject(String path) {
    if (path.isEmpty()) {
      return label.isEmpty() ? "schema" : label;
    }
    return (label.isEmpty() ? "" : label + " ") + "property " + path;
  }

  private static Map<String, Object> properties(Map<String, Object> schema) {
    return schema.get("properties") instanceof Map ? map(schema.get("properties")) : Map.of();
  }

  private static Set<String> required(Map<String, Object> schema) {
    Set<String> names = new TreeSet<>();
    if (schema.get("required") instanceof List) {
      for (Object name : (List<?>) schema.get("required")) {
        names.add(String.valueOf(name));
      }
    }
    return names;
  }
}
