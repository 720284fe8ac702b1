package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;
import static io.github.bt4j.spec.SpecFixtures.parse;
import static io.github.bt4j.spec.SpecFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of {@link SpecPreparer}, on small synthetic specs. */
class SpecPreparerTest {
  private static final String OK = "responses: {'200': {description: ok}}";

  private static SpecDocument prepared(String yaml) {
    SpecDocument spec = parse(yaml);
    new SpecPreparer(spec).prepare(null);
    return spec;
  }

  /** The node at {@code keys} below the root; list indexes are given as numbers. */
  private static Map<String, Object> node(SpecDocument spec, Object... keys) {
    Object current = spec.root();
    for (Object key : keys) {
      current =
          key instanceof Integer ? ((List<?>) current).get((Integer) key) : map(current).get(key);
      assertNotNull(current, "nothing at " + List.of(keys));
    }
    return map(current);
  }

  @Test
  void anInlineTitleThatClashesWithAComponentIsPrefixedWithItsOwner() {
    SpecDocument spec =
        prepared(
            spec(
                "/experiment/{id}:\n  get:\n    operationId: getExperimentSummary\n    responses:\n"
                    + "      '200': {description: ok, content: {application/json: {schema:"
                    + " {title: experiment, type: object, properties: {a: {type: string}}}}}}",
                "Experiment: {type: object, properties: {id: {type: string}}}\n"
                    + "Summary: {type: object, properties: {experiment:"
                    + " {title: experiment, type: object, properties: {b: {type: string}}}}}"));
    assertEquals(
        "GetExperimentSummaryExperiment",
        node(
                spec,
                "paths",
                "/experiment/{id}",
                "get",
                "responses",
                "200",
                "content",
                "application/json",
                "schema")
            .get("title"));
    assertEquals(
        "SummaryExperiment",
        node(spec, "components", "schemas", "Summary", "properties", "experiment").get("title"));
    assertNull(node(spec, "components", "schemas", "Experiment").get("title"));
  }

  @Test
  void differentInlineSchemasWithOneTitleAreRenamedButIdenticalOnesAreNot() {
    SpecDocument spec =
        prepared(
            spec(
                "",
                "A: {type: object, properties: {o: {title: options, type: object, properties: {x: {type: string}}},"
                    + " s: {title: shared, type: string}}}\n"
                    + "B: {type: object, properties: {o: {title: options, type: object, properties: {y: {type: string}}},"
                    + " s: {title: shared, type: string}}}"));
    assertEquals(
        "AOptions", node(spec, "components", "schemas", "A", "properties", "o").get("title"));
    assertEquals(
        "BOptions", node(spec, "components", "schemas", "B", "properties", "o").get("title"));
    assertEquals(
        "shared", node(spec, "components", "schemas", "A", "properties", "s").get("title"));
  }

  @Test
  void aOneOrManyQueryParameterBecomesARepeatedList() {
    SpecDocument spec =
        prepared(
            spec(
                "/t:\n  get:\n    parameters:\n"
                    + "      - $ref: '#/components/parameters/Ids'\n"
                    + "      - {name: tag, in: query, schema: {anyOf: [{type: string},"
                    + " {type: array, items: {type: string}}, {type: 'null'}]}}\n"
                    + "      - {name: mixed, in: query, schema: {anyOf: [{type: string},"
                    + " {type: array, items: {type: integer}}]}}\n"
                    + "    "
                    + OK,
                "Ids: {anyOf: [{type: string, format: uuid}, {type: array, items: {type: string, format: uuid}}]}",
                "Ids: {name: ids, in: query, schema: {$ref: '#/components/schemas/Ids'}}"));
    Map<String, Object> ids = node(spec, "components", "parameters", "Ids");
    assertEquals(
        Map.of("type", "array", "items", Map.of("type", "string", "format", "uuid")),
        ids.get("schema"));
    assertEquals("form", ids.get("style"));
    assertEquals(true, ids.get("explode"));
    Map<String, Object> tag = node(spec, "paths", "/t", "get", "parameters", 1);
    assertEquals(Map.of("type", "array", "items", Map.of("type", "string")), tag.get("schema"));
    Map<String, Object> mixed = node(spec, "paths", "/t", "get", "parameters", 2, "schema");
    assertNull(mixed.get("items"), "string or integer list is no one-or-many: " + mixed);
  }

  @Test
  void aUnionOfOnePrimitiveBecomesThatType() {
    SpecDocument spec =
        prepared(
            spec(
                "",
                "S: {anyOf: [{type: string}, {type: 'null'}]}\n"
                    + "N: {anyOf: [{type: integer}, {type: number}]}\n"
                    + "E: {anyOf: [{enum: [a, b]}, {type: string}]}"));
    assertEquals(
        Map.of("type", "string", "nullable", true), node(spec, "components", "schemas", "S"));
    assertEquals(Map.of("type", "number"), node(spec, "components", "schemas", "N"));
    assertEquals(Map.of("type", "string"), node(spec, "components", "schemas", "E"));
  }

