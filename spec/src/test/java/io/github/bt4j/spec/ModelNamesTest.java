package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;
import static io.github.bt4j.spec.SpecFixtures.parse;
import static io.github.bt4j.spec.SpecFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names {@link ModelNames} and {@link ParamsClasses} give, on small specs. */
class ModelNamesTest {
  private static final String ENV_BODY =
      "{type: object, properties: {name: {type: string}, value: {type: string}}}";

  private static SpecDocument prepared(String paths, String schemas) {
    SpecDocument spec = parse(spec(paths, schemas));
    new SpecPreparer(spec).prepare(null);
    return spec;
  }

  private static Map<String, Object> jsonSchema(Map<String, Object> bodyOrResponse) {
    return map(map(map(bodyOrResponse.get("content")).get("application/json")).get("schema"));
  }

  private static Map<String, Object> operation(SpecDocument spec, String path, String method) {
    return map(map(spec.paths().get(path)).get(method));
  }

  @Test
  void inlineBodiesAndAnswersAreNamedAfterTheirResourceAndMethod() {
    SpecDocument spec =
        prepared(
            "/v1/env_var:\n"
                + "  get:\n    operationId: getEnvVar\n    tags: [EnvVars]\n"
                + "    parameters: [{name: limit, in: query, schema: {type: integer}}]\n"
                + "    responses: {'200': {description: ok, content: {application/json: {schema:"
                + " {type: object, properties: {objects: {type: array, items: {type: string}}}}}}}}\n"
                + "  post:\n    operationId: postEnvVar\n    tags: [EnvVars]\n"
                + "    requestBody: {content: {application/json: {schema: "
                + ENV_BODY
                + "}}}\n"
                + "    responses: {'200': {description: ok}}\n"
                + "  put:\n    operationId: putEnvVar\n    tags: [EnvVars]\n"
                + "    requestBody: {content: {application/json: {schema: "
                + ENV_BODY
                + "}}}\n"
                + "    responses: {'200': {description: ok}}\n",
            "Other: {type: object}");
    Map<String, Object> list = operation(spec, "/v1/env_var", "get");
    assertEquals(
        "EnvVarListResponse", jsonSchema(map(map(list.get("responses")).get("200"))).get("title"));
    // a create and a replace sharing one body give it one name, the create's
    for (String method : List.of("post", "put")) {
      assertEquals(
          "CreateEnvVar",
          jsonSchema(map(operation(spec, "/v1/env_var", method).get("requestBody"))).get("title"),
          method);
    }
    // the optional parameters become a parameters class, named after resource and method
    assertEquals("EnvVarListParams", list.get("x-bt4j-params-class"));
    Map<String, Object> params = map(spec.schemas().get("EnvVarListParams"));
    assertEquals(Boolean.TRUE, params.get("x-bt4j-params"));
    assertEquals(List.of("limit"), List.copyOf(map(params.get("properties")).keySet()));
    assertNull(operation(spec, "/v1/env_var", "post").get("x-bt4j-params-class"));
  }

  @Test
  void aVerbApiSchemaIsNamedAfterTheResourceThatTakesItAndEveryReferenceFollows() {
    SpecDocument spec =
        prepared(
            "/v1/function/{id}/invoke:\n"
                + "  post:\n    operationId: postFunctionIdInvoke\n    tags: [Functions]\n"
                + "    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
                + "    requestBody: {content: {application/json: {schema:"
                + " {$ref: '#/components/schemas/InvokeApi'}}}}\n"
                + "    responses: {'200': {description: ok}}\n",
            "InvokeApi: {type: object, properties: {input: {type: string}}}\n"
                + "Holder: {type: object, properties: {call: {$ref: '#/components/schemas/InvokeApi'}}}");
    assertFalse(spec.schemas().containsKey("InvokeApi"));
    assertEquals("InvokeApi", map(spec.schemas().get("InvokeFunction")).get("x-bt4j-renamed-from"));
    assertEquals(
        "#/components/schemas/InvokeFunction",
        map(map(map(spec.schemas().get("Holder")).get("properties")).get("call")).get("$ref"));
  }

  @Test
  void anInlineObjectInAnArrayIsAnItemNotAnInner() {
    SpecDocument spec =
        prepared(
            "",
            "Role: {type: object, properties: {member_permissions: {type: array, items:"
                + " {type: object, properties: {permission: {type: string}}}},"
                + " tags: {type: array, items: {type: string}}}}");
    Map<String, Object> properties = map(map(spec.schemas().get("Role")).get("properties"));
    assertEquals(
        "RoleMemberPermissionsItem",
        map(map(properties.get("member_permissions")).get("items")).get("title"));
    assertTrue(map(map(properties.get("tags")).get("items")).get("title") == null);
  }
}
