package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecFixtures.assertChange;
import static io.github.bt4j.spec.SpecFixtures.changesOf;
import static io.github.bt4j.spec.SpecFixtures.diff;
import static io.github.bt4j.spec.SpecFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.spec.ChangeReport.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of change {@link SpecDiff} reports, and each of its rules for breaking changes. */
class SpecDiffTest {
  private static final String OK = "responses: {'200': {description: ok}}";

  /** An operation {@code GET /things} with the given parameters (YAML flow list). */
  private static String getThings(String parameters) {
    return "/things:\n  get:\n    operationId: listThings\n    parameters: "
        + parameters
        + "\n    "
        + OK;
  }

  /** An operation {@code POST /things} with the given request body (YAML block, unindented). */
  private static String postThings(String requestBody) {
    return "/things:\n  post:\n    operationId: postThings\n"
        + (requestBody.isEmpty() ? "" : "    requestBody:\n" + requestBody.indent(6))
        + "    "
        + OK;
  }

  @Test
  void identicalSpecsGiveAnEmptyReport() {
    String spec =
        spec(getThings("[{name: limit, in: query, schema: {type: integer}}]"), "A: {type: string}");
    ChangeReport report = diff(spec, spec);
    assertTrue(report.isEmpty(), report.toString());
    assertEquals(0, report.breakingChanges());
  }

  @Test
  void addedOperationIsNotBreakingAndRemovedOperationIs() {
    String before = spec("/a: {get: {operationId: getA, " + OK + "}}", "");
    String after = spec("/b: {post: {operationId: postB, " + OK + "}}", "");
    ChangeReport report = diff(before, after);
    assertEquals(List.of(new Change("POST /b", "postB", false)), report.operationsAdded());
    assertEquals(List.of(new Change("GET /a", "getA", true)), report.operationsRemoved());
    assertEquals(1, report.breakingChanges());
  }

  @Test
  void addedModelIsNotBreakingAndRemovedModelIs() {
    ChangeReport report = diff(spec("", "Old: {type: object}"), spec("", "New: {type: object}"));
    assertEquals(List.of(new Change("New", "", false)), report.modelsAdded());
    assertEquals(List.of(new Change("Old", "", true)), report.modelsRemoved());
  }

  @Test
  void changedOperationIdIsBreaking() {
    ChangeReport report =
        diff(
            spec("/a: {get: {operationId: getA, " + OK + "}}", ""),
            spec("/a: {get: {operationId: fetchA, " + OK + "}}", ""));
    assertChange(
        changesOf(report.operationsChanged(), "GET /a"), "operationId", "getA -> fetchA", true);
  }

  @Test
  void addedParameterIsBreakingOnlyWhenRequired() {
    ChangeReport report =
        diff(
            spec(getThings("[]"), ""),
            spec(
                getThings(
                    "[{name: limit, in: query, schema: {type: integer}},"
                        + " {name: org, in: query, required: true, schema: {type: string}}]"),
                ""));
    List<Change> changes = changesOf(report.operationsChanged(), "GET /things");
    assertChange(changes, "query parameter limit", "added, optional", false);
    assertChange(changes, "query parameter org", "added, required", true);
  }

  @Test
  void removedParameterIsBreaking() {
    ChangeReport report =
        diff(
            spec(getThings("[{name: limit, in: query, schema: {type: integer}}]"), ""),
            spec(getThings("[]"), ""));
    assertChange(
        changesOf(report.operationsChanged(), "GET /things"),
        "query parameter limit",
        "removed",
        true);
  }

  @Test
  void parameterBecomingRequiredIsBreakingAndBecomingOptionalIsNot() {
    ChangeReport report =
        diff(
            spec(
                getThings(
                    "[{name: a, in: query, schema: {type: string}},"
                        + " {name: b, in: query, required: true, schema: {type: string}}]"),
                ""),
            spec(
                getThings(
                    "[{name: a, in: query, required: true, schema: {type: string}},"
                        + " {name: b, in: query, schema: {type: string}}]"),
                ""));
    List<Change> changes = changesOf(report.operationsChanged(), "GET /things");
    assertChange(changes, "query parameter a", "now required", true);
    assertChange(changes, "query parameter b", "no longer required", false);
  }