  @Test
  void aUnionWithAPrimitiveAndOtherBranchesBecomesFreeForm() {
    SpecDocument spec =
        prepared(
            spec(
                "",
                "F: {oneOf: [{type: string}, {type: object, properties: {a: {type: string}}}], description: d}\n"
                    + "L: {anyOf: [{type: string}, {type: array, items: {type: string}}]}"));
    assertEquals(
        Map.of("description", "d", "x-bt4j-union", List.of("string", "object")),
        node(spec, "components", "schemas", "F"));
    assertEquals(
        Map.of("x-bt4j-union", List.of("string", "array")),
        node(spec, "components", "schemas", "L"));
  }

  @Test
  void aUnionOfObjectsBecomesOneObjectWithEveryBranchsProperties() {
    String objects =
        "{type: object, properties: {a: {type: string}}}, {$ref: '#/components/schemas/B'}";
    SpecDocument spec =
        prepared(
            spec(
                "",
                "B: {type: object, properties: {b: {type: string}}}\n"
                    + "U: {oneOf: ["
                    + objects
                    + "]}\n"
                    + "T: {anyOf: ["
                    + objects
                    + ", {type: 'null'}]}\n"
                    + "P: {oneOf: ["
                    + objects
                    + ", {nullable: true}]}"));
    for (String name : List.of("U", "T", "P")) {
      Map<String, Object> merged = node(spec, "components", "schemas", name);
      assertFalse(SpecDocument.isUnion(merged), name + " should be merged: " + merged);
      assertFalse(merged.containsKey("x-bt4j-union"), name + " should not be free-form: " + merged);
      assertEquals("object", merged.get("type"), name);
      assertEquals(Set.of("a", "b"), SpecDocument.map(merged.get("properties")).keySet(), name);
    }
    assertEquals(
        Boolean.TRUE, node(spec, "components", "schemas", "T").get("nullable"), "T is nullable");
  }

  @Test
  void aPropertyBranchesDeclareWithDifferentTypesBecomesAJsonValue() {
    SpecDocument spec =
        prepared(
            spec(
                "",
                "F: {type: object, properties: {type: {type: string, enum: [facet]},"
                    + " prompt: {type: string}, n: {type: integer}}}\n"
                    + "P: {type: object, properties: {type: {type: string, enum: [prompt]},"
                    + " prompt: {type: object, properties: {messages: {type: array}}},"
                    + " n: {type: number}}}\n"
                    + "U: {anyOf: [{$ref: '#/components/schemas/P'}, {$ref: '#/components/schemas/F'},"
                    + " {type: object, properties: {type: {type: string, enum: [code]},"
                    + " code: {type: string}}}]}"));
    Map<String, Object> properties =
        SpecDocument.map(node(spec, "components", "schemas", "U").get("properties"));
    // object in one branch, string in another: neither branch's type, but any JSON value
    assertEquals(List.of("object", "string"), map(properties.get("prompt")).get("x-bt4j-union"));
    assertNull(map(properties.get("prompt")).get("type"));
    // integer and number agree on a number
    assertEquals("number", map(properties.get("n")).get("type"));
    // declared by one branch only: that branch's type (a value of another type is kept by the
    // lossless models at run time, not lost)
    assertEquals("string", map(properties.get("code")).get("type"));
    assertEquals(List.of("prompt", "facet", "code"), map(properties.get("type")).get("enum"));
  }

  @Test
  void everyInlineRequestBodyBecomesRequired() {
    SpecDocument spec =
        prepared(
            spec(
                "/a: {post: {requestBody: {content: {application/json: {schema: {type: object}}}}, "
                    + OK
                    + "}}\n/b: {post: {requestBody: {$ref: '#/components/requestBodies/B'}, "
                    + OK
                    + "}}",
                ""));
    assertEquals(true, node(spec, "paths", "/a", "post", "requestBody").get("required"));
    assertEquals(
        Map.of("$ref", "#/components/requestBodies/B"),
        node(spec, "paths", "/b", "post", "requestBody"));
  }

  @Test
  void optionsOperationsAreDropped() {
    SpecDocument spec = prepared(spec("/a: {get: {" + OK + "}, options: {" + OK + "}}", ""));
    assertEquals(
        List.of("GET /a"), spec.operations().stream().map(SpecDocument.Operation::key).toList());
  }

