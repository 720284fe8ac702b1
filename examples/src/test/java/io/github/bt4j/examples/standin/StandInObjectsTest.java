package io.github.bt4j.examples.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.generated.model.CreateDataset;
import io.github.bt4j.generated.model.CreateExperiment;
import io.github.bt4j.generated.model.CreateProject;
import io.github.bt4j.generated.model.Dataset;
import io.github.bt4j.generated.model.Experiment;
import io.github.bt4j.generated.model.PatchProject;
import io.github.bt4j.generated.model.Project;
import io.github.bt4j.resources.DatasetsResource;
import io.github.bt4j.resources.ExperimentsResource;
import io.github.bt4j.resources.ProjectsResource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StandInObjectsTest {
  private final StandInFixture api = new StandInFixture();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void creatingAProjectTwiceReturnsTheFirst() {
    Project first = api.client.projects().create(new CreateProject().name("rest_test"));
    Project again =
        api.client.projects().create(new CreateProject().name("rest_test").description("new"));

    assertEquals(first.getId(), again.getId());
    assertEquals(null, again.getDescription());
    assertEquals("rest_test", api.client.projects().get(first.getId()).getName());
    assertNotNull(first.getOrgId());
    assertNotNull(first.getCreated());
  }

  @Test
  void experimentsClashByNameUnlessEnsureNew() {
    UUID project = api.client.projects().create(new CreateProject().name("p")).getId();
    Experiment first =
        api.client.experiments().create(new CreateExperiment().projectId(project).name("e"));
    Experiment same =
        api.client.experiments().create(new CreateExperiment().projectId(project).name("e"));
    Experiment fresh =
        api.client
            .experiments()
            .create(new CreateExperiment().projectId(project).name("e").ensureNew(true));
    Experiment unnamed = api.client.experiments().create(new CreateExperiment().projectId(project));

    assertEquals(first.getId(), same.getId());
    assertNotEquals(first.getId(), fresh.getId());
    assertEquals("e-2", fresh.getName());
    assertEquals("experiment", unnamed.getName());
    assertEquals(false, first.getPublic());
  }

  @Test
  void childObjectsNeedAnExistingProject() {
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () ->
                api.client
                    .datasets()
                    .create(new CreateDataset().projectId(UUID.randomUUID()).name("d")));
    assertTrue(e.serverMessage().startsWith("project_id: no project with id"), e.serverMessage());
  }

  @Test
  void listsPageNewestFirstWithStartingAfterAndEndingBefore() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ids.add(api.client.projects().create(new CreateProject().name("p" + i)).getId());
    }

    assertEquals(List.of("p5", "p4"), names(ProjectsResource.ListParams.builder().limit(2)));
    assertEquals(
        List.of("p3", "p2"),
        names(ProjectsResource.ListParams.builder().limit(2).startingAfter(ids.get(3))));
    assertEquals(
        List.of("p4", "p3"),
        names(ProjectsResource.ListParams.builder().limit(2).endingBefore(ids.get(1))));
    assertEquals(List.of("p2"), names(ProjectsResource.ListParams.builder().projectName("p2")));
    assertEquals(
        List.of("p3", "p1"),
        names(ProjectsResource.ListParams.builder().ids(List.of(ids.get(0), ids.get(2)))));
    assertEquals(List.of(), names(ProjectsResource.ListParams.builder().orgName("another-org")));
  }

  @Test
  void datasetsAndExperimentsFilterByProjectAndName() {
    UUID a = api.client.projects().create(new CreateProject().name("a")).getId();
    UUID b = api.client.projects().create(new CreateProject().name("b")).getId();
    Dataset inA = api.client.datasets().create(new CreateDataset().projectId(a).name("Golden Set"));
    api.client.datasets().create(new CreateDataset().projectId(b).name("Golden Set"));
    api.client.experiments().create(new CreateExperiment().projectId(a).name("x"));
    api.client.experiments().create(new CreateExperiment().projectId(b).name("x"));

    List<Dataset> found =
        api.client
            .datasets()
            .list(
                DatasetsResource.ListParams.builder()
                    .projectName("a")
                    .datasetName("Golden Set")
                    .build())
            .getObjects();
    assertEquals(List.of(inA.getId()), found.stream().map(Dataset::getId).toList());
    assertEquals("golden-set", inA.getUrlSlug());
    assertEquals(
        1,
        api.client
            .experiments()
            .list(ExperimentsResource.ListParams.builder().projectId(b).build())
            .getObjects()
            .size());
  }

  @Test
  void deletedObjectsAreGoneAndFreeTheirName() {
    Project p = api.client.projects().create(new CreateProject().name("short-lived"));

    Project deleted = api.client.projects().delete(p.getId());
    assertNotNull(deleted.getDeletedAt());
    NotFoundException e =
        assertThrows(NotFoundException.class, () -> api.client.projects().get(p.getId()));
    assertEquals("project " + p.getId() + " not found", e.serverMessage());
    assertNotEquals(
        p.getId(), api.client.projects().create(new CreateProject().name("short-lived")).getId());
  }

  @Test
  void patchDeepMergesFields() {
    Project p = api.client.projects().create(new CreateProject().name("p"));

    Project patched = api.client.projects().update(p.getId(), new PatchProject().description("d"));

    assertEquals("d", patched.getDescription());
    assertEquals("p", patched.getName());
    assertEquals("d", api.client.projects().get(p.getId()).getDescription());
  }

  @Test
  void malformedRequestsAreBadRequestsInPlainText() {
    StandInFixture.Answer notJson = api.post("/v1/project", "{name: unquoted}");
    StandInFixture.Answer notUuid = api.get("/v1/project/not-a-uuid");
    StandInFixture.Answer noName = api.post("/v1/project", "{}");

    assertEquals(400, notJson.status());
    assertTrue(notJson.contentType().startsWith("text/plain"), notJson.contentType());
    assertTrue(notJson.body().startsWith("malformed JSON body"), notJson.body());
    assertEquals(400, notUuid.status());
    assertEquals("project_id must be a UUID, got 'not-a-uuid'", notUuid.body());
    assertEquals("name is required to create a project", noName.body());
  }

  @Test
  void unknownPathsAndMethodsAreAnswered() {
    assertEquals(404, api.get("/v1/nothing-here").status());
    assertEquals(405, api.post("/v1/user", "{}").status());
  }

  private List<String> names(ProjectsResource.ListParams.Builder params) {
    return api.client.projects().list(params.build()).getObjects().stream()
        .map(Project::getName)
        .toList();
  }
}
