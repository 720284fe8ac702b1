package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Declares, for each operation with optional parameters, a schema {@code <Resource><Method>Params}
 * ({@code ProjectListParams}) holding them, marked {@code x-bt4j-params}: the model template
 * renders it as an immutable parameters class with a builder, and the operation names it in {@code
 * x-bt4j-params-class}.
 */
final class ParamsClasses {
  private final SpecDocument spec;

  ParamsClasses(SpecDocument spec) {
    this.spec = spec;
  }

  /** Declares the parameters schemas; returns how many. */
  int apply() {
    int declared = 0;
    for (SpecDocument.Operation op : spec.operations()) {
      Map<String, Object> properties = new LinkedHashMap<>();
      for (Map<String, Object> parameter : spec.parameters(op)) {
        if (!Boolean.TRUE.equals(parameter.get("required"))
            && parameter.get("schema") instanceof Map) {
          Map<String, Object> schema = new LinkedHashMap<>(map(parameter.get("schema")));
          if (parameter.get("description") instanceof String && !schema.containsKey("$ref")) {
            schema.put("description", parameter.get("description"));
          }
          properties.put((String) parameter.get("name"), schema);
        }
      }
      if (properties.isEmpty()) {
        continue;
      }
      String name =
          ModelNames.resourceOf(op.tag())
              + capitalize(String.valueOf(op.body().get("x-bt4j-method")))
              + "Params";
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "object");
      schema.put(
          "description",
          "The optional parameters of "
              + op.method().toUpperCase(java.util.Locale.ROOT)
              + " "
              + op.path()
              + ".");
      schema.put("properties", properties);
      schema.put("x-bt4j-params", true);
      spec.schemas().put(name, schema);
      op.body().put("x-bt4j-params-class", name);
      declared++;
    }
    return declared;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
