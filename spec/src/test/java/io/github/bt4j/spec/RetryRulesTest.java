package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;
import static io.github.bt4j.spec.SpecFixtures.parse;
import static io.github.bt4j.spec.SpecFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code x-bt4j-retry} rule of each kind of operation, on the bundled spec and synthetic ones.
 */
class RetryRulesTest {
  private static final Map<String, String> BUNDLED = new HashMap<>();

  @BeforeAll
  static void prepareTheBundledSpec() throws IOException {
    Path openapi = Path.of(System.getProperty("bt4j.repoRoot"), "spec", "src", "main", "openapi");
    SpecDocument spec = SpecDocument.read(openapi.resolve("openapi.yaml"));
    new SpecPreparer(spec).prepare(SpecDocument.read(openapi.resolve("bt4j-additions.yaml")));
    for (SpecDocument.Operation op : spec.operations()) {
      BUNDLED.put(op.id(), (String) op.body().get("x-bt4j-retry"));
    }
  }

  @Test
  void readsPutsDeletesFetchesQueriesAndIdempotentOperationsAlwaysMayBeRetried() {
    for (String id :
        new String[] {
          "getProject",
          "putProjectScore",
          "deleteProjectId",
          "postExperimentIdFetch",
          "aclBatchUpdate",
        }) {
      assertEquals("always", BUNDLED.get(id), id);
    }
    assertEquals("always", BUNDLED.get("postAcl"), "returns the acl with the same contents");
  }

  @Test
  void aCreateThatReturnsTheExistingObjectIsRetriedOnlyWhenNamedAndNotForcedNew() {
    assertEquals("when-named name", BUNDLED.get("postProject"));
    assertEquals("when-named name unless ensure_new", BUNDLED.get("postExperiment"));
    assertEquals("when-named name", BUNDLED.get("postDataset"));
    assertEquals("when-named slug", BUNDLED.get("postFunction"));
  }

  @Test
  void insertsGiveIdsToEveryEventListAndAreSentOnceWithFeedback() {
    assertEquals("with-event-ids events", BUNDLED.get("postProjectLogsIdInsert"));
    assertEquals("with-event-ids events", BUNDLED.get("postExperimentIdInsert"));
    assertEquals(
        "with-event-ids experiment.*.events dataset.*.events project_logs.*.events"
            + " unless experiment.*.feedback dataset.*.feedback project_logs.*.feedback",
        BUNDLED.get("postCrossObjectInsert"));
  }

  @Test
  void otherWritesAreNeverRetried() {
    for (String id :
        new String[] {"postFunctionIdInvoke", "postExperimentIdFeedback", "patchProjectId"}) {
      assertEquals("never", BUNDLED.get(id), id);
    }
  }

  @Test
  void aCreateWhoseIdentityIsNotInItsBodyIsNeverRetried() {
    SpecDocument spec =
        parse(
            spec(
                "/v1/thing:\n  post:\n    operationId: postThing\n"
                    + "    description: If there is an existing thing with the same name, will"
                    + " return the existing thing\n"
                    + "    requestBody: {content: {application/json: {schema:"
                    + " {type: object, properties: {label: {type: string}}}}}}\n"
                    + "    responses: {'200': {description: ok}}",
                ""));
    new SpecPreparer(spec).prepare(null);
    Map<String, Object> op = map(map(map(spec.paths().get("/v1/thing")).get("post")));
    assertEquals("never", op.get("x-bt4j-retry"));
  }
}
