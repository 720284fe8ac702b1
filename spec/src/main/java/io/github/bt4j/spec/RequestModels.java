package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the component schemas a client sends: those that a request body or a parameter refers to,
 * directly or through other components. Each component is walked once.
 */
final class RequestModels {
  private static final String SCHEMA_REF = "#/components/schemas/";

  private RequestModels() {}

  /** The names of the component schemas that requests of {@code spec} can contain. */
  static Set<String> of(SpecDocument spec) {
    Deque<Object> pending = new ArrayDeque<>();
    for (SpecDocument.Operation op : spec.operations()) {
      for (Map<String, Object> parameter : spec.parameters(op)) {
        pending.add(parameter);
      }
      if (op.body().get("requestBody") instanceof Map) {
        pending.add(spec.resolve(map(op.body().get("requestBody"))));
      }
    }
    Set<String> names = new HashSet<>();
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      if (node instanceof Map) {
        Object ref = map(node).get("$ref");
        if (ref instanceof String && ((String) ref).startsWith(SCHEMA_REF)) {
          String name = ((String) ref).substring(SCHEMA_REF.length());
          if (names.add(name) && spec.schemas().get(name) != null) {
            pending.add(spec.schemas().get(name));
          }
        }
        pushAll(pending, map(node).values());
      } else if (node instanceof Iterable) {
        pushAll(pending, (Iterable<?>) node);
      }
    }
    return names;
  }

  private static void pushAll(Deque<Object> pending, Iterable<?> children) {
    for (Object child : children) {
      if (child != null) {
        pending.push(child);
      }
    }
  }
}
