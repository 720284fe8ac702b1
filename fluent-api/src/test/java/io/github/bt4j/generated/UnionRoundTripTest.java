package io.github.bt4j.generated;

import static io.github.bt4j.spec.SpecDocument.map;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.spec.SpecDocument;
import io.github.bt4j.testing.JsonDiff;
import io.github.bt4j.testing.JsonDiff.Tolerance;
import io.github.bt4j.testsupport.SampleJson;
import io.github.bt4j.testsupport.Schemas;
import io.github.bt4j.testsupport.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A value of every branch of every {@code oneOf}/{@code anyOf} of the original bundled spec
 * survives a trip through the generated classes and {@link BraintrustJson#gson()}: parsed into the
 * class of the component that holds the union and written back, it is the same JSON.
 *
 * <p>The unions are found in every component schema, nested at any depth (properties, items, map
 * values, allOf members, other unions' branches), and where a property refers to a component that
 * is a union. Each branch gets its own test, named after where the union lives, so a failure names
 * the union and the branch that lost data, and its message gives the JSON pointers.
 *
 * <p>This guards the preparer's union rule (without it a union with a primitive branch is an empty
 * class) and the map-model adapter (without it the typed fields of a map model are dropped).
 */
class UnionRoundTripTest {
  private static final SpecDocument SPEC = Specs.bundled();
  private static final Gson GSON = BraintrustJson.gson();

  /** A place where a union lives: its owning component and the schema nodes leading to it. */
  record Site(
      String owner, String label, Map<String, Object> union, List<Map<String, Object>> path) {}

  static List<Site> sites() {
    List<Site> sites = new ArrayList<>();
    for (Map.Entry<String, Object> e : SPEC.schemas().entrySet()) {
      walk(e.getKey(), map(e.getValue()), e.getKey(), List.of(), sites);
    }
    return sites;
  }

  private static void walk(
      String owner,
      Map<String, Object> node,
      String label,
      List<Map<String, Object>> parents,
      List<Site> out) {
    List<Map<String, Object>> path = new ArrayList<>(parents);
    path.add(node);
    String ref = Schemas.refName(node);
    if (ref != null) {
      Map<String, Object> resolved = SPEC.resolve(node);
      if (SpecDocument.isUnion(resolved)) {
        path.add(resolved);
        out.add(new Site(owner, label + " -> " + ref, resolved, path));
      }
      return; // the referenced component is walked as an owner of its own
    }
    if (SpecDocument.isUnion(node)) {
      out.add(new Site(owner, label, node, path));
      String keyword = Schemas.unionKeyword(node);
      List<Map<String, Object>> branches = Schemas.branches(node);
      for (int i = 0; i < branches.size(); i++) {
        walk(owner, branches.get(i), label + "." + keyword + "[" + i + "]", path, out);
      }
    }
    List<Map<String, Object>> allOf = Schemas.members(node, "allOf");
    for (int i = 0; i < allOf.size(); i++) {
      walk(owner, allOf.get(i), label + ".allOf[" + i + "]", path, out);
    }
    Schemas.properties(node).forEach((k, v) -> walk(owner, map(v), label + "." + k, path, out));
    if (node.get("items") instanceof Map) {
      walk(owner, map(node.get("items")), label + "[]", path, out);
    }
    if (node.get("additionalProperties") instanceof Map) {
      walk(owner, map(node.get("additionalProperties")), label + "{}", path, out);
    }
  }

  @Test
  void findsTheUnionsOfTheSpec() {
    List<Site> sites = sites();
    long inline = sites.stream().filter(s -> !s.label().contains(" -> ")).count();
    // Every oneOf/anyOf of components.schemas is an inline site (66 in the bundled spec).
    assertTrue(inline >= 60, "only " + inline + " inline unions found");
    assertTrue(sites.size() > inline, "no property refers to a union component");
  }

  @TestFactory
  Stream<DynamicTest> everyUnionBranchRoundTrips() {
    return sites().stream()
        .flatMap(
            site -> {
              List<Map<String, Object>> branches = Schemas.branches(site.union());
              String keyword = Schemas.unionKeyword(site.union());
              List<DynamicTest> tests = new ArrayList<>();
              for (int i = 0; i < branches.size(); i++) {
                int branch = i;
                String name =
                    site.label()
                        + " "
                        + keyword
                        + "["
                        + i
                        + "/"
                        + branches.size()
                        + "] "
                        + describe(branches.get(i));
                tests.add(DynamicTest.dynamicTest(name, () -> roundTrip(site, branch, name)));
              }
              return tests.stream();
            });
  }

  private static void roundTrip(Site site, int branch, String name) {
    // An owner the preparer made free-form has no class (a stale one may linger in target/).
    String preparedName = Schemas.preparedName(Specs.prepared(), site.owner());
    Map<String, Object> prepared = map(Specs.prepared().schemas().get(preparedName));
    Class<?> type =
        GeneratedModels.shapeOf(prepared) == GeneratedModels.Shape.CLASS
            ? GeneratedModels.modelClass(GeneratedModels.className(preparedName))
                .orElseThrow(() -> new AssertionError("no class for " + preparedName))
            : Object.class;
    Map<String, Object> ownerSchema = map(SPEC.schemas().get(site.owner()));
    SampleJson samples =
        new SampleJson(SPEC::resolve, SampleJson.Variant.FIRST)
            .through(site.union(), branch, site.path());
    JsonElement sample = samples.of(ownerSchema, site.owner());
    assertTrue(samples.targetReached(), "the sample of " + site.owner() + " misses " + name);
    JsonElement back;
    try {
      back = GSON.toJsonTree(GSON.fromJson(sample, type), type);
    } catch (RuntimeException e) {
      fail(
          "union "
              + name
              + " cannot be read as "
              + type.getSimpleName()
              + ": "
              + e
              + "\n  sample: "
              + sample,
          e);
      return;
    }
    List<String> lost = JsonDiff.between(sample, back, Tolerance.SAME_VALUE);
    if (!lost.isEmpty()) {
      fail(
          "union "
              + name
              + " lost data in "
              + type.getSimpleName()
              + ":\n  "
              + String.join("\n  ", lost)
              + "\n  sample:       "
              + sample
              + "\n  round-tripped: "
              + back);
    }
  }

  private static String describe(Map<String, Object> branch) {
    String ref = Schemas.refName(branch);
    if (ref != null) {
      return ref;
    }
    Object title = branch.get("title");
    Object type = branch.get("type");
    String kind =
        type != null ? String.valueOf(type) : branch.containsKey("allOf") ? "allOf" : "any";
    return title != null ? kind + " '" + title + "'" : kind;
  }
}
