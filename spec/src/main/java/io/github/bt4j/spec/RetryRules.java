package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from the spec when a request may be sent twice, as the rule {@code x-bt4j-retry} the
 * client applies to each request as it is about to be sent (its {@code RetryRule}):
 *
 * <ul>
 *   <li>{@code always}: reads, {@code PUT}, {@code DELETE}, fetches and queries sent by POST, and
 *       operations the spec calls idempotent (or, for a create, idempotent on the same contents).
 *   <li>{@code when-named P [unless Q...]}: a create the spec says returns the existing object with
 *       the same {@code P} (a name or slug). Sending it twice is harmless only if the body carries
 *       {@code P}, and none of the {@code Q}s (boolean properties the spec says override returning
 *       the existing one, such as {@code ensure_new}) is set.
 *   <li>{@code with-event-ids E... [unless Q...]}: an insert. The client gives every object of each
 *       {@code events} list {@code E} an id before the first try, so a retry upserts; any other
 *       list {@code Q} (such as the cross-object insert's {@code feedback}) cannot be made
 *       idempotent, so a body that has one is sent once.
 *   <li>{@code never}: any other write.
 * </ul>
 *
 * Paths are property names joined by dots; {@code *} stands for every entry of a map (an object
 * whose properties are {@code additionalProperties}).
 */
final class RetryRules {
  private static final Pattern SAME = Pattern.compile("with the same (\\w+)|same (\\w+) as");
  private static final int MAX_DEPTH = 4;

  private final SpecDocument spec;

  RetryRules(SpecDocument spec) {
    this.spec = spec;
  }

  /** The rule of {@code op}. */
  String of(SpecDocument.Operation op) {
    switch (op.method()) {
      case "get":
      case "head":
      case "put":
      case "delete":
        return "always";
      case "post":
        return ofPost(op);
      default:
        return "never";
    }
  }

  private String ofPost(SpecDocument.Operation op) {
    String path = op.path();
    String description = describe(op.body());
    if (path.endsWith("/fetch")
        || path.equals("/btql")
        || description.contains("operation is idempotent")) {
      return "always";
    }
    Map<String, Object> body = requestSchema(op);
    if (path.endsWith("/insert")) {
      return body == null ? "never" : insertRule(body);
    }
    if (description.contains("return the existing")) {
      return body == null ? "never" : createRule(description, body);
    }
    return "never";
  }

  private String insertRule(Map<String, Object> body) {
    List<String> events = new ArrayList<>();
    List<String> others = new ArrayList<>();
    collectLists(body, "", events, others, 0);
    if (events.isEmpty()) {
      return "never";
    }
    return "with-event-ids " + String.join(" ", events) + unless(others);
  }

  /** Sorts the lists below {@code schema} into event lists (items with an id) and the rest. */
  private void collectLists(
      Map<String, Object> schema,
      String prefix,
      List<String> events,
      List<String> others,
      int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    for (Map.Entry<String, Object> p : properties(schema).entrySet()) {
      Map<String, Object> property = resolved(p.getValue());
      if (property == null) {
        continue;
      }
      String path = prefix + p.getKey();
      if ("array".equals(property.get("type"))) {
        Map<String, Object> items = resolved(property.get("items"));
        boolean hasId = items != null && properties(items).containsKey("id");
        (p.getKey().equals("events") && hasId ? events : others).add(path);
      } else {
        collectLists(property, path + ".", events, others, depth + 1);
        Map<String, Object> entries = resolved(property.get("additionalProperties"));
        if (entries != null) {
          collectLists(entries, path + ".*.", events, others, depth + 1);
        }
      }
    }
  }

  private String createRule(String description, Map<String, Object> body) {
    Matcher same = SAME.matcher(description);
    if (!same.find()) {
      return "never";
    }
    String key = same.group(1) != null ? same.group(1) : same.group(2);
    if (key.equals("contents")) {
      return "always";
    }
    Map<String, Object> properties = properties(body);
    if (!properties.containsKey(key)) {
      return "never";
    }
    List<String> overrides = new ArrayList<>();
    for (Map.Entry<String, Object> p : properties.entrySet()) {
      Map<String, Object> property = resolved(p.getValue());
      if (property != null
          && "boolean".equals(property.get("type"))
          && describe(property).contains("return the existing")) {
        overrides.add(p.getKey());
      }
    }
    return "when-named " + key + unless(overrides);
  }

  private static String unless(List<String> paths) {
    return paths.isEmpty() ? "" : " unless " + String.join(" ", paths);
  }

  /** The JSON request body schema of {@code op}, resolved, or null. */
  private Map<String, Object> requestSchema(SpecDocument.Operation op) {
    Map<String, Object> requestBody = resolved(op.body().get("requestBody"));
    Object content = requestBody == null ? null : requestBody.get("content");
    if (!(content instanceof Map) || !(map(content).get("application/json") instanceof Map)) {
      return null;
    }
    return resolved(map(map(content).get("application/json")).get("schema"));
  }

  private Map<String, Object> resolved(Object node) {
    return node instanceof Map ? spec.resolve(map(node)) : null;
  }

  private static Map<String, Object> properties(Map<String, Object> schema) {
    Object properties = schema.get("properties");
    return properties instanceof Map ? map(properties) : Map.of();
  }

  /** The description, lower case with whitespace runs as one space (YAML folds long lines). */
  private static String describe(Map<String, Object> node) {
    return String.valueOf(node.get("description")).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
