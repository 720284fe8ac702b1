package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import io.github.bt4j.spec.ChangeReport.Change;
import io.github.bt4j.spec.ChangeReport.ChangedItem;
import io.github.bt4j.spec.SchemaComparer.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the {@link ChangeReport} between two versions of the spec, from the point of view of a
 * client written against the old one.
 *
 * <p>Operations are matched by {@code METHOD path}, models (component schemas) by name. For an
 * operation in both specs it compares the operationId, the parameters (path-level and own, with
 * {@code $ref}s resolved, matched by location and name), the request body (its presence, whether it
 * is required, its media type, preferring {@code application/json}, and its schema), the response
 * status codes and the schema of the {@code 200} response. Schemas are compared structurally by
 * {@link SchemaComparer}.
 *
 * <p>A change is <b>breaking</b> when a client built against the old spec can fail against the new
 * one, or stop compiling when regenerated. The rules:
 *
 * <ul>
 *   <li>Removed operation, model, parameter, request body, property or union variant: breaking.
 *   <li>Type change (type, format, {@code $ref} target, array items, map values, {@code allOf}
 *       parts) of a parameter, body, response or property: breaking; except when both sides are the
 *       same primitive type underneath, directly or through {@code $ref}s to aliases (such as two
 *       integer parameter schemas): that is reported and not breaking.
 *   <li>Changed operationId: breaking, since generated method names derive from it.
 *   <li>New required parameter or required request body, or one that becomes required: breaking.
 *   <li>Changed request media type: breaking.
 *   <li>Enum value removed from a parameter, property or model: breaking, in either direction (the
 *       generated constant disappears); a schema gaining or losing its enum: breaking (its
 *       generated type changes); an enum value added: not breaking.
 *   <li>Removed 2xx response status: breaking; a removed error status is not.
 *   <li>In a request schema (a request body or parameter, or a model that a request body or
 *       parameter of either spec reaches): a new required property, a property that becomes
 *       required, or a schema that stops being nullable: breaking. In a response schema these are
 *       not, since the client only reads more than before.
 *   <li>Everything else is not breaking: any optional addition (operation, model, parameter,
 *       property, union variant, response status), anything that stops being required or becomes
 *       nullable, and {@code anyOf} turned into {@code oneOf} or back.
 * </ul>
 */
public final class SpecDiff {
  private final SpecDocument oldSpec;
  private final SpecDocument newSpec;

  private SpecDiff(SpecDocument oldSpec, SpecDocument newSpec) {
    this.oldSpec = oldSpec;
    this.newSpec = newSpec;
  }

  /** Compares {@code oldSpec} with {@code newSpec}; neither is modified. */
  public static ChangeReport compare(SpecDocument oldSpec, SpecDocument newSpec) {
    return new SpecDiff(oldSpec, newSpec).report();
  }

  private ChangeReport report() {
    Map<String, SpecDocument.Operation> before = operationsByKey(oldSpec);
    Map<String, SpecDocument.Operation> after = operationsByKey(newSpec);
    List<Change> operationsAdded = new ArrayList<>();
    List<Change> operationsRemoved = new ArrayList<>();
    List<ChangedItem> operationsChanged = new ArrayList<>();
    for (String key : union(before.keySet(), after.keySet(), OPERATION_ORDER)) {
      SpecDocument.Operation oldOp = before.get(key);
      SpecDocument.Operation newOp = after.get(key);
      if (oldOp == null) {
        operationsAdded.add(new Change(key, newOp.id(), false));
      } else if (newOp == null) {
        operationsRemoved.add(new Change(key, oldOp.id(), true));
      } else {
        addIfChanged(operationsChanged, key, compareOperations(oldOp, newOp));
      }
    }

    Set<String> requestModels = new HashSet<>(RequestModels.of(oldSpec));
    requestModels.addAll(RequestModels.of(newSpec));
    Map<String, Object> oldModels = schemas(oldSpec);
    Map<String, Object> newModels = schemas(newSpec);
    List<Change> modelsAdded = new ArrayList<>();
    List<Change> modelsRemoved = new ArrayList<>();
    List<ChangedItem> modelsChanged = new ArrayList<>();
    for (String name : union(oldModels.keySet(), newModels.keySet(), Comparator.naturalOrder())) {
      if (!oldModels.containsKey(name)) {
        modelsAdded.add(new Change(name, "", false));
      } else if (!newModels.containsKey(name)) {
        modelsRemoved.add(new Change(name, "", true));
      } else {
        Direction direction = requestModels.contains(name) ? Direction.REQUEST : Direction.RESPONSE;
        addIfChanged(
            modelsChanged,
            name,
            SchemaComparer.compare(
                oldSpec, newSpec, "", oldModels.get(name), newModels.get(name), direction));
      }
    }
    return new ChangeReport(
        operationsAdded,
        operationsRemoved,
        operationsChanged,
        modelsAdded,
        modelsRemoved,
        modelsChanged);
  }

