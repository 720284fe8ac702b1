package io.github.bt4j.generated;

import static io.github.bt4j.spec.SpecDocument.map;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.bt4j.spec.SpecDocument;
import io.github.bt4j.testsupport.Schemas;
import io.github.bt4j.testsupport.Specs;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every component schema of the prepared spec has the class the generator should write for it, and
 * that class has a {@code @SerializedName} field for every property, including every branch's
 * properties of a union of objects and, recursively, those of inline object properties.
 *
 * <p>This is the guard of the preparer's title rule: without it an inline schema titled {@code
 * experiment} silently becomes the class {@code Experiment}, and the component's fields vanish.
 *
 * <p>Which schemas get a class is decided by their shape ({@link GeneratedModels.Shape}); a schema
 * without a class must be free-form ({@code x-bt4j-union}, or no {@code type}), a primitive, a map
 * without properties ({@code FunctionIdRef}) or an array. No schema needs an exception beyond these
 * rules. The class name comes from {@link GeneratedModels#className}.
 */
class ComponentSchemaClassesTest {
  private static final SpecDocument SPEC = Specs.prepared();

  @Test
  void theSpecHasComponentSchemasOfEveryShapeWeExpect() {
    Map<GeneratedModels.Shape, Integer> counts = new LinkedHashMap<>();
    SPEC.schemas()
        .values()
        .forEach(s -> counts.merge(GeneratedModels.shapeOf(map(s)), 1, Integer::sum));
    // A spec change that removes a whole shape would make the checks below vacuous.
    assertTrue(counts.getOrDefault(GeneratedModels.Shape.CLASS, 0) > 100, counts.toString());
    assertTrue(counts.getOrDefault(GeneratedModels.Shape.ENUM, 0) > 5, counts.toString());
    assertTrue(
        counts.getOrDefault(GeneratedModels.Shape.FREE_FORM_UNION, 0) > 0, counts.toString());
  }

  @TestFactory
  Stream<DynamicTest> everyComponentSchemaHasItsClassWithEveryProperty() {
    return SPEC.schemas().entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), map(e.getValue()))));
  }

  private static void check(String name, Map<String, Object> schema) {
    if (Boolean.TRUE.equals(schema.get("x-bt4j-params"))) {
      return; // a parameters class: query parameters, not JSON (see ParamsClassesTest)
    }
    String className = GeneratedModels.className(name);
    Optional<Class<?>> type = GeneratedModels.modelClass(className);
    GeneratedModels.Shape shape = GeneratedModels.shapeOf(schema);
    switch (shape) {
      case CLASS -> {
        if (type.isEmpty()) {
          fail("schema " + name + " (" + shape + ") has no generated class " + className);
        }
        List<String> problems = new ArrayList<>();
        checkUnionBranchesAreObjects(name, schema, problems);
        checkObject(schema, type.get(), name, problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
      }
      case ENUM -> {
        if (type.isEmpty() || !type.get().isEnum()) {
          fail("enum schema " + name + " has no generated enum " + className);
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object constant : type.get().getEnumConstants()) {
          values.add(String.valueOf(constant));
        }
        for (Object value : (List<?>) schema.get("enum")) {
          if (value != null) {
            assertTrue(
                values.contains(String.valueOf(value)),
                className + " has no constant for " + value + "; it has " + values);
          }
        }
      }
      default -> {
        // FREE_FORM_UNION, PRIMITIVE, MAP, ANY and ARRAY schemas need no class: they are used as
        // Object, String (or another Java type), Map or List.
      }
    }
  }

  /** The retrofit2 library makes an empty class of a union that still has a primitive branch. */
  private static void checkUnionBranchesAreObjects(
      String where, Map<String, Object> schema, List<String> problems) {
    if (!SpecDocument.isUnion(schema)) {
      return;
    }
    for (Map<String, Object> branch : Schemas.branches(schema)) {
      Map<String, Object> b = SPEC.resolve(branch);
      boolean objectish =
          SpecDocument.isUnion(b)
              || b.get("allOf") instanceof List
              || b.containsKey("properties")
              || "null".equals(b.get("type"))
              || ("object".equals(b.get("type")) && !b.containsKey("enum"));
      if (!objectish) {
        problems.add(where + ": union branch " + branch + " is not an object");
      } else if (SpecDocument.isUnion(b)) {
        checkUnionBranchesAreObjects(where, b, problems);
      }
    }
  }

  /** Checks that {@code type} has a field for every property {@code schema} declares. */
  private static void checkObject(
      Map<String, Object> schema, Class<?> type, String where, List<String> problems) {
    Map<String, Field> fields = GeneratedModels.serializedFields(type);
    for (Map.Entry<String, Map<String, Object>> p : allProperties(schema).entrySet()) {
      Field field = fields.get(p.getKey());
      if (field == null) {
        problems.add(
            where
                + ": "
                + type.getSimpleName()
                + " has no field @SerializedName(\""
                + p.getKey()
                + "\"); it has "
                + fields.keySet());
      } else {
        checkValue(p.getValue(), field.getGenericType(), where + "." + p.getKey(), problems);
      }
    }
  }

  /**
   * Follows an inline schema into the Java type generated for it. A {@code $ref} is not followed:
   * its component gets its own check.
   */
  private static void checkValue(
      Map<String, Object> schema, Type javaType, String where, List<String> problems) {
    if (schema == null || Schemas.refName(schema) != null) {
      return;
    }
    Class<?> raw = rawType(javaType);
    if (!allProperties(schema).isEmpty()) {
      if (raw.equals(Object.class) || raw.equals(Map.class)) {
        // A free-form value (the generator's pick when branches disagree) keeps every property.
        return;
      }
      if (!GeneratedModels.isModel(raw)) {
        problems.add(where + ": inline object is typed " + javaType.getTypeName());
      } else {
        checkObject(schema, raw, where, problems);
      }
    } else if ("array".equals(schema.get("type")) && schema.get("items") instanceof Map) {
      if (Collection.class.isAssignableFrom(raw)) {
        checkValue(map(schema.get("items")), typeArgument(javaType, 0), where + "[]", problems);
      }
    } else if (schema.get("additionalProperties") instanceof Map && Map.class.equals(raw)) {
      checkValue(
          map(schema.get("additionalProperties")),
          typeArgument(javaType, 1),
          where + "{}",
          problems);
    }
  }

  /** Every property of a schema, through allOf members and union branches, refs resolved. */
  static Map<String, Map<String, Object>> allProperties(Map<String, Object> schema) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    collectProperties(SPEC.resolve(schema), out, 0);
    return out;
  }

  private static void collectProperties(
      Map<String, Object> schema, Map<String, Map<String, Object>> out, int depth) {
    if (schema == null || depth > 16) {
      return;
    }
    Schemas.properties(schema).forEach((k, v) -> out.putIfAbsent(k, map(v)));
    for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
      for (Map<String, Object> member : Schemas.members(schema, keyword)) {
        collectProperties(SPEC.resolve(member), out, depth + 1);
      }
    }
  }

  static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
