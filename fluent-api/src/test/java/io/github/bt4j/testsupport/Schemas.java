package io.github.bt4j.testsupport;

import static io.github.bt4j.spec.SpecDocument.map;

import io.github.bt4j.spec.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Look-ups on the schema nodes of a {@link SpecDocument} that the tests share. */
public final class Schemas {
  private static final String COMPONENT_REF = "#/components/schemas/";

  private Schemas() {}

  /** The component name a {@code $ref} node points to, or null if the node is no reference. */
  public static String refName(Map<String, Object> node) {
    if (!(node.get("$ref") instanceof String ref)) {
      return null;
    }
    if (!ref.startsWith(COMPONENT_REF)) {
      throw new IllegalArgumentException("unexpected reference " + ref);
    }
    return ref.substring(COMPONENT_REF.length());
  }

  /** {@code oneOf} or {@code anyOf}, whichever the union uses. */
  public static String unionKeyword(Map<String, Object> union) {
    return union.get("oneOf") instanceof List ? "oneOf" : "anyOf";
  }

  /** The branches of a {@code oneOf}/{@code anyOf}. */
  public static List<Map<String, Object>> branches(Map<String, Object> union) {
    return members(union, unionKeyword(union));
  }

  /** The schemas listed under {@code keyword} ({@code allOf}, {@code oneOf}, ...), if any. */
  public static List<Map<String, Object>> members(Map<String, Object> schema, String keyword) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (schema.get(keyword) instanceof List<?> list) {
      list.forEach(o -> out.add(map(o)));
    }
    return out;
  }

  /** The declared properties, or an empty map. */
  public static Map<String, Object> properties(Map<String, Object> schema) {
    return schema.get("properties") instanceof Map ? map(schema.get("properties")) : Map.of();
  }

  /** The names of the required properties. */
  public static Set<String> required(Map<String, Object> schema) {
    Set<String> out = new LinkedHashSet<>();
    if (schema.get("required") instanceof List<?> list) {
      list.forEach(o -> out.add(String.valueOf(o)));
    }
    return out;
  }

  /**
   * The name the component schema {@code bundledName} of the bundled spec has in {@code prepared}:
   * the same, or the name the spec tool gave it (it marks a renamed schema {@code
   * x-bt4j-renamed-from}).
   */
  public static String preparedName(SpecDocument prepared, String bundledName) {
    for (Map.Entry<String, Object> e : prepared.schemas().entrySet()) {
      if (bundledName.equals(map(e.getValue()).get("x-bt4j-renamed-from"))) {
        return e.getKey();
      }
    }
    return bundledName;
  }

  /** Whether {@code schema} has a keyword that gives it a type; without one it accepts anything. */
  public static boolean hasTypeKeyword(Map<String, Object> schema) {
    return SpecDocument.hasTypeKeyword(schema);
  }

  /**
   * Whether a union branch means "or null": {@code {type: null}}, or {@code {nullable: true}} with
   * nothing that gives a type, the spec's way of writing it (as {@code
   * PatchProjectAutomation.config}'s last branch). Read literally the latter would accept any
   * value, so every value would match two branches of a {@code oneOf}; the spec tool reads it as
   * null too ({@code SchemaSignature.isNullable}).
   */
  public static boolean isNullBranch(Object branch) {
    if (!(branch instanceof Map)) {
      return false;
    }
    Map<String, Object> schema = map(branch);
    return "null".equals(schema.get("type"))
        || (Boolean.TRUE.equals(schema.get("nullable")) && !hasTypeKeyword(schema));
  }
}