  private List<Change> compareOperations(
      SpecDocument.Operation oldOp, SpecDocument.Operation newOp) {
    List<Change> changes = new ArrayList<>();
    if (!oldOp.id().equals(newOp.id())) {
      changes.add(new Change("operationId", oldOp.id() + " -> " + newOp.id(), true));
    }
    compareParameters(oldOp, newOp, changes);
    compareRequestBodies(oldOp, newOp, changes);
    compareResponses(oldOp, newOp, changes);
    return changes;
  }

  private void compareParameters(
      SpecDocument.Operation oldOp, SpecDocument.Operation newOp, List<Change> changes) {
    Map<String, Map<String, Object>> before = parametersByKey(oldSpec, oldOp);
    Map<String, Map<String, Object>> after = parametersByKey(newSpec, newOp);
    for (String key : union(before.keySet(), after.keySet(), Comparator.naturalOrder())) {
      Map<String, Object> oldParam = before.get(key);
      Map<String, Object> newParam = after.get(key);
      String subject = key;
      if (oldParam == null) {
        boolean required = isRequired(newParam);
        changes.add(
            new Change(subject, required ? "added, required" : "added, optional", required));
      } else if (newParam == null) {
        changes.add(new Change(subject, "removed", true));
      } else {
        requiredChange(subject, isRequired(oldParam), isRequired(newParam), changes);
        changes.addAll(
            SchemaComparer.compare(
                oldSpec,
                newSpec,
                subject,
                oldParam.get("schema"),
                newParam.get("schema"),
                Direction.REQUEST));
      }
    }
  }

  private void compareRequestBodies(
      SpecDocument.Operation oldOp, SpecDocument.Operation newOp, List<Change> changes) {
    Map<String, Object> oldBody = resolved(oldSpec, oldOp.body().get("requestBody"));
    Map<String, Object> newBody = resolved(newSpec, newOp.body().get("requestBody"));
    String subject = "request body";
    if (oldBody == null && newBody == null) {
      return;
    }
    if (oldBody == null) {
      boolean required = isRequired(newBody);
      changes.add(new Change(subject, required ? "added, required" : "added, optional", required));
      return;
    }
    if (newBody == null) {
      changes.add(new Change(subject, "removed", true));
      return;
    }
    requiredChange(subject, isRequired(oldBody), isRequired(newBody), changes);
    String oldType = mediaType(oldBody);
    String newType = mediaType(newBody);
    if (oldType != null && newType != null && !oldType.equals(newType)) {
      changes.add(new Change(subject, "media type " + oldType + " -> " + newType, true));
    }
    changes.addAll(
        SchemaComparer.compare(
            oldSpec,
            newSpec,
            subject,
            mediaSchema(oldBody, oldType),
            mediaSchema(newBody, newType),
            Direction.REQUEST));
  }

  private void compareResponses(
      SpecDocument.Operation oldOp, SpecDocument.Operation newOp, List<Change> changes) {
    Map<String, Object> before = responses(oldOp);
    Map<String, Object> after = responses(newOp);
    for (String status : union(before.keySet(), after.keySet(), Comparator.naturalOrder())) {
      String subject = "response " + status;
      if (!before.containsKey(status)) {
        changes.add(new Change(subject, "added", false));
      } else if (!after.containsKey(status)) {
        changes.add(new Change(subject, "removed", status.startsWith("2")));
      } else if (status.equals("200")) {
        Map<String, Object> oldResponse = resolved(oldSpec, before.get(status));
        Map<String, Object> newResponse = resolved(newSpec, after.get(status));
        changes.addAll(
            SchemaComparer.compare(
                oldSpec,
                newSpec,
                subject,
                mediaSchema(oldResponse, mediaType(oldResponse)),
                mediaSchema(newResponse, mediaType(newResponse)),
                Direction.RESPONSE));
      }
    }
  }

