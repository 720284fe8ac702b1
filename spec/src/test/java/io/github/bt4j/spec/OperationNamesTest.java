package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecFixtures.parse;
import static io.github.bt4j.spec.SpecFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fluent method names {@link OperationNames} derives, on operations shaped like the real ones.
 */
class OperationNamesTest {
  /** One operation as a YAML flow map: its operationId and tag, and an empty 200 response. */
  private static String op(String operationId, String tag) {
    return "{operationId: '"
        + operationId
        + "', tags: ["
        + tag
        + "], responses: {'200': {description: ok}}}";
  }

  private static Map<String, String> names(String paths) {
    return OperationNames.assign(parse(spec(paths, "")).operations());
  }

  @Test
  void crudOperationsGetPlainNames() {
    Map<String, String> names =
        names(
            "/v1/project:\n"
                + "  get: "
                + op("getProject", "Projects")
                + "\n  post: "
                + op("postProject", "Projects")
                + "\n  put: "
                + op("putProject", "Projects")
                + "\n/v1/project/{project_id}:\n"
                + "  get: "
                + op("getProjectId", "Projects")
                + "\n  patch: "
                + op("patchProjectId", "Projects")
                + "\n  delete: "
                + op("deleteProjectId", "Projects")
                + "\n/v1/acl:\n  delete: "
                + op("deleteAcl", "Acls"));
    assertEquals("list", names.get("GET /v1/project"));
    assertEquals("create", names.get("POST /v1/project"));
    assertEquals("replace", names.get("PUT /v1/project"));
    assertEquals("get", names.get("GET /v1/project/{project_id}"));
    assertEquals("update", names.get("PATCH /v1/project/{project_id}"));
    assertEquals("delete", names.get("DELETE /v1/project/{project_id}"));
    assertEquals("deleteMatching", names.get("DELETE /v1/acl"));
  }

  @Test
  void whatIsLeftAfterVerbResourceAndIdIsTheName() {
    Map<String, String> names =
        names(
            "/v1/project_logs/{project_id}/insert:\n  post: "
                + op("postProjectLogsIdInsert", "Logs")
                + "\n/v1/experiment/{experiment_id}/insert:\n  post: "
                + op("postExperimentIdInsert", "Experiments")
                + "\n/v1/acl/batch_update:\n  post: "
                + op("aclBatchUpdate", "Acls")
                + "\n/v1/organization/members:\n  patch: "
                + op("patchOrganizationMembers", "Organizations")
                + "\n/v1/proxy/chat/completions:\n  post: "
                + op("proxychatCompletions", "Proxy"));
    assertEquals("insert", names.get("POST /v1/project_logs/{project_id}/insert"));
    assertEquals("insert", names.get("POST /v1/experiment/{experiment_id}/insert"));
    assertEquals("batchUpdate", names.get("POST /v1/acl/batch_update"));
    assertEquals("updateMembers", names.get("PATCH /v1/organization/members"));
    assertEquals("chatCompletions", names.get("POST /v1/proxy/chat/completions"));
  }

  @Test
  void aCollisionWithinOneResourceAppendsTheMethodToTheLaterOperation() {
    // POST is written first, but operations are taken in the order get, put, post, ...
    Map<String, String> names =
        names(
            "/v1/dataset/{dataset_id}/fetch:\n  post: "
                + op("postDatasetIdFetch", "Datasets")
                + "\n  get: "
                + op("getDatasetIdFetch", "Datasets"));
    assertEquals("fetch", names.get("GET /v1/dataset/{dataset_id}/fetch"));
    assertEquals("fetchPost", names.get("POST /v1/dataset/{dataset_id}/fetch"));
  }

  @Test
  void aGreedyPathParameterMakesAForwardAndAnExplicitNameWins() {
    Map<String, String> names =
        names(
            "/v1/proxy/{path+}:\n  post: "
                + op("proxy{path+}", "Proxy")
                + "\n/v1/eval:\n  post: {operationId: evalLaunch, tags: [Evals], x-bt4j-method: run,"
                + " responses: {'200': {description: ok}}}");
    assertEquals("forward", names.get("POST /v1/proxy/{path+}"));
    assertEquals("run", names.get("POST /v1/eval"));
  }
}