  @Test
  void aGreedyPathParameterIsRenamedInPlaceAndForwards() {
    SpecDocument spec =
        prepared(
            spec(
                "/v1/a: {get: {"
                    + OK
                    + "}}\n"
                    + "/v1/proxy/{path+}: {post: {operationId: 'proxy{path+}', tags: [Proxy],"
                    + " parameters: [{name: path+, in: path, required: true, schema: {type: string}}], "
                    + OK
                    + "}}\n/v1/z: {get: {"
                    + OK
                    + "}}",
                ""));
    assertEquals(List.of("/v1/a", "/v1/proxy/{path}", "/v1/z"), List.copyOf(spec.paths().keySet()));
    Map<String, Object> post = node(spec, "paths", "/v1/proxy/{path}", "post");
    assertEquals(
        "path", node(spec, "paths", "/v1/proxy/{path}", "post", "parameters", 0).get("name"));
    assertEquals("forward", post.get("x-bt4j-method"));
  }

  @Test
  void additionsAreMergedWithoutOverridingTheSpec() throws IOException {
    SpecDocument spec =
        parse(
            spec(
                "/v1/project: {get: {operationId: getProject, description: from the spec, "
                    + OK
                    + "}}",
                "Project: {type: object, description: from the spec}"));
    SpecDocument additions =
        parse(
            spec(
                "/v1/project: {get: {operationId: other, description: from the additions, "
                    + OK
                    + "}}\n/btql: {post: {operationId: btqlQuery, "
                    + OK
                    + "}}",
                "Project: {type: string}\nBtqlQueryRequest: {type: object}"));
    Map<String, Integer> counts = new SpecPreparer(spec).prepare(additions);
    assertEquals("from the spec", node(spec, "paths", "/v1/project", "get").get("description"));
    assertEquals(
        "from the spec", node(spec, "components", "schemas", "Project").get("description"));
    assertNotNull(node(spec, "paths", "/btql", "post"));
    assertNotNull(node(spec, "components", "schemas", "BtqlQueryRequest"));
    assertEquals(1, counts.get("paths added from bt4j-additions.yaml"));
    assertEquals(1, counts.get("schemas added from bt4j-additions.yaml"));
  }

  @Test
  void theProjectsOwnAdditionsDeclareBtql() throws IOException {
    Path additionsFile =
        Path.of(
            System.getProperty("bt4j.repoRoot"),
            "spec",
            "src",
            "main",
            "openapi",
            "bt4j-additions.yaml");
    SpecDocument spec = parse(spec("/v1/project: {get: {" + OK + "}}", ""));
    new SpecPreparer(spec).prepare(SpecDocument.read(additionsFile));
    Map<String, Object> btql = node(spec, "paths", "/btql", "post");
    assertEquals("query", btql.get("x-bt4j-method"));
    assertEquals("always", btql.get("x-bt4j-retry"));
    assertNotNull(node(spec, "components", "schemas", "BtqlQueryRequest"));
  }

  @Test
  void secretsAreMaskedAndTheirNamesListedForTheLogsRedaction() {
    SpecDocument spec =
        prepared(
            spec(
                "",
                "EnvVar: {type: object, properties: {name: {type: string},"
                    + " value: {type: string, description: 'Will be encrypted at rest.'}}}\n"
                    + "Login: {type: object, properties: {passphrase: {type: string, format: password}}}"));
    assertEquals(
        "password",
        node(spec, "components", "schemas", "EnvVar", "properties", "value").get("format"));
    assertNull(node(spec, "components", "schemas", "EnvVar", "properties", "name").get("format"));
    List<?> names = (List<?>) spec.root().get("x-bt4j-secret-properties");
    assertTrue(names.containsAll(List.of("value", "passphrase")), names.toString());
    assertTrue(names.containsAll(SpecPreparer.SECRET_PROPERTIES), names.toString());
    assertFalse(names.contains("name"), names.toString());
  }

  @Test
  void operationsAreAnnotatedForTheFluentLayer() {
    SpecDocument spec =
        prepared(
            spec(
                "/v1/project:\n  get:\n    operationId: getProject\n    tags: [Projects]\n    responses:\n"
                    + "      '200': {description: ok, content: {application/json: {schema: {type: object,"
                    + " properties: {objects: {type: array, items: {$ref: '#/components/schemas/Project'}}}}}}}\n"
                    + "  post: {operationId: postProject, tags: [Projects], description: 'Creates one.', "
                    + OK
                    + "}",
                "Project: {type: object}"));
    Map<String, Object> list = node(spec, "paths", "/v1/project", "get");
    assertEquals("list", list.get("x-bt4j-method"));
    assertEquals("always", list.get("x-bt4j-retry"));
    assertEquals("Project", list.get("x-bt4j-list-item"));
    Map<String, Object> create = node(spec, "paths", "/v1/project", "post");
    assertEquals("create", create.get("x-bt4j-method"));
    assertEquals("never", create.get("x-bt4j-retry"));
    assertFalse(create.containsKey("x-bt4j-list-item"));
  }
}