  private static void requiredChange(
      String subject, boolean wasRequired, boolean isRequired, List<Change> changes) {
    if (!wasRequired && isRequired) {
      changes.add(new Change(subject, "now required", true));
    } else if (wasRequired && !isRequired) {
      changes.add(new Change(subject, "no longer required", false));
    }
  }

  private static void addIfChanged(List<ChangedItem> items, String name, List<Change> changes) {
    if (!changes.isEmpty()) {
      List<Change> sorted = new ArrayList<>(changes);
      sorted.sort(Comparator.comparing(Change::subject).thenComparing(Change::detail));
      items.add(new ChangedItem(name, sorted));
    }
  }

  // ---- look-ups ------------------------------------------------------------------------------

  /** Orders {@code METHOD path} keys by path, then by the method's place in the path item. */
  private static final Comparator<String> OPERATION_ORDER =
      Comparator.comparing((String key) -> key.substring(key.indexOf(' ') + 1))
          .thenComparing(
              key ->
                  SpecDocument.HTTP_METHODS.indexOf(
                      key.substring(0, key.indexOf(' ')).toLowerCase(Locale.ROOT)));

  private static Set<String> union(Set<String> a, Set<String> b, Comparator<String> order) {
    Set<String> all = new TreeSet<>(order);
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, SpecDocument.Operation> operationsByKey(SpecDocument spec) {
    Map<String, SpecDocument.Operation> byKey = new LinkedHashMap<>();
    for (SpecDocument.Operation op : spec.operations()) {
      byKey.put(op.key(), op);
    }
    return byKey;
  }

  private static Map<String, Object> schemas(SpecDocument spec) {
    Object components = spec.root().get("components");
    if (components instanceof Map && map(components).get("schemas") instanceof Map) {
      return map(map(components).get("schemas"));
    }
    return Map.of();
  }

  private static Map<String, Map<String, Object>> parametersByKey(
      SpecDocument spec, SpecDocument.Operation op) {
    Map<String, Map<String, Object>> byKey = new TreeMap<>();
    for (Map<String, Object> parameter : spec.parameters(op)) {
      byKey.put(parameter.get("in") + " parameter " + parameter.get("name"), parameter);
    }
    return byKey;
  }

  private static boolean isRequired(Map<String, Object> parameterOrBody) {
    return Boolean.TRUE.equals(parameterOrBody.get("required"))
        || "path".equals(parameterOrBody.get("in"));
  }

  private static Map<String, Object> resolved(SpecDocument spec, Object node) {
    return node instanceof Map ? spec.resolve(map(node)) : null;
  }

  private static Map<String, Object> responses(SpecDocument.Operation op) {
    Map<String, Object> byStatus = new TreeMap<>();
    if (op.body().get("responses") instanceof Map) {
      map(op.body().get("responses"))
          .forEach((status, response) -> byStatus.put(String.valueOf(status), response));
    }
    return byStatus;
  }

  /** {@code application/json} if the body or response has it, else its first media type. */
  private static String mediaType(Map<String, Object> bodyOrResponse) {
    if (bodyOrResponse == null || !(bodyOrResponse.get("content") instanceof Map)) {
      return null;
    }
    Map<String, Object> content = map(bodyOrResponse.get("content"));
    if (content.containsKey("application/json")) {
      return "application/json";
    }
    return content.isEmpty() ? null : content.keySet().iterator().next();
  }

  private static Object mediaSchema(Map<String, Object> bodyOrResponse, String mediaType) {
    if (mediaType == null) {
      return null;
    }
    Object media = map(bodyOrResponse.get("content")).get(mediaType);
    return media instanceof Map ? map(media).get("schema") : null;
  }
}