  @Test
  void parameterTypeChangeIsBreaking() {
    ChangeReport report =
        diff(
            spec(getThings("[{name: limit, in: query, schema: {type: integer}}]"), ""),
            spec(getThings("[{name: limit, in: query, schema: {type: string}}]"), ""));
    assertChange(
        changesOf(report.operationsChanged(), "GET /things"),
        "query parameter limit",
        "type integer -> string",
        true);
  }

  @Test
  void parameterReferencesAreResolvedBeforeComparing() {
    String inline = spec(getThings("[{name: limit, in: query, schema: {type: integer}}]"), "");
    String referenced =
        spec(
            getThings("[{$ref: '#/components/parameters/Limit'}]"),
            "",
            "Limit: {name: limit, in: query, schema: {type: integer}}");
    assertTrue(diff(inline, referenced).isEmpty());
  }

  @Test
  void pathParametersAreAlwaysRequired() {
    String implicit =
        spec(
            "/t/{id}: {get: {parameters: [{name: id, in: path, schema: {type: string}}], "
                + OK
                + "}}",
            "");
    String explicit =
        spec(
            "/t/{id}: {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], "
                + OK
                + "}}",
            "");
    assertTrue(diff(implicit, explicit).isEmpty());
  }

  @Test
  void switchingBetweenAliasesOfOnePrimitiveIsReportedButNotBreaking() {
    String schemas = "Limit: {type: integer}\nLimitWithDefault: {type: integer, default: 10}";
    ChangeReport report =
        diff(
            spec(
                getThings(
                    "[{name: limit, in: query, schema: {$ref: '#/components/schemas/Limit'}}]"),
                schemas),
            spec(
                getThings(
                    "[{name: limit, in: query, schema: {$ref: '#/components/schemas/LimitWithDefault'}}]"),
                schemas));
    assertChange(
        changesOf(report.operationsChanged(), "GET /things"),
        "query parameter limit",
        "type Limit -> LimitWithDefault (both integer)",
        false);
  }

  @Test
  void requestBodyAddedIsBreakingOnlyWhenRequired() {
    String body = "content: {application/json: {schema: {type: object}}}";
    List<Change> optional =
        changesOf(
            diff(spec(postThings(""), ""), spec(postThings(body), "")).operationsChanged(),
            "POST /things");
    assertChange(optional, "request body", "added, optional", false);
    List<Change> required =
        changesOf(
            diff(spec(postThings(""), ""), spec(postThings("required: true\n" + body), ""))
                .operationsChanged(),
            "POST /things");
    assertChange(required, "request body", "added, required", true);
  }

  @Test
  void requestBodyRemovedOrMadeRequiredIsBreaking() {
    String body = "content: {application/json: {schema: {type: object}}}";
    assertChange(
        changesOf(
            diff(spec(postThings(body), ""), spec(postThings(""), "")).operationsChanged(),
            "POST /things"),
        "request body",
        "removed",
        true);
    assertChange(
        changesOf(
            diff(spec(postThings(body), ""), spec(postThings("required: true\n" + body), ""))
                .operationsChanged(),
            "POST /things"),
        "request body",
        "now required",
        true);
  }

  @Test
  void requestBodyMediaTypeAndSchemaChangesAreBreaking() {
    String schemas = "A: {type: object}\nB: {type: object}";
    ChangeReport report =
        diff(
            spec(
                postThings(
                    "content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}"),
                schemas),
            spec(
                postThings(
                    "content: {multipart/form-data: {schema: {$ref: '#/components/schemas/B'}}}"),
                schemas));
    List<Change> changes = changesOf(report.operationsChanged(), "POST /things");
    assertChange(
        changes, "request body", "media type application/json -> multipart/form-data", true);
    assertChange(changes, "request body", "type A -> B", true);
  }

