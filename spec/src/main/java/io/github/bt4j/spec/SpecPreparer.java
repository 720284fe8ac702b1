package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.isUnion;
import static io.github.bt4j.spec.SpecDocument.map;
import static io.github.bt4j.spec.SpecDocument.unionBranches;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the bundled spec into the spec the generators read. Each rule fixes a way in which
 * openapi-generator's {@code java}/{@code retrofit2} output would otherwise be wrong, and each rule
 * is general, so that a newer spec gets the same treatment without hand edits:
 *
 * <ul>
 *   <li><b>Additions.</b> Paths and schemas of {@code bt4j-additions.yaml} (such as {@code POST
 *       /btql}) are merged in; what the spec declares itself wins. Its {@code
 *       x-bt4j-operation-extensions} are laid onto the operations they name by operationId (such as
 *       {@code x-bt4j-streaming}, for operations that can answer with an event stream).
 *   <li><b>Title clashes.</b> An inline schema whose {@code title} would become the class name of a
 *       component schema (an inline {@code experiment} replacing {@code Experiment}) or of another
 *       inline schema is renamed to {@code <Owner><Title>}.
 *   <li><b>One-or-many query parameters.</b> A query parameter typed {@code anyOf: [X, X[]]}
 *       becomes a list of X sent as repeated parameters ({@code ids=a&ids=b}), which the server
 *       accepts for one value too.
 *   <li><b>Unions with a primitive branch.</b> The retrofit2 library turns a {@code oneOf}/{@code
 *       anyOf} that has a string, number, boolean or array branch into an empty class, so its data
 *       is lost. Such a union of one primitive type (often with {@code null}) becomes that type;
 *       any other becomes a free-form value ({@code Object} in Java) that keeps every branch.
 *   <li><b>Unions of objects.</b> The retrofit2 library makes one class of a union of objects, but
 *       where branches declare a property differently it keeps only one declaration: a {@code role}
 *       enum with only the last branch's value, a {@code url} missing from an {@code action}
 *       object, a number typed integer; and one branch's defaults and required lists are written
 *       for every branch. Such a union becomes one object with every branch's properties: a
 *       property declared differently gets a declaration that holds every branch's values (enum
 *       values united, objects merged the same way, other disagreements free-form), a property not
 *       in every branch loses its default, only properties every branch requires stay required, and
 *       the object is open when a branch is.
 *   <li><b>Bodies are positional.</b> Every request body is marked required, so that generated
 *       methods take it as an argument.
 *   <li><b>Greedy path parameters.</b> {@code {path+}} becomes {@code {path}}, a name Retrofit
 *       accepts; the parameter becomes one string of slash-separated segments (the spec types it as
 *       an array, which Retrofit would send as {@code [a, b]}) and is marked {@code x-bt4j-greedy},
 *       so that the client sends its slashes as they are.
 *   <li><b>Bodies on DELETE.</b> A DELETE operation with a request body is marked {@code
 *       x-bt4j-delete-with-body}: Retrofit's {@code @DELETE} refuses a body, so the generated
 *       interface declares it with {@code @HTTP(hasBody = true)}.
 *   <li><b>Fluent annotations.</b> Each operation gets {@code x-bt4j-method} (its fluent method
 *       name, see {@link OperationNames}), {@code x-bt4j-params-class} (the class of its optional
 *       parameters), {@code x-bt4j-retry} (when a request of it may be sent twice, see {@link
 *       RetryRules}), {@code x-bt4j-events-item} (the event class of an insert's {@code events}
 *       list), {@code x-bt4j-stream-event} (the event class of an operation marked {@code
 *       x-bt4j-streaming}) and, for list operations, {@code x-bt4j-list-item} (the item class) and
 *       {@code x-bt4j-list-pageable} (whether it pages with {@code limit} and {@code
 *       starting_after}). Then the model names and parameters classes: see {@link ModelNames} and
 *       {@link ParamsClasses}.
 *   <li><b>Secrets.</b> String properties that carry a credential ({@code secret}, {@code key},
 *       {@code api_key}, {@code oauth_token}..., or any value the spec says is "encrypted at rest",
 *       such as an environment variable's) get {@code format: password}, so that the generated
 *       {@code toString()} prints {@code *} instead of the value; every such property's name is
 *       listed at the root as {@code x-bt4j-secret-properties}, for the client's log redaction.
 *   <li><b>CORS.</b> {@code OPTIONS} operations are dropped.
 *   <li><b>Prose.</b> Descriptions and summaries are rewritten as Javadoc (see {@link
 *       JavadocText}), so that the templates print them as they are: no HTML entities, and no text
 *       that could end a comment.
 * </ul>
 */
public final class SpecPreparer {
  private final SpecDocument spec;
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  /** Prepares {@code spec} in place. */
  public SpecPreparer(SpecDocument spec) {
    this.spec = spec;
  }

  /** Applies every rule, merging {@code additions} first; returns how often each rule fired. */
  public Map<String, Integer> prepare(SpecDocument additions) {
    if (additions != null) {
      mergeAdditions(additions);
    }
    dropOptionsOperations();
    renameGreedyPathParameters();
    renameClashingTitles();
    listifyOneOrManyQueryParameters();
    simplifyPrimitiveUnions();
    mergeObjectUnions();
    requireRequestBodies();
    markSecrets(spec.schemas());
    markSecrets(spec.paths());
    listSecrets();
    annotateOperations();
    counts.put("models given user-facing names", new ModelNames(spec).apply());
    counts.put("parameters classes declared", new ParamsClasses(spec).apply());
    // last: the rules above read the prose as the spec wrote it
    counts.put("descriptions written as Javadoc", JavadocText.apply(spec));
    return counts;
  }

  private void count(String rule) {
    counts.merge(rule, 1, Integer::sum);
  }

  private void mergeAdditions(SpecDocument additions) {
    for (Map.Entry<String, Object> path : additions.paths().entrySet()) {
      if (spec.paths().putIfAbsent(path.getKey(), path.getValue()) == null) {
        count("paths added from bt4j-additions.yaml");
      }
    }
    for (Map.Entry<String, Object> schema : additions.schemas().entrySet()) {
      if (spec.schemas().putIfAbsent(schema.getKey(), schema.getValue()) == null) {
        count("schemas added from bt4j-additions.yaml");
      }
    }
    Object extensions = additions.root().get("x-bt4j-operation-extensions");
    if (extensions instanceof Map) {
      for (SpecDocument.Operation op : spec.operations()) {
        Object extra = map(extensions).get(op.id());
        if (extra instanceof Map) {
          op.body().putAll(map(extra));
          // the body's declared type is read by the templates from the body parameter itself
          Object bodyType = map(extra).get("x-bt4j-body-type");
          if (bodyType != null && op.body().get("requestBody") instanceof Map) {
            map(op.body().get("requestBody")).put("x-bt4j-body-type", bodyType);
          }
          count("operations given settings from bt4j-additions.yaml");
        }
      }
    }
  }

  private void dropOptionsOperations() {
    for (Object item : spec.paths().values()) {
      if (map(item).remove("options") != null) {
        count("OPTIONS (CORS) operations left out");
      }
    }
  }

  private void renameGreedyPathParameters() {
    Map<String, Object> renamed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> path : spec.paths().entrySet()) {
      String key = path.getKey();
      if (key.contains("+}")) {
        key = key.replaceAll("\\{([A-Za-z0-9_]+)\\+}", "{$1}");
        for (SpecDocument.Operation op : operationsOf(path.getKey(), map(path.getValue()))) {
          op.body().putIfAbsent("x-bt4j-method", "forward");
          for (Map<String, Object> p : spec.parameters(op)) {
            if (p.get("name") instanceof String && ((String) p.get("name")).endsWith("+")) {
              String name = (String) p.get("name");
              p.put("name", name.substring(0, name.length() - 1));
              Map<String, Object> schema = new LinkedHashMap<>();
              schema.put("type", "string");
              p.put("schema", schema);
              p.put("x-bt4j-greedy", true);
            }
          }
        }
        count("multi-segment path parameters renamed");
      }
      renamed.put(key, path.getValue());
    }
    spec.paths().clear();
    spec.paths().putAll(renamed);
  }

  private List<SpecDocument.Operation> operationsOf(String path, Map<String, Object> item) {
    List<SpecDocument.Operation> ops = new ArrayList<>();
    for (String method : SpecDocument.HTTP_METHODS) {
      if (item.get(method) instanceof Map) {
        ops.add(new SpecDocument.Operation(path, method, map(item.get(method)), item));
      }
    }
    return ops;
  }

  // ---- title clashes ------------------------------------------------------------------------

  private record TitledSchema(String owner, Map<String, Object> schema) {}

  private void renameClashingTitles() {
    List<TitledSchema> titled = new ArrayList<>();
    for (Map.Entry<String, Object> schema : spec.schemas().entrySet()) {
      collectInlineTitles(schema.getKey(), schema.getValue(), true, titled);
    }
    for (SpecDocument.Operation op : spec.operations()) {
      collectInlineTitles(capitalize(op.id()), op.body(), false, titled);
    }
    Set<String> componentNames = new LinkedHashSet<>();
    for (String name : spec.schemas().keySet()) {
      componentNames.add(className(name));
    }
    Map<String, Integer> titleUses = new HashMap<>();
    Map<String, Object> firstSchemaByTitle = new HashMap<>();
    for (TitledSchema t : titled) {
      String name = className((String) t.schema().get("title"));
      Object first = firstSchemaByTitle.putIfAbsent(name, t.schema());
      if (first != null && !first.equals(t.schema())) {
        titleUses.merge(name, 1, Integer::sum);
      }
    }
    for (TitledSchema t : titled) {
      String title = (String) t.schema().get("title");
      String name = className(title);
      if (componentNames.contains(name) || titleUses.containsKey(name)) {
        t.schema().put("title", t.owner() + OperationNames.camel(title));
        count("inline schemas renamed to avoid a class-name clash");
      }
    }
  }

  private void collectInlineTitles(
      String owner, Object node, boolean isComponentRoot, List<TitledSchema> out) {
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      if (!isComponentRoot && m.get("title") instanceof String && !m.containsKey("$ref")) {
        out.add(new TitledSchema(owner, m));
      }
      for (Map.Entry<String, Object> e : m.entrySet()) {
        if (!e.getKey().equals("examples") && !e.getKey().equals("example")) {
          collectInlineTitles(owner, e.getValue(), false, out);
        }
      }
    } else if (node instanceof List) {
      for (Object item : (List<?>) node) {
        collectInlineTitles(owner, item, false, out);
      }
    }
  }

  private static String className(String title) {
    return OperationNames.camel(title).toLowerCase(Locale.ROOT);
  }

  // ---- one-or-many query parameters ---------------------------------------------------------

  private void listifyOneOrManyQueryParameters() {
    List<Map<String, Object>> params = new ArrayList<>();
    for (Object p : spec.componentParameters().values()) {
      params.add(map(p));
    }
    for (SpecDocument.Operation op : spec.operations()) {
      Object list = op.body().get("parameters");
      if (list instanceof List) {
        for (Object p : (List<?>) list) {
          if (!map(p).containsKey("$ref")) {
            params.add(map(p));
          }
        }
      }
    }
    for (Map<String, Object> param : params) {
      if (!"query".equals(param.get("in")) || !(param.get("schema") instanceof Map)) {
        continue;
      }
      Map<String, Object> schema = spec.resolve(map(param.get("schema")));
      Map<String, Object> item = oneOrManyItem(schema);
      if (item != null) {
        Map<String, Object> array = new LinkedHashMap<>();
        array.put("type", "array");
        array.put("items", item);
        param.put("schema", array);
        param.put("style", "form");
        param.put("explode", true);
        count("one-or-many query parameters made lists");
      }
    }
  }

  /** For {@code anyOf: [X, {type: array, items: X}]}, returns X; otherwise null. */
  private Map<String, Object> oneOrManyItem(Map<String, Object> schema) {
    if (schema == null || !isUnion(schema)) {
      return null;
    }
    List<Object> branches = new ArrayList<>(unionBranches(schema));
    branches.removeIf(b -> "null".equals(map(b).get("type")));
    if (branches.size() != 2) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      Map<String, Object> single = map(branches.get(i));
      Map<String, Object> many = spec.resolve(map(branches.get(1 - i)));
      if ("array".equals(many.get("type")) && many.get("items") instanceof Map) {
        Map<String, Object> items = map(many.get("items"));
        Map<String, Object> a = spec.resolve(soleSchemaOf(single));
        Map<String, Object> b = spec.resolve(soleSchemaOf(items));
        if (a != null
            && b != null
            && a.get("type") != null
            && a.get("type").equals(b.get("type"))) {
          return single;
        }
      }
    }
    return null;
  }

  /**
   * For {@code allOf: [X, {title: ...}]}, one schema plus branches that only annotate it, returns
   * X; otherwise the schema itself.
   */
  private static Map<String, Object> soleSchemaOf(Map<String, Object> schema) {
    if (!(schema.get("allOf") instanceof List)) {
      return schema;
    }
    Map<String, Object> sole = null;
    for (Object branch : (List<?>) schema.get("allOf")) {
      Map<String, Object> b = map(branch);
      if (!Set.of("title", "description").containsAll(b.keySet())) {
        if (sole != null) {
          return schema;
        }
        sole = b;
      }
    }
    return sole != null ? sole : schema;
  }

  // ---- unions with a primitive branch -------------------------------------------------------

  private void simplifyPrimitiveUnions() {
    simplifyIn(spec.schemas());
    simplifyIn(spec.paths());
    simplifyIn(spec.componentParameters());
  }

  private void simplifyIn(Object node) {
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      // children first, so that nested unions are already simple when their parent is judged
      for (Object child : new ArrayList<>(m.values())) {
        simplifyIn(child);
      }
      if (isUnion(m)) {
        simplifyUnion(m);
      }
    } else if (node instanceof List) {
      for (Object child : (List<?>) node) {
        simplifyIn(child);
      }
    }
  }

  private void simplifyUnion(Map<String, Object> union) {
    boolean nullable = Boolean.TRUE.equals(union.get("nullable"));
    Set<String> kinds = new LinkedHashSet<>();
    for (Object branch : unionBranches(union)) {
      Map<String, Object> b = spec.resolve(map(branch));
      String kind = kindOf(b);
      if (kind.equals("null")) {
        nullable = true;
      } else {
        kinds.add(kind);
      }
      if (b != null && Boolean.TRUE.equals(b.get("nullable"))) {
        nullable = true;
      }
    }
    if (kinds.isEmpty() || kinds.equals(Set.of("object"))) {
      return;
    }
    List<String> branchKinds = new ArrayList<>(kinds);
    union.remove("oneOf");
    union.remove("anyOf");
    union.remove("discriminator");
    union.remove("type");
    if (kinds.size() == 1 && !kinds.contains("array") && !kinds.contains("any")) {
      union.put("type", branchKinds.get(0));
      count("unions of one primitive type made " + branchKinds.get(0));
    } else if (kinds.equals(Set.of("integer", "number"))) {
      union.put("type", "number");
      count("unions of integer and number made number");
    } else {
      union.put("x-bt4j-union", branchKinds);
      count("unions of several primitive types made free-form values");
    }
    if (nullable) {
      union.put("nullable", true);
    }
  }

  private static String kindOf(Map<String, Object> schema) {
    if (schema == null) {
      return "any";
    }
    Object type = schema.get("type");
    if (type instanceof String) {
      return (String) type;
    }
    if (schema.containsKey("properties") || schema.containsKey("allOf")) {
      return "object";
    }
    if (isUnion(schema)) {
      return "object"; // a union still standing is a union of objects
    }
    if (schema.containsKey("enum")) {
      return "string";
    }
    if (Boolean.TRUE.equals(schema.get("nullable"))
        && !schema.containsKey("items")
        && !schema.containsKey("additionalProperties")) {
      return "null"; // {nullable: true} alone is how the spec spells a null branch
    }
    return "any";
  }

  // ---- unions of objects --------------------------------------------------------------------

  /** The properties, required names and openness of an object schema, or of a union merged. */
  private static final class Shape {
    final Map<String, Object> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    Object additionalProperties;
    boolean nullable;
  }

  private void mergeObjectUnions() {
    mergeIn(spec.schemas());
    mergeIn(spec.paths());
    mergeIn(spec.componentParameters());
  }

  private void mergeIn(Object node) {
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      // children first, so that a union's branches hold no union when it is merged
      for (Object child : new ArrayList<>(m.values())) {
        mergeIn(child);
      }
      if (isUnion(m)) {
        Shape shape = shapeOf(m, 0);
        if (shape != null) {
          m.remove("oneOf");
          m.remove("anyOf");
          m.remove("discriminator");
          writeShape(shape, m);
          count("unions of objects merged into one class");
        }
      }
    } else if (node instanceof List) {
      for (Object child : (List<?>) node) {
        mergeIn(child);
      }
    }
  }

  /** The object a schema describes, unions merged; null for a schema that is not an object. */
  private Shape shapeOf(Map<String, Object> node, int depth) {
    if (depth > 32) {
      throw new IllegalStateException("union nesting too deep at " + node);
    }
    Map<String, Object> schema = spec.resolve(node);
    if (schema == null) {
      return null;
    }
    if (isUnion(schema)) {
      List<Shape> branches = new ArrayList<>();
      boolean nullable = Boolean.TRUE.equals(schema.get("nullable"));
      for (Object branch : unionBranches(schema)) {
        Map<String, Object> b = spec.resolve(map(branch));
        if (b != null && "null".equals(kindOf(b))) {
          nullable = true;
          continue;
        }
        Shape shape = shapeOf(map(branch), depth + 1);
        if (shape == null) {
          return null; // not a union of objects: simplifyPrimitiveUnions decides
        }
        branches.add(shape);
      }
      if (branches.isEmpty()) {
        return null;
      }
      Shape merged = mergeShapes(branches);
      merged.nullable |= nullable;
      addOwnProperties(schema, merged); // declared beside the branches, they hold for each
      return merged;
    }
    Shape shape = new Shape();
    shape.nullable = Boolean.TRUE.equals(schema.get("nullable"));
    if (schema.get("allOf") instanceof List) {
      for (Object member : (List<?>) schema.get("allOf")) {
        Map<String, Object> m = spec.resolve(map(member));
        if (m == null || !kindOf(m).equals("object")) {
          continue; // a member such as {title: x} only annotates
        }
        Shape part = shapeOf(map(member), depth + 1);
        if (part != null) {
          shape.properties.putAll(part.properties);
          shape.required.addAll(part.required);
          if (part.additionalProperties != null) {
            shape.additionalProperties = part.additionalProperties;
          }
        }
      }
    } else if (!"object".equals(kindOf(schema))) {
      return null;
    }
    addOwnProperties(schema, shape);
    return shape;
  }

  private static void addOwnProperties(Map<String, Object> schema, Shape shape) {
    if (schema.get("properties") instanceof Map) {
      shape.properties.putAll(map(schema.get("properties")));
    }
    if (schema.get("required") instanceof List) {
      for (Object name : (List<?>) schema.get("required")) {
        shape.required.add(String.valueOf(name));
      }
    }
    Object extra = schema.get("additionalProperties");
    if (Boolean.TRUE.equals(extra) || extra instanceof Map) {
      shape.additionalProperties = extra;
    }
  }

  private Shape mergeShapes(List<Shape> shapes) {
    Shape out = new Shape();
    Set<String> names = new LinkedHashSet<>();
    shapes.forEach(s -> names.addAll(s.properties.keySet()));
    for (String name : names) {
      List<Map<String, Object>> declarations = new ArrayList<>();
      for (Shape s : shapes) {
        if (s.properties.containsKey(name)) {
          declarations.add(map(s.properties.get(name)));
        }
      }
      Map<String, Object> merged = mergeDeclarations(declarations);
      if (declarations.size() < shapes.size()) {
        // One branch's default is not the others'. A default that comes with a reference (an
        // enum component with a default) needs the referenced declaration inlined to drop it.
        Map<String, Object> target = spec.resolve(merged);
        if (target != merged && target != null && target.containsKey("default")) {
          merged = deepCopy(target);
        }
        merged.remove("default");
      }
      out.properties.put(name, merged);
    }
    for (String name : names) {
      if (shapes.stream().allMatch(s -> s.required.contains(name))) {
        out.required.add(name);
      }
    }
    for (Shape s : shapes) {
      out.nullable |= s.nullable;
      if (s.additionalProperties != null) {
        out.additionalProperties =
            out.additionalProperties == null
                    || out.additionalProperties.equals(s.additionalProperties)
                ? s.additionalProperties
                : Boolean.TRUE;
      }
    }
    return out;
  }

  /** One declaration that holds the values of every one given. */
  private Map<String, Object> mergeDeclarations(List<Map<String, Object>> declarations) {
    Map<String, Object> first = declarations.get(0);
    if (declarations.stream().allMatch(first::equals)) {
      return deepCopy(first);
    }
    List<Map<String, Object>> resolved = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>();
    boolean nullable = false;
    for (Map<String, Object> d : declarations) {
      Map<String, Object> r = spec.resolve(d);
      String kind = r == null || r.containsKey("x-bt4j-union") ? "any" : kindOf(r);
      nullable |= kind.equals("null") || (r != null && Boolean.TRUE.equals(r.get("nullable")));
      if (!kind.equals("null")) {
        resolved.add(r);
        kinds.add(kind);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, Object> d : declarations) {
      if (d.get("description") instanceof String) {
        out.put("description", d.get("description"));
        break;
      }
    }
    if (kinds.equals(Set.of("string"))) {
      out.put("type", "string");
      if (resolved.stream().allMatch(r -> r.get("enum") instanceof List)) {
        Set<Object> values = new LinkedHashSet<>();
        resolved.forEach(r -> values.addAll((List<?>) r.get("enum")));
        values.remove(null);
        out.put("enum", new ArrayList<>(values));
      }
    } else if (kinds.equals(Set.of("integer")) || kinds.equals(Set.of("boolean"))) {
      out.put("type", kinds.iterator().next());
    } else if (kinds.equals(Set.of("number")) || kinds.equals(Set.of("integer", "number"))) {
      out.put("type", "number");
    } else if (kinds.equals(Set.of("object"))) {
      List<Shape> shapes = new ArrayList<>();
      for (Map<String, Object> r : resolved) {
        shapes.add(shapeOf(r, 0));
      }
      if (shapes.contains(null)) {
        out.put("x-bt4j-union", new ArrayList<>(kinds));
      } else {
        writeShape(mergeShapes(shapes), out);
      }
    } else if (kinds.equals(Set.of("array"))) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (Map<String, Object> r : resolved) {
        items.add(r.get("items") instanceof Map ? map(r.get("items")) : new LinkedHashMap<>());
      }
      out.put("type", "array");
      out.put("items", mergeDeclarations(items));
    } else {
      out.put("x-bt4j-union", new ArrayList<>(kinds));
    }
    if (nullable) {
      out.put("nullable", true);
    }
    return out;
  }

  private static void writeShape(Shape shape, Map<String, Object> target) {
    target.remove("type");
    target.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    shape.properties.forEach((k, v) -> properties.put(k, deepCopy(v)));
    target.put("properties", properties);
    if (!shape.required.isEmpty()) {
      target.put("required", new ArrayList<>(shape.required));
    }
    if (shape.additionalProperties != null) {
      target.put("additionalProperties", deepCopy(shape.additionalProperties));
    }
    if (shape.nullable) {
      target.put("nullable", true);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T node) {
    if (node instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map(node).forEach((k, v) -> copy.put(k, deepCopy(v)));
      return (T) copy;
    }
    if (node instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) node).forEach(v -> copy.add(deepCopy(v)));
      return (T) copy;
    }
    return node;
  }

  // ---- secrets ------------------------------------------------------------------------------

  /** JSON property names whose string values are credentials. */
  public static final Set<String> SECRET_PROPERTIES =
      Set.of(
          "secret",
          "key",
          "api_key",
          "oauth_token",
          "password",
          "access_token",
          "refresh_token",
          "client_secret");

  /**
   * Lists, at the root as {@code x-bt4j-secret-properties}, the JSON names of every property marked
   * {@code format: password} (by the rule above or by the spec itself) and the credential names of
   * {@link #SECRET_PROPERTIES}, sorted: the client's HTTP log redacts the values of these names,
   * whatever the body.
   */
  private void listSecrets() {
    Set<String> names = new TreeSet<>(SECRET_PROPERTIES);
    collectSecretNames(spec.root(), names);
    spec.root().put("x-bt4j-secret-properties", new ArrayList<>(names));
  }

  private static void collectSecretNames(Object node, Set<String> names) {
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      if (m.get("properties") instanceof Map) {
        for (Map.Entry<String, Object> p : map(m.get("properties")).entrySet()) {
          if (p.getValue() instanceof Map && "password".equals(map(p.getValue()).get("format"))) {
            names.add(p.getKey());
          }
        }
      }
      m.values().forEach(child -> collectSecretNames(child, names));
    } else if (node instanceof List) {
      ((List<?>) node).forEach(child -> collectSecretNames(child, names));
    }
  }

  private void markSecrets(Object node) {
    if (node instanceof Map) {
      Map<String, Object> m = map(node);
      if (m.get("properties") instanceof Map) {
        for (Map.Entry<String, Object> p : map(m.get("properties")).entrySet()) {
          if (p.getValue() instanceof Map) {
            Map<String, Object> property = map(p.getValue());
            String description =
                String.valueOf(property.get("description")).toLowerCase(Locale.ROOT);
            boolean secret =
                SECRET_PROPERTIES.contains(p.getKey()) || description.contains("encrypted at rest");
            if (secret
                && "string".equals(property.get("type"))
                && !property.containsKey("format")) {
              property.put("format", "password");
              count("secret properties masked in toString()");
            }
          }
        }
      }
      for (Object child : m.values()) {
        markSecrets(child);
      }
    } else if (node instanceof List) {
      for (Object child : (List<?>) node) {
        markSecrets(child);
      }
    }
  }

  // ---- bodies and annotations ---------------------------------------------------------------

  private void requireRequestBodies() {
    for (SpecDocument.Operation op : spec.operations()) {
      if (op.body().get("requestBody") instanceof Map) {
        Map<String, Object> body = map(op.body().get("requestBody"));
        if (!body.containsKey("$ref") && !Boolean.TRUE.equals(body.get("required"))) {
          body.put("required", true);
          count("request bodies made method arguments");
        }
      }
    }
  }

  private void annotateOperations() {
    RetryRules retryRules = new RetryRules(spec);
    List<SpecDocument.Operation> operations = spec.operations();
    Map<String, String> names = OperationNames.assign(operations);
    for (SpecDocument.Operation op : operations) {
      String method = names.get(op.key());
      op.body().put("x-bt4j-method", method);
      op.body().put("x-bt4j-retry", retryRules.of(op));
      Object streaming = op.body().get("x-bt4j-streaming");
      if ("function-events".equals(streaming)) {
        op.body().put("x-bt4j-stream-event", "FunctionEvent");
      } else if ("chat-chunks".equals(streaming)) {
        op.body().put("x-bt4j-stream-event", "ChatCompletionChunk");
      }
      if (op.path().endsWith("/insert")) {
        String item = eventsItemOf(op);
        if (item != null) {
          op.body().put("x-bt4j-events-item", item);
        }
      }
      if (op.method().equals("delete") && op.body().get("requestBody") != null) {
        op.body().put("x-bt4j-delete-with-body", true);
      }
      String item = listItemOf(op);
      if (item != null) {
        op.body().put("x-bt4j-list-item", item);
        op.body().put("x-bt4j-list-pageable", isPageable(op));
      }
    }
  }

  /** For a body {@code {events: [X]}} (an insert), the name of X; otherwise null. */
  private String eventsItemOf(SpecDocument.Operation op) {
    if (!(op.body().get("requestBody") instanceof Map)) {
      return null;
    }
    Object content = spec.resolve(map(op.body().get("requestBody"))).get("content");
    if (!(content instanceof Map) || !(map(content).get("application/json") instanceof Map)) {
      return null;
    }
    Object schemaNode = map(map(content).get("application/json")).get("schema");
    Map<String, Object> schema = schemaNode instanceof Map ? spec.resolve(map(schemaNode)) : null;
    Object props = schema == null ? null : schema.get("properties");
    if (!(props instanceof Map) || map(props).size() != 1) {
      return null;
    }
    Object events = map(props).get("events");
    Object items = events instanceof Map ? map(events).get("items") : null;
    if (items instanceof Map && map(items).get("$ref") instanceof String) {
      String ref = (String) map(items).get("$ref");
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    return null;
  }

  /** Whether a list operation pages with {@code limit} and {@code starting_after}. */
  private boolean isPageable(SpecDocument.Operation op) {
    Set<String> names = new HashSet<>();
    for (Map<String, Object> parameter : spec.parameters(op)) {
      if ("query".equals(parameter.get("in"))) {
        names.add(String.valueOf(parameter.get("name")));
      }
    }
    return names.contains("limit") && names.contains("starting_after");
  }

  private String listItemOf(SpecDocument.Operation op) {
    if (!op.method().equals("get")) {
      return null;
    }
    Object responses = op.body().get("responses");
    if (!(responses instanceof Map) || !(map(responses).get("200") instanceof Map)) {
      return null;
    }
    Map<String, Object> ok = spec.resolve(map(map(responses).get("200")));
    Object content = ok.get("content");
    if (!(content instanceof Map) || !(map(content).get("application/json") instanceof Map)) {
      return null;
    }
    Object schemaNode = map(map(content).get("application/json")).get("schema");
    if (!(schemaNode instanceof Map)) {
      return null;
    }
    Map<String, Object> schema = spec.resolve(map(schemaNode));
    Object props = schema.get("properties");
    if (!(props instanceof Map) || !(map(props).get("objects") instanceof Map)) {
      return null;
    }
    Object items = map(map(props).get("objects")).get("items");
    if (items instanceof Map && map(items).get("$ref") instanceof String) {
      String ref = (String) map(items).get("$ref");
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    return null;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
