package io.github.bt4j.examples.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.generated.model.CreateDataset;
import io.github.bt4j.generated.model.CreateExperiment;
import io.github.bt4j.generated.model.CreateProject;
import io.github.bt4j.generated.model.ExperimentEvent;
import io.github.bt4j.generated.model.FeedbackExperimentEventRequest;
import io.github.bt4j.generated.model.FeedbackExperimentItem;
import io.github.bt4j.generated.model.FetchEventsRequest;
import io.github.bt4j.generated.model.FetchExperimentEventsResponse;
import io.github.bt4j.generated.model.InsertDatasetEvent;
import io.github.bt4j.generated.model.InsertDatasetEventRequest;
import io.github.bt4j.generated.model.InsertExperimentEvent;
import io.github.bt4j.generated.model.InsertExperimentEventMetrics;
import io.github.bt4j.generated.model.InsertExperimentEventRequest;
import io.github.bt4j.generated.model.ProjectLogsEvent;
import io.github.bt4j.generated.model.ScoreSummary;
import io.github.bt4j.generated.model.SummarizeExperimentResponse;
import io.github.bt4j.resources.DatasetsResource;
import io.github.bt4j.resources.ExperimentsResource;
import io.github.bt4j.resources.LogsResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StandInEventsTest {
  private final StandInFixture api = new StandInFixture();
  private final UUID project =
      api.client.projects().create(new CreateProject().name("events")).getId();
  private final UUID experiment =
      api.client
          .experiments()
          .create(new CreateExperiment().projectId(project).name("exp"))
          .getId();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void fetchPagesThroughEveryTraceWithCursors() {
    List<String> inserted = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      inserted.addAll(insert(new InsertExperimentEvent().input(i).output(i * 2)));
    }

    Set<String> seen = new HashSet<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    while (true) {
      FetchExperimentEventsResponse page =
          api.client
              .experiments()
              .fetchPost(experiment, new FetchEventsRequest().limit(3).cursor(cursor));
      if (page.getEvents().isEmpty()) {
        assertNull(page.getCursor());
        break;
      }
      pageSizes.add(page.getEvents().size());
      page.getEvents().forEach(e -> assertTrue(seen.add(e.getId()), "seen twice: " + e.getId()));
      cursor = page.getCursor();
      assertNotNull(cursor);
    }

    assertEquals(List.of(3, 3, 3, 1), pageSizes);
    assertEquals(new HashSet<>(inserted), seen);
  }

  @Test
  void eachWriteIsANewerTransaction() {
    insert(new InsertExperimentEvent().id("a"), new InsertExperimentEvent().id("b"));
    insert(new InsertExperimentEvent().id("c"));

    List<ExperimentEvent> events = api.client.experiments().fetch(experiment).getEvents();
    Map<String, Long> xact = new HashMap<>();
    events.forEach(e -> xact.put(e.getId(), Long.parseLong(e.getXactId())));

    assertEquals(xact.get("a"), xact.get("b"));
    assertTrue(xact.get("c") > xact.get("a"));
    assertEquals("c", events.get(0).getId(), "newest first");
    assertEquals(experiment, events.get(0).getExperimentId());
    assertEquals(project, events.get(0).getProjectId());
  }

  @Test
  void theGetFormPagesWithTheDeprecatedTransactionCursor() {
    for (int i = 0; i < 5; i++) {
      insert(new InsertExperimentEvent().input(i));
    }
    Set<String> seen = new HashSet<>();
    ExperimentsResource.FetchParams.Builder params =
        ExperimentsResource.FetchParams.builder().limit(2);
    for (int page = 0; page < 3; page++) {
      List<ExperimentEvent> events =
          api.client.experiments().fetch(experiment, params.build()).getEvents();
      events.forEach(e -> seen.add(e.getId()));
      ExperimentEvent oldest = events.get(events.size() - 1);
      params.maxXactId(oldest.getXactId()).maxRootSpanId(oldest.getRootSpanId());
    }

    assertEquals(5, seen.size());
    assertEquals(List.of(), api.client.experiments().fetch(experiment, params.build()).getEvents());
  }

  @Test
  void aTraceComesWholeWhateverTheLimit() {
    api.post(
        "/v1/experiment/" + experiment + "/insert",
        """
        {"events": [
          {"id": "root", "span_id": "s0", "root_span_id": "s0", "input": "q"},
          {"id": "child1", "span_id": "s1", "root_span_id": "s0", "span_parents": ["s0"]},
          {"id": "child2", "_parent_id": "root"}
        ]}""");

    List<ExperimentEvent> events =
        api.client
            .experiments()
            .fetchPost(experiment, new FetchEventsRequest().limit(1))
            .getEvents();

    assertEquals(3, events.size());
    ExperimentEvent child2 =
        events.stream().filter(e -> e.getId().equals("child2")).findFirst().get();
    assertEquals("s0", child2.getRootSpanId());
    assertEquals(List.of("s0"), child2.getSpanParents());
    assertEquals(false, child2.getIsRoot());
    assertEquals(
        true, events.stream().filter(e -> e.getId().equals("root")).findFirst().get().getIsRoot());
  }

  @Test
  void writesMergeReplaceAndDeleteAndOldVersionsStayReadable() {
    insert(new InsertExperimentEvent().id("row").input(Map.of("a", 5, "b", 10)));
    String firstVersion = only().getXactId();
    insert(new InsertExperimentEvent().id("row").isMerge(true).input(Map.of("b", 11, "c", 20)));
    assertEquals(Map.of("a", 5, "b", 11, "c", 20), numbers(only().getInput()));

    insert(new InsertExperimentEvent().id("row").input(Map.of("b", 11)));
    assertEquals(Map.of("b", 11), numbers(only().getInput()));

    insert(new InsertExperimentEvent().id("row").objectDelete(true));
    assertEquals(List.of(), api.client.experiments().fetch(experiment).getEvents());

    List<ExperimentEvent> asBefore =
        api.client
            .experiments()
            .fetch(
                experiment, ExperimentsResource.FetchParams.builder().version(firstVersion).build())
            .getEvents();
    assertEquals(Map.of("a", 5, "b", 10), numbers(asBefore.get(0).getInput()));
  }

  @Test
  void mergePathsStopTheDeepMerge() {
    String path = "/v1/experiment/" + experiment + "/insert";
    api.post(
        path,
        "{\"events\": [{\"id\": \"r\", \"input\": {\"a\": {\"b\": 10}, \"c\": {\"d\": 20}}}]}");
    api.post(
        path,
        "{\"events\": [{\"id\": \"r\", \"_is_merge\": true, \"_merge_paths\": [[\"input\", \"a\"]],"
            + " \"input\": {\"a\": {\"q\": 30}, \"c\": {\"e\": 30}}, \"tags\": [\"x\", \"y\"]}]}");
    api.post(
        path,
        "{\"events\": [{\"id\": \"r\", \"_is_merge\": true,"
            + " \"_array_delete\": [{\"path\": [\"tags\"], \"delete\": [\"x\"]}]}]}");

    ExperimentEvent row = only();
    assertEquals(
        Map.of("a", Map.of("q", 30), "c", Map.of("d", 20, "e", 30)), numbers(row.getInput()));
    assertEquals(List.of("y"), row.getTags());
  }

  @Test
  void anInvalidEventRejectsTheWholeRequest() {
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () ->
                insert(
                    new InsertExperimentEvent().id("ok"),
                    new InsertExperimentEvent()
                        .id("bad")
                        .scores(Map.of("accuracy", new BigDecimal("1.5")))));

    assertEquals(
        "events[1].scores.accuracy must be a number between 0 and 1, got 1.5", e.serverMessage());
    assertEquals(List.of(), api.client.experiments().fetch(experiment).getEvents());
    assertThrows(
        NotFoundException.class,
        () ->
            api.client
                .experiments()
                .insert(UUID.randomUUID(), new InsertExperimentEventRequest().events(List.of())));
  }

  @Test
  void feedbackIsStoredOnTheRow() {
    insert(new InsertExperimentEvent().id("r").scores(Map.of("accuracy", new BigDecimal("0.5"))));

    api.client
        .experiments()
        .feedback(
            experiment,
            new FeedbackExperimentEventRequest()
                .addFeedbackItem(
                    new FeedbackExperimentItem()
                        .id("r")
                        .scores(Map.of("response quality", BigDecimal.ONE))
                        .comment("well put")
                        .tags(List.of("reviewed"))
                        .metadata(Map.of("user_id", "u1"))));

    ExperimentEvent row = only();
    assertEquals(0.5, row.getScores().get("accuracy").doubleValue());
    assertEquals(1.0, row.getScores().get("response quality").doubleValue());
    assertEquals(List.of("reviewed"), row.getTags());
    assertEquals(1, row.getComments().size());
    assertTrue(row.getComments().get(0).toString().contains("well put"));
    assertTrue(row.getAuditData().get(0).toString().contains("u1"));
    assertThrows(
        BadRequestException.class,
        () ->
            api.client
                .experiments()
                .feedback(
                    experiment,
                    new FeedbackExperimentEventRequest()
                        .addFeedbackItem(new FeedbackExperimentItem().id("missing"))));
  }

  @Test
  void summariesAreComputedFromTheStoredScores() {
    UUID baseline =
        api.client
            .experiments()
            .create(new CreateExperiment().projectId(project).name("baseline"))
            .getId();
    for (int i = 0; i < 4; i++) {
      insertInto(baseline, scored(i, "0.25", 0));
      insert(scored(i, i < 3 ? "0.5" : "0.25", 2));
    }

    SummarizeExperimentResponse plain = api.client.experiments().summarize(experiment);
    SummarizeExperimentResponse full =
        api.client
            .experiments()
            .summarize(
                experiment,
                ExperimentsResource.SummarizeParams.builder()
                    .summarizeScores(true)
                    .comparisonExperimentId(baseline)
                    .build());

    assertEquals("events", plain.getProjectName());
    assertEquals("exp", plain.getExperimentName());
    assertNull(plain.getScores());
    assertTrue(full.getExperimentUrl().toString().endsWith("/p/events/experiments/exp"));
    assertEquals("baseline", full.getComparisonExperimentName());
    ScoreSummary accuracy = full.getScores().get("accuracy");
    assertEquals(0.4375, accuracy.getScore().doubleValue());
    assertEquals(0.1875, accuracy.getDiff().doubleValue());
    assertEquals(3, accuracy.getImprovements());
    assertEquals(0, accuracy.getRegressions());
    assertEquals(2.0, full.getMetrics().get("duration").getMetric().doubleValue());
    assertEquals("s", full.getMetrics().get("duration").getUnit());
    assertEquals(4, full.getMetrics().get("duration").getRegressions());
  }

  @Test
  void projectLogsAndDatasetsKeepTheirOwnRows() {
    api.post(
        "/v1/project_logs/" + project + "/insert",
        "{\"events\": [{\"id\": \"log1\", \"input\": \"hi\"}]}");
    UUID dataset =
        api.client.datasets().create(new CreateDataset().projectId(project).name("d")).getId();
    api.client
        .datasets()
        .insert(
            dataset,
            new InsertDatasetEventRequest()
                .events(
                    List.of(
                        new InsertDatasetEvent().input("x"), new InsertDatasetEvent().input("y"))));

    List<ProjectLogsEvent> logs =
        api.client.logs().fetch(project, LogsResource.FetchParams.builder().build()).getEvents();
    assertEquals(List.of("log1"), logs.stream().map(ProjectLogsEvent::getId).toList());
    assertEquals("g", logs.get(0).getLogId().getValue());
    assertEquals(2, api.client.datasets().fetch(dataset).getEvents().size());
    assertEquals(
        2,
        api.client
            .datasets()
            .summarize(
                dataset, DatasetsResource.SummarizeParams.builder().summarizeData(true).build())
            .getDataSummary()
            .getTotalRecords());
  }

  private static InsertExperimentEvent scored(int input, String accuracy, int seconds) {
    InsertExperimentEventMetrics metrics = new InsertExperimentEventMetrics();
    metrics.start(new BigDecimal(100)).end(new BigDecimal(100 + seconds));
    return new InsertExperimentEvent()
        .input(input)
        .scores(Map.of("accuracy", new BigDecimal(accuracy)))
        .metrics(metrics);
  }

  private List<String> insert(InsertExperimentEvent... events) {
    return insertInto(experiment, events);
  }

  private List<String> insertInto(UUID id, InsertExperimentEvent... events) {
    return api.client
        .experiments()
        .insert(id, new InsertExperimentEventRequest().events(List.of(events)))
        .getRowIds();
  }

  private ExperimentEvent only() {
    List<ExperimentEvent> events = api.client.experiments().fetch(experiment).getEvents();
    assertEquals(1, events.size());
    return events.get(0);
  }

  /** A parsed JSON object with its numbers as ints, for comparing with literals. */
  @SuppressWarnings("unchecked")
  private static Object numbers(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((k, v) -> copy.put((String) k, numbers(v)));
      return copy;
    }
    return value instanceof Number n ? n.intValue() : value;
  }
}