  @Test
  void newRequiredRequestBodyPropertyIsBreakingAndNewOptionalOneIsNot() {
    String before =
        "content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}";
    String after =
        "content: {application/json: {schema: {type: object, required: [org],"
            + " properties: {name: {type: string}, org: {type: string}, tags: {type: array, items: {type: string}}}}}}";
    List<Change> changes =
        changesOf(
            diff(spec(postThings(before), ""), spec(postThings(after), "")).operationsChanged(),
            "POST /things");
    assertChange(changes, "request body property org", "added, required", true);
    assertChange(changes, "request body property tags", "added, optional", false);
  }

  @Test
  void addedStatusIsNotBreakingRemovedSuccessStatusIsAndRemovedErrorStatusIsNot() {
    String before =
        "/a: {get: {responses: {'200': {description: ok}, '201': {description: c}, '404': {description: n}}}}";
    String after = "/a: {get: {responses: {'200': {description: ok}, '429': {description: r}}}}";
    List<Change> changes =
        changesOf(diff(spec(before, ""), spec(after, "")).operationsChanged(), "GET /a");
    assertChange(changes, "response 429", "added", false);
    assertChange(changes, "response 201", "removed", true);
    assertChange(changes, "response 404", "removed", false);
  }

  @Test
  void okResponseSchemaChangesFollowTheResponseRules() {
    String before =
        "/a: {get: {responses: {'200': {description: ok, content: {application/json: {schema:"
            + " {type: object, properties: {id: {type: string}, n: {type: integer}}}}}}}}}";
    String after = "/a: {get: {responses: {'200': {$ref: '#/components/responses/Ok'}}}}";
    String newSpec =
        spec(after, "")
            + "  responses:\n    Ok: {description: ok, content: {application/json: {schema:"
            + " {type: object, required: [extra], properties: {id: {type: integer}, extra: {type: string}}}}}}\n";
    List<Change> changes = changesOf(diff(spec(before, ""), newSpec).operationsChanged(), "GET /a");
    assertChange(changes, "response 200 property id", "type string -> integer", true);
    assertChange(changes, "response 200 property n", "removed", true);
    assertChange(changes, "response 200 property extra", "added, required", false);
  }

  @Test
  void responseModelPropertyChanges() {
    String before =
        "Thing:\n  type: object\n  required: [id]\n  properties:\n"
            + "    id: {type: string}\n    name: {type: string}\n    size: {type: integer}\n    old: {type: string}";
    String after =
        "Thing:\n  type: object\n  required: [name, created]\n  properties:\n"
            + "    id: {type: string}\n    name: {type: string}\n    size: {type: string, format: int64}\n"
            + "    created: {type: string}\n    note: {type: string}";
    List<Change> changes =
        changesOf(diff(spec("", before), spec("", after)).modelsChanged(), "Thing");
    assertChange(changes, "property created", "added, required", false);
    assertChange(changes, "property note", "added, optional", false);
    assertChange(changes, "property old", "removed", true);
    assertChange(changes, "property size", "type integer -> string(int64)", true);
    assertChange(changes, "property name", "now required", false);
    assertChange(changes, "property id", "no longer required", false);
    assertEquals(6, changes.size(), changes.toString());
  }

  @Test
  void modelsReachedFromARequestFollowTheRequestRules() {
    String paths =
        postThings("content: {application/json: {schema: {$ref: '#/components/schemas/Create'}}}");
    String before =
        "Create: {type: object, properties: {inner: {$ref: '#/components/schemas/Inner'}}}\n"
            + "Inner: {type: object, properties: {a: {type: string}, b: {type: string, nullable: true}}}";
    String after =
        "Create: {type: object, properties: {inner: {$ref: '#/components/schemas/Inner'}}}\n"
            + "Inner: {type: object, required: [a, c], properties: {a: {type: string}, b: {type: string},"
            + " c: {type: string}}}";
    List<Change> changes =
        changesOf(diff(spec(paths, before), spec(paths, after)).modelsChanged(), "Inner");
    assertChange(changes, "property a", "now required", true);
    assertChange(changes, "property c", "added, required", true);
    assertChange(changes, "property b", "no longer nullable", true);
  }

