package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/experiment/{id}/summarize} and {@code GET /v1/dataset/{id}/summarize}: names and
 * links always; scores and metrics ({@code summarize_scores=true}) or the record count ({@code
 * summarize_data=true}) when asked, as the spec says. An experiment compares against {@code
 * comparison_experiment_id}, or else its {@code base_exp_id}.
 */
final class SummaryHandlers {
  private final EventStore events;
  private final String baseUrl;

  SummaryHandlers(EventStore events, String baseUrl) {
    this.events = events;
    this.baseUrl = baseUrl;
  }

  void register(Router router) {
    router.add("GET", "/v1/experiment/{experiment_id}/summarize", this::experiment);
    router.add("GET", "/v1/dataset/{dataset_id}/summarize", this::dataset);
  }

  private void experiment(ApiExchange call) throws IOException {
    UUID id = call.pathId("experiment_id");
    ObjectStore objects = events.objects();
    JsonObject experiment = objects.get(ObjectKinds.EXPERIMENT, id);
    JsonObject project = projectOf(experiment);
    JsonObject comparison = comparison(call, experiment);
    JsonObject summary = new JsonObject();
    summary.add("project_name", project.get("name"));
    summary.add("experiment_name", experiment.get("name"));
    summary.addProperty("project_url", projectUrl(project));
    summary.addProperty(
        "experiment_url", projectUrl(project) + "/experiments/" + encode(experiment.get("name")));
    JsonValues.put(
        summary, "comparison_experiment_name", comparison == null ? null : comparison.get("name"));
    if ("true".equals(call.query("summarize_scores"))) {
      List<JsonObject> rows = events.log(EventObject.EXPERIMENT, id).rows(null);
      List<JsonObject> baseline =
          comparison == null
              ? null
              : events
                  .log(EventObject.EXPERIMENT, UUID.fromString(comparison.get("id").getAsString()))
                  .rows(null);
      ExperimentSummary.addScoresAndMetrics(summary, rows, baseline);
    }
    call.sendJson(200, summary);
  }

  private void dataset(ApiExchange call) throws IOException {
    UUID id = call.pathId("dataset_id");
    JsonObject dataset = events.objects().get(ObjectKinds.DATASET, id);
    JsonObject project = projectOf(dataset);
    JsonObject summary = new JsonObject();
    summary.add("project_name", project.get("name"));
    summary.add("dataset_name", dataset.get("name"));
    summary.addProperty("project_url", projectUrl(project));
    summary.addProperty(
        "dataset_url", projectUrl(project) + "/datasets/" + encode(dataset.get("name")));
    if ("true".equals(call.query("summarize_data"))) {
      JsonObject data = new JsonObject();
      data.addProperty("total_records", events.log(EventObject.DATASET, id).rows(null).size());
      summary.add("data_summary", data);
    }
    call.sendJson(200, summary);
  }

  private JsonObject projectOf(JsonObject object) {
    JsonObject project =
        events.objects().find(ObjectKinds.PROJECT, object.get("project_id").getAsString());
    if (project == null) {
      throw ApiError.notFound("the project of this object was deleted");
    }
    return project;
  }

  private JsonObject comparison(ApiExchange call, JsonObject experiment) {
    String id = call.query("comparison_experiment_id");
    if (id != null) {
      return events
          .objects()
          .get(ObjectKinds.EXPERIMENT, JsonValues.uuid(id, "comparison_experiment_id"));
    }
    JsonElement base = experiment.get("base_exp_id");
    return JsonValues.isNull(base)
        ? null
        : events.objects().find(ObjectKinds.EXPERIMENT, base.getAsString());
  }

  private String projectUrl(JsonObject project) {
    return baseUrl
        + "/app/"
        + encode(events.objects().directory().orgName())
        + "/p/"
        + encode(project.get("name"));
  }

  private static String encode(JsonElement name) {
    return encode(name.getAsString());
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
