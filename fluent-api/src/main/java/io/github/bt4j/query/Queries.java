package io.github.bt4j.query;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.generated.api.DatasetsApi;
import io.github.bt4j.generated.api.ExperimentsApi;
import io.github.bt4j.generated.api.LogsApi;
import io.github.bt4j.internal.Validation;
import io.github.bt4j.internal.http.RetryRule;
import io.github.bt4j.internal.http.Transport;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.EventTarget;
import io.github.bt4j.models.InsertEventsResponse;
import java.util.Iterator;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Reading large amounts of data, lazily and in constant memory: SQL and BTQL queries through {@code
 * /btql}, every event of an experiment, dataset or project's logs through their {@code fetch}
 * endpoints, and deleting events by id. Reached through {@code client.queries()}.
 *
 * <pre>{@code
 * Queries q = client.queries();
 * String sql = "SELECT id FROM project_logs('" + projectId + "') WHERE metadata.user_id = 'u1'";
 * for (JsonObject row : q.sql(sql).rows()) { ... }
 * Stream<String> ids = q.sql(sql).rows().stream().map(row -> row.get("id").getAsString());
 * long deleted = q.deleteProjectLogs(projectId, ids::iterator);
 * }</pre>
 *
 * <p><b>Which to use.</b> A {@link BtqlQuery} reads only the rows and columns you ask for, filters
 * and aggregates on the server, and pages reliably over any number of rows: use it for large or
 * selective reads. An {@link EventFetch} needs no query language and returns whole events in the
 * generated model classes, de-duplicated by id: use it to read every event of a modest object, or
 * where a typed event is handier than a row.
 */
public final class Queries {
  /** Ids per insert request when deleting. */
  public static final int DELETE_BATCH_SIZE = 1000;

  private static final MediaType JSON = MediaType.get("application/json");

  private final Transport transport;

  /**
   * Creates the entry point on a client's transport; use {@code client.queries()}.
   *
   * @param transport the client's transport
   */
  public Queries(Transport transport) {
    this.transport = transport;
  }

  /**
   * A SQL query, such as {@code SELECT id, scores FROM experiment('<id>') WHERE is_root}.
   *
   * @param sql the query; a trailing {@code LIMIT n} is the total number of rows
   * @return the query, not yet sent
   */
  public BtqlQuery sql(String sql) {
    return new BtqlQuery(transport, QueryShape.sql(Validation.notBlank(sql, "sql")));
  }

  /**
   * A query in BTQL's own syntax, such as {@code select: id | from: dataset('<id>')}.
   *
   * @param btql the query; a {@code limit:} clause is the total number of rows
   * @return the query, not yet sent
   */
  public BtqlQuery btql(String btql) {
    return new BtqlQuery(transport, QueryShape.btql(Validation.notBlank(btql, "btql")));
  }

  /**
   * A structured BTQL query: a {@link JsonObject}, a {@code Map} or any object the client's Gson
   * writes as a JSON object, with {@code from}, {@code select}, {@code filter}, {@code sort}...
   *
   * @param query the query; its {@code limit} is the total number of rows, its {@code cursor} where
   *     the walk starts
   * @return the query, not yet sent
   */
  public BtqlQuery structured(Object query) {
    Validation.required(query, "query");
    if (query instanceof CharSequence) {
      throw new IllegalArgumentException(
          "a query string is SQL or BTQL: use sql(...) or btql(...), not structured(...)");
    }
    JsonElement json = transport.gson().toJsonTree(query);
    if (!json.isJsonObject()) {
      throw new IllegalArgumentException("a structured query is a JSON object, got " + json);
    }
    return new BtqlQuery(transport, QueryShape.structured((JsonObject) json));
  }

  /**
   * Every event of a project's logs.
   *
   * @param projectId the project's id
   * @return the fetch, not yet sent
   * @throws IllegalArgumentException if the id is not a UUID
   */
  public EventFetch fetchProjectLogs(String projectId) {
    Validation.uuid(projectId, "projectId");
    return new EventFetch(
        transport, body -> transport.api(LogsApi.class).postProjectLogsIdFetch(projectId, body));
  }

  /**
   * Every event of an experiment.
   *
   * @param experimentId the experiment's id
   * @return the fetch, not yet sent
   * @throws IllegalArgumentException if the id is not a UUID
   */
  public EventFetch fetchExperiment(String experimentId) {
    Validation.uuid(experimentId, "experimentId");
    return new EventFetch(
        transport,
        body -> transport.api(ExperimentsApi.class).postExperimentIdFetch(experimentId, body));
  }