  @Test
  void nestedInlinePropertiesAndArrayItemsAreComparedByPath() {
    String before =
        "M: {type: object, properties: {meta: {type: object, properties: {a: {type: string}}},"
            + " rows: {type: array, items: {type: object, properties: {x: {type: string}}}},"
            + " tags: {type: array, items: {type: string}}}}";
    String after =
        "M: {type: object, properties: {meta: {type: object, properties: {a: {type: boolean}}},"
            + " rows: {type: array, items: {type: object, properties: {x: {type: string}, y: {type: string}}}},"
            + " tags: {type: array, items: {type: integer}}}}";
    List<Change> changes = changesOf(diff(spec("", before), spec("", after)).modelsChanged(), "M");
    assertChange(changes, "property meta.a", "type string -> boolean", true);
    assertChange(changes, "property rows[].y", "added, optional", false);
    assertChange(changes, "property tags", "type array<string> -> array<integer>", true);
  }

  @Test
  void unionVariantsAreMatchedAndAddedOnesAreNotBreakingButRemovedOnesAre() {
    String before =
        "U:\n  anyOf:\n"
            + "    - {type: object, properties: {kind: {type: string, enum: [a]}, x: {type: string}}}\n"
            + "    - {type: object, properties: {kind: {type: string, enum: [b]}}}\n"
            + "    - {type: string}";
    String after =
        "U:\n  oneOf:\n"
            + "    - {type: object, properties: {kind: {type: string, enum: [c]}}}\n"
            + "    - {type: object, properties: {kind: {type: string, enum: [a]}, x: {type: integer}}}\n"
            + "    - {type: object, properties: {kind: {type: string, enum: [b]}}}";
    List<Change> changes = changesOf(diff(spec("", before), spec("", after)).modelsChanged(), "U");
    assertChange(changes, "schema", "anyOf -> oneOf", false);
    assertChange(changes, "schema", "variant kind=c added", false);
    assertChange(changes, "schema", "variant string removed", true);
    assertChange(changes, "property (kind=a).x", "type string -> integer", true);
    assertEquals(4, changes.size(), changes.toString());
  }

  @Test
  void aNullBranchIsNullabilityNotAVariant() {
    String before =
        "N: {anyOf: [{$ref: '#/components/schemas/T'}, {type: 'null'}]}\nT: {type: object}";
    String after = "N: {$ref: '#/components/schemas/T'}\nT: {type: object}";
    List<Change> changes = changesOf(diff(spec("", before), spec("", after)).modelsChanged(), "N");
    assertEquals(List.of(new Change("schema", "no longer nullable", false)), changes);
    List<Change> back = changesOf(diff(spec("", after), spec("", before)).modelsChanged(), "N");
    assertEquals(List.of(new Change("schema", "now nullable", false)), back);
  }

  @Test
  void modelTypeChangeIsBreaking() {
    List<Change> changes =
        changesOf(
            diff(
                    spec("", "M: {type: object, properties: {a: {type: string}}}"),
                    spec("", "M: {type: string}"))
                .modelsChanged(),
            "M");
    assertEquals(List.of(new Change("schema", "type object -> string", true)), changes);
  }

  @Test
  void enumValueRemovedFromAModelIsBreakingAndAddedIsNot() {
    List<Change> changes =
        changesOf(
            diff(
                    spec(
                        "",
                        "Kind: {type: string, enum: [logs, agents, monitor, for_review, null]}"),
                    spec(
                        "",
                        "Kind: {type: string, enum: [logs, monitor, tools, classifiers, null]}"))
                .modelsChanged(),
            "Kind");
    assertEquals(
        List.of(
            new Change("schema", "enum values added: tools, classifiers", false),
            new Change("schema", "enum values removed: agents, for_review", true)),
        changes);
  }

