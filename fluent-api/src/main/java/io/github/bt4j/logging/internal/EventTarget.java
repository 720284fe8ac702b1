package io.github.bt4j.logging.internal;

import io.github.bt4j.generated.api.DatasetsApi;
import io.github.bt4j.generated.api.ExperimentsApi;
import io.github.bt4j.generated.api.LogsApi;
import io.github.bt4j.internal.http.RetryBudget;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.models.FeedbackDatasetEventRequest;
import io.github.bt4j.models.FeedbackExperimentEventRequest;
import io.github.bt4j.models.FeedbackProjectLogsEventRequest;
import io.github.bt4j.models.InsertDatasetEventRequest;
import io.github.bt4j.models.InsertExperimentEventRequest;
import io.github.bt4j.models.InsertProjectLogsEventRequest;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The event store a writer sends to: its kind as the API names it ({@code project_logs}, {@code
 * experiment}, {@code dataset}), its id, and its insert and feedback operations as the generated
 * interface builds them, so that path, headers and the response type come from the one place every
 * other call takes them from. Only the body differs: the writer's, written from the events' JSON.
 *
 * @param objectType the path segment naming the kind of store
 * @param objectId the store's id (a UUID)
 * @param insert the insert operation's request, whose body {@link #request} replaces
 * @param feedback the feedback operation's request, whose body {@link #request} replaces
 */
public record EventTarget(String objectType, String objectId, Request insert, Request feedback) {

  /** The logs of the project {@code projectId}. */
  public static EventTarget projectLogs(Transport transport, String projectId) {
    LogsApi api = transport.api(LogsApi.class);
    return new EventTarget(
        "project_logs",
        projectId,
        api.postProjectLogsIdInsert(projectId, new InsertProjectLogsEventRequest()).request(),
        api.postProjectLogsIdFeedback(projectId, new FeedbackProjectLogsEventRequest()).request());
  }

  /** The experiment {@code experimentId}. */
  public static EventTarget experiment(Transport transport, String experimentId) {
    ExperimentsApi api = transport.api(ExperimentsApi.class);
    return new EventTarget(
        "experiment",
        experimentId,
        api.postExperimentIdInsert(experimentId, new InsertExperimentEventRequest()).request(),
        api.postExperimentIdFeedback(experimentId, new FeedbackExperimentEventRequest()).request());
  }

  /** The dataset {@code datasetId}. */
  public static EventTarget dataset(Transport transport, String datasetId) {
    DatasetsApi api = transport.api(DatasetsApi.class);
    return new EventTarget(
        "dataset",
        datasetId,
        api.postDatasetIdInsert(datasetId, new InsertDatasetEventRequest()).request(),
        api.postDatasetIdFeedback(datasetId, new FeedbackDatasetEventRequest()).request());
  }

  /**
   * The request that posts {@code body} to the endpoint for events of {@code kind}, resent within
   * {@code budget} (none: the call's own retry policy alone).
   */
  public Request request(EventKind kind, RequestBody body, RetryBudget budget) {
    return (kind == EventKind.INSERT ? insert : feedback)
        .newBuilder()
        .post(body)
        .tag(RetryBudget.class, budget)
        .build();
  }

  @Override
  public String toString() {
    return objectType + " " + objectId;
  }
}