  /**
   * Every record of a dataset.
   *
   * @param datasetId the dataset's id
   * @return the fetch, not yet sent
   * @throws IllegalArgumentException if the id is not a UUID
   */
  public EventFetch fetchDataset(String datasetId) {
    Validation.uuid(datasetId, "datasetId");
    return new EventFetch(
        transport, body -> transport.api(DatasetsApi.class).postDatasetIdFetch(datasetId, body));
  }

  /**
   * Deletes events of a project's logs by id: inserts {@code {"id": ..., "_object_delete": true}}
   * in batches of {@value #DELETE_BATCH_SIZE}. The ids are read lazily, so a stream of a query's
   * rows can feed it in constant memory. Deleting is idempotent: if a batch fails (the batches
   * before it stay deleted), calling again with the same ids is safe.
   *
   * @param projectId the project
   * @param ids the ids of the events to delete
   * @return how many rows the server acknowledged
   */
  public long deleteProjectLogs(String projectId, Iterable<String> ids) {
    return deleteProjectLogs(projectId, ids, RequestOptions.none());
  }

  /**
   * Deletes events of a project's logs by id; see {@link #deleteProjectLogs(String, Iterable)}.
   *
   * @param projectId the project
   * @param ids the ids of the events to delete
   * @param options options applied to every request
   * @return how many rows the server acknowledged
   */
  public long deleteProjectLogs(String projectId, Iterable<String> ids, RequestOptions options) {
    return inBatches(
        EventTarget.projectLogs(transport, Validation.uuid(projectId, "projectId")), ids, options);
  }

  /**
   * Deletes events of an experiment by id; see {@link #deleteProjectLogs(String, Iterable)}.
   *
   * @param experimentId the experiment
   * @param ids the ids of the events to delete
   * @return how many rows the server acknowledged
   */
  public long deleteExperimentEvents(String experimentId, Iterable<String> ids) {
    return deleteExperimentEvents(experimentId, ids, RequestOptions.none());
  }

  /**
   * Deletes events of an experiment by id; see {@link #deleteProjectLogs(String, Iterable)}.
   *
   * @param experimentId the experiment
   * @param ids the ids of the events to delete
   * @param options options applied to every request
   * @return how many rows the server acknowledged
   */
  public long deleteExperimentEvents(
      String experimentId, Iterable<String> ids, RequestOptions options) {
    return inBatches(
        EventTarget.experiment(transport, Validation.uuid(experimentId, "experimentId")),
        ids,
        options);
  }

  /**
   * Deletes records of a dataset by id; see {@link #deleteProjectLogs(String, Iterable)}.
   *
   * @param datasetId the dataset
   * @param ids the ids of the records to delete
   * @return how many rows the server acknowledged
   */
  public long deleteDatasetEvents(String datasetId, Iterable<String> ids) {
    return deleteDatasetEvents(datasetId, ids, RequestOptions.none());
  }

  /**
   * Deletes records of a dataset by id; see {@link #deleteProjectLogs(String, Iterable)}.
   *
   * @param datasetId the dataset
   * @param ids the ids of the records to delete
   * @param options options applied to every request
   * @return how many rows the server acknowledged
   */
  public long deleteDatasetEvents(String datasetId, Iterable<String> ids, RequestOptions options) {
    return inBatches(
        EventTarget.dataset(transport, Validation.uuid(datasetId, "datasetId")), ids, options);
  }

  /**
   * Sends the deletions of {@code ids} to the store's insert endpoint, as the event writer
   * addresses it, in batches, each row an {@code _object_delete} with its id (so sending a batch
   * twice deletes once: always safe to retry), and counts the rows acknowledged.
   */
  private long inBatches(EventTarget store, Iterable<String> ids, RequestOptions options) {
    Validation.required(ids, "ids");
    Validation.required(options, "options");
    long acknowledged = 0;
    JsonArray batch = new JsonArray();
    Iterator<String> it = ids.iterator();
    while (it.hasNext()) {
      JsonObject row = new JsonObject();
      row.addProperty("id", Validation.notBlank(it.next(), "id"));
      row.addProperty("_object_delete", true);
      batch.add(row);
      if (batch.size() == DELETE_BATCH_SIZE || !it.hasNext()) {
        JsonObject body = new JsonObject();
        body.add(EventKind.INSERT.bodyField(), batch);
        RequestBody json = RequestBody.create(body.toString(), JSON);
        InsertEventsResponse answer =
            transport.execute(
                store.request(EventKind.INSERT, json, null), options, RetryRule.ALWAYS);
        acknowledged +=
            answer == null || answer.getRowIds() == null ? 0 : answer.getRowIds().size();
        batch = new JsonArray();
      }
    }
    return acknowledged;
  }

  @Override
  public String toString() {
    return "Queries{baseUrl=" + transport.config().baseUrl() + "}";
  }
}
