package io.github.bt4j.generated;

import com.google.gson.annotations.SerializedName;
import io.github.bt4j.spec.SpecDocument;
import io.github.bt4j.testsupport.Schemas;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How openapi-generator names the classes it writes, and what those classes hold. */
final class GeneratedModels {
  static final String MODEL_PACKAGE = "io.github.bt4j.models";

  // The Java keywords and java.lang names the java generator refuses as class names.
  private static final Set<String> RESERVED =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "object",
          "list",
          "file",
          "localdate",
          "localreturntype",
          "localvarformparams");

  private GeneratedModels() {}

  /**
   * The class name the generator gives a component schema: characters other than letters, digits
   * and {@code _} act as word breaks, each word gets an upper-case first letter (the rest is kept,
   * so {@code AISecret} stays {@code AISecret}), and a name that is a reserved word or starts with
   * a digit gets a {@code Model} prefix.
   */
  static String className(String schemaName) {
    StringBuilder out = new StringBuilder();
    for (String word : schemaName.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    String name = out.toString();
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT)) || name.matches("^[0-9].*")) {
      return "Model" + name;
    }
    return name;
  }

  /** The generated model class of that simple name, if the generator wrote one. */
  static Optional<Class<?>> modelClass(String simpleName) {
    try {
      return Optional.of(
          Class.forName(
              MODEL_PACKAGE + "." + simpleName, false, GeneratedModels.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  static boolean isModel(Class<?> type) {
    return type.getName().startsWith(MODEL_PACKAGE + ".");
  }

  /**
   * The instance fields of a class and its generated superclasses, by their {@code SerializedName}.
   */
  static Map<String, Field> serializedFields(Class<?> type) {
    Map<String, Field> out = new LinkedHashMap<>();
    for (Class<?> c = type; c != null && isModel(c); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        SerializedName name = f.getAnnotation(SerializedName.class);
        if (name != null && !Modifier.isStatic(f.getModifiers())) {
          out.putIfAbsent(name.value(), f);
        }
      }
    }
    return out;
  }

  /** What the generator makes of a component schema. */
  enum Shape {
    /** A class with fields: an object with properties, a union of objects, an allOf. */
    CLASS,
    /** A Java enum. */
    ENUM,
    /** No class: the preparer made a union with a primitive branch free-form (Java Object). */
    FREE_FORM_UNION,
    /** No class: a string, number, integer or boolean, used as that Java type. */
    PRIMITIVE,
    /** No class: an object without properties, used as a Map. */
    MAP,
    /** No class: no type at all, used as Object. */
    ANY,
    /** No class: an array, used as a List. */
    ARRAY
  }

  /** What the generator makes of a component schema of the prepared spec. */
  static Shape shapeOf(Map<String, Object> schema) {
    if (schema.containsKey("x-bt4j-union")) {
      return Shape.FREE_FORM_UNION;
    }
    if (SpecDocument.isUnion(schema) || schema.get("allOf") instanceof List) {
      return Shape.CLASS;
    }
    if (schema.get("enum") instanceof List) {
      return Shape.ENUM;
    }
    Object type = schema.get("type");
    if ("array".equals(type)) {
      return Shape.ARRAY;
    }
    if ("object".equals(type) || schema.containsKey("properties")) {
      return Schemas.properties(schema).isEmpty() ? Shape.MAP : Shape.CLASS;
    }
    return type == null ? Shape.ANY : Shape.PRIMITIVE;
  }
}
