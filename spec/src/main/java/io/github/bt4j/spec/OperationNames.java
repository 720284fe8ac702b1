package io.github.bt4j.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the fluent method name of each operation ({@code create}, {@code list}, {@code get},
 * {@code insert}, {@code batchUpdate}...) from its operationId, path, method and tag, so that a new
 * spec needs no hand-written names.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>An explicit {@code x-bt4j-method} on the operation wins.
 *   <li>A leading verb is cut from the operationId ({@code get|post|put|patch|delete|list|create|
 *       update}), then the resource's own name ({@code Project}, {@code ProjectLogs}, the tag),
 *       then a leading {@code Id}.
 *   <li>Nothing left means plain CRUD: {@code list}/{@code get} for GET (by whether the path ends
 *       in a parameter), {@code create}, {@code replace}, {@code update}, {@code delete}, and
 *       {@code deleteMatching} for a DELETE that names its object in the body.
 *   <li>Otherwise what is left, lower-camel-cased, is the name ({@code insert}, {@code fetch},
 *       {@code batchUpdate}, {@code chatCompletions}); a PATCH gets an {@code update} prefix.
 *   <li>A greedy path parameter ({@code {path+}}) makes the operation {@code forward}.
 *   <li>When two operations of one resource get the same name, the later one gets its HTTP method
 *       appended; paths are taken in document order, the methods of a path in the order {@code get,
 *       put, post, delete, ...} ({@code GET .../fetch} is {@code fetch}, {@code POST .../fetch} is
 *       {@code fetchPost}).
 * </ol>
 */
public final class OperationNames {
  private static final Pattern VERB =
      Pattern.compile("^(get|post|put|patch|delete|list|create|update)(?=[A-Z{]|$)(.*)$");

  private OperationNames() {}

  /** Assigns a unique method name to every operation, keyed by operation key. */
  public static Map<String, String> assign(List<SpecDocument.Operation> operations) {
    Map<String, String> names = new HashMap<>();
    Map<String, String> taken = new HashMap<>();
    for (SpecDocument.Operation op : operations) {
      String name = nameOf(op);
      String slot = op.tag() + "#" + name;
      if (taken.containsKey(slot)) {
        name = name + capitalize(op.method());
        slot = op.tag() + "#" + name;
      }
      taken.put(slot, op.key());
      names.put(op.key(), name);
    }
    return names;
  }

  /** The method name of one operation, before collisions are resolved. */
  public static String nameOf(SpecDocument.Operation op) {
    Object explicit = op.body().get("x-bt4j-method");
    if (explicit instanceof String) {
      return (String) explicit;
    }
    if (op.path().contains("+}")) {
      return "forward";
    }
    String rest = op.id();
    String verb = op.method();
    Matcher m = VERB.matcher(rest);
    if (m.matches()) {
      verb = m.group(1);
      rest = m.group(2);
    }
    rest = stripResourceName(rest, op);
    if (rest.startsWith("Id") && (rest.length() == 2 || Character.isUpperCase(rest.charAt(2)))) {
      rest = rest.substring(2);
    }
    rest = rest.replaceAll("[^A-Za-z0-9]", "");
    boolean endsInParam = op.path().endsWith("}");
    if (rest.isEmpty()) {
      switch (verb) {
        case "get":
          return endsInParam ? "get" : "list";
        case "list":
          return "list";
        case "post":
        case "create":
          return "create";
        case "put":
          return "replace";
        case "patch":
        case "update":
          return "update";
        case "delete":
          return endsInParam ? "delete" : "deleteMatching";
        default:
          return verb;
      }
    }
    String name = decapitalize(rest);
    if (verb.equals("patch") || verb.equals("update")) {
      return "update" + capitalize(name);
    }
    return name;
  }

  private static String stripResourceName(String rest, SpecDocument.Operation op) {
    String tag = op.tag() == null ? "" : op.tag();
    String collection = camel(firstStaticSegment(op.path()));
    String[] candidates = {tag, collection, singular(tag), singular(collection)};
    String best = "";
    for (String candidate : candidates) {
      if (!candidate.isEmpty()
          && rest.toLowerCase(Locale.ROOT).startsWith(candidate.toLowerCase(Locale.ROOT))
          && candidate.length() > best.length()
          && (rest.length() == candidate.length()
              || !Character.isLowerCase(rest.charAt(candidate.length()))
              || rest.startsWith(candidate.toLowerCase(Locale.ROOT)))) {
        best = candidate;
      }
    }
    return rest.substring(best.length());
  }

  private static String firstStaticSegment(String path) {
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !segment.equals("v1") && !segment.startsWith("{")) {
        return segment;
      }
    }
    return "";
  }

  /** {@code project_logs} to {@code ProjectLogs}. */
  static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    for (String word : snake.split("[^A-Za-z0-9]+")) {
      out.append(capitalize(word));
    }
    return out.toString();
  }

  private static String singular(String word) {
    return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String decapitalize(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