  @Test
  void enumValuesOfARequestBodyPropertyAreComparedInEitherDirection() {
    String before =
        "content: {application/json: {schema: {type: object, properties:"
            + " {fmt: {type: string, enum: [json, jsonl]}}}}}";
    String after =
        "content: {application/json: {schema: {type: object, properties:"
            + " {fmt: {type: string, enum: [json, parquet]}}}}}";
    List<Change> changes =
        changesOf(
            diff(spec(postThings(before), ""), spec(postThings(after), "")).operationsChanged(),
            "POST /things");
    assertChange(changes, "request body property fmt", "enum values removed: jsonl", true);
    assertChange(changes, "request body property fmt", "enum values added: parquet", false);
    List<Change> back =
        changesOf(
            diff(spec(postThings(after), ""), spec(postThings(before), "")).operationsChanged(),
            "POST /things");
    assertChange(back, "request body property fmt", "enum values removed: parquet", true);
    assertChange(back, "request body property fmt", "enum values added: jsonl", false);
  }

  @Test
  void enumValuesOfAParameterAndOfANullableUnionAreCompared() {
    ChangeReport report =
        diff(
            spec(
                getThings(
                    "[{name: sort, in: query, schema: {type: string, enum: [asc, desc]}},"
                        + " {name: mode, in: query, schema: {anyOf:"
                        + " [{type: string, enum: [a, b]}, {type: 'null'}]}}]"),
                ""),
            spec(
                getThings(
                    "[{name: sort, in: query, schema: {type: string, enum: [asc]}},"
                        + " {name: mode, in: query, schema: {anyOf:"
                        + " [{type: string, enum: [a, b, c]}, {type: 'null'}]}}]"),
                ""));
    List<Change> changes = changesOf(report.operationsChanged(), "GET /things");
    assertEquals(
        List.of(
            new Change("query parameter mode", "enum values added: c", false),
            new Change("query parameter sort", "enum values removed: desc", true)),
        changes);
  }

  @Test
  void enumsInArrayItemsAndResponsesAreComparedByPath() {
    String before =
        "/a: {get: {responses: {'200': {description: ok, content: {application/json: {schema:"
            + " {type: object, properties: {tags: {type: array, items: {type: string, enum: [x, y]}}}}}}}}}}";
    String after = before.replace("enum: [x, y]", "enum: [y, z]");
    List<Change> changes =
        changesOf(diff(spec(before, ""), spec(after, "")).operationsChanged(), "GET /a");
    assertChange(changes, "response 200 property tags[]", "enum values removed: x", true);
    assertChange(changes, "response 200 property tags[]", "enum values added: z", false);
  }

  @Test
  void enumGainedOrLostChangesTheGeneratedTypeAndIsBreaking() {
    String plain = "M: {type: object, properties: {s: {type: string}}}";
    String closed = "M: {type: object, properties: {s: {type: string, enum: [fast, slow]}}}";
    assertEquals(
        List.of(new Change("property s", "enum added: fast, slow", true)),
        changesOf(diff(spec("", plain), spec("", closed)).modelsChanged(), "M"));
    assertEquals(
        List.of(new Change("property s", "enum removed, was: fast, slow", true)),
        changesOf(diff(spec("", closed), spec("", plain)).modelsChanged(), "M"));
  }

  @Test
  void reorderedOrRepeatedEnumValuesAreNoChange() {
    ChangeReport report =
        diff(
            spec("", "M: {type: integer, enum: [1, 2, 3]}"),
            spec("", "M: {type: integer, enum: [3, 1, 2, 2]}"));
    assertTrue(report.isEmpty(), report.toString());
  }

  @Test
  void operationsAreSortedByPathThenMethodAndModelsByName() {
    String after =
        spec(
            "/b: {post: {" + OK + "}, get: {" + OK + "}}\n/a: {delete: {" + OK + "}}",
            "Zeta: {type: string}\nAlpha: {type: string}");
    ChangeReport report = diff(spec("", ""), after);
    assertEquals(
        List.of("DELETE /a", "GET /b", "POST /b"),
        report.operationsAdded().stream().map(Change::subject).toList());
    assertEquals(
        List.of("Alpha", "Zeta"), report.modelsAdded().stream().map(Change::subject).toList());
  }
}
