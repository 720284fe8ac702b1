package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The insert, fetch (GET and POST forms) and feedback operations of experiments, datasets and
 * project logs. Fetch returns whole traces, newest first, {@code limit} traces per page, with an
 * opaque {@code cursor}; the deprecated {@code max_xact_id}/{@code max_root_span_id} pair is read
 * as the same position, and {@code version} reads the rows as of that transaction.
 */
final class EventHandlers {
  private final EventStore events;

  EventHandlers(EventStore events) {
    this.events = events;
  }

  void register(Router router) {
    for (EventObject type : EventObject.values()) {
      String idParam = type.owner().type() + "_id";
      String base = "/v1/" + type.path() + "/{" + idParam + "}";
      router.add("POST", base + "/insert", call -> insert(type, idParam, call));
      router.add("GET", base + "/fetch", call -> fetchGet(type, idParam, call));
      router.add("POST", base + "/fetch", call -> fetchPost(type, idParam, call));
      router.add("POST", base + "/feedback", call -> feedback(type, idParam, call));
    }
  }

  private void insert(EventObject type, String idParam, ApiExchange call) throws IOException {
    JsonObject body = call.bodyObject();
    JsonArray list = JsonValues.optArray(body, "events", "events");
    if (list == null) {
      throw ApiError.badRequest("events is required: a list of events to insert");
    }
    List<String> ids = events.log(type, call.pathId(idParam)).insert(list);
    JsonArray rowIds = new JsonArray();
    ids.forEach(rowIds::add);
    JsonObject answer = new JsonObject();
    answer.add("row_ids", rowIds);
    call.sendJson(200, answer);
  }

  private void fetchGet(EventObject type, String idParam, ApiExchange call) throws IOException {
    EventLog log = events.log(type, call.pathId(idParam));
    Cursor after =
        position(call.query("cursor"), call.query("max_xact_id"), call.query("max_root_span_id"));
    List<JsonObject> rows = log.rows(version(call.query("version")));
    call.sendJson(200, page(rows, call.queryLimit("limit"), after));
  }

  private void fetchPost(EventObject type, String idParam, ApiExchange call) throws IOException {
    EventLog log = events.log(type, call.pathId(idParam));
    JsonObject body = call.bodyObject();
    Cursor after =
        position(
            JsonValues.optString(body, "cursor", "cursor"),
            JsonValues.optString(body, "max_xact_id", "max_xact_id"),
            JsonValues.optString(body, "max_root_span_id", "max_root_span_id"));
    List<JsonObject> rows =
        pathLookups(
            log.rows(version(JsonValues.optString(body, "version", "version"))),
            JsonValues.optArray(body, "filters", "filters"));
    call.sendJson(200, page(rows, JsonValues.optLimit(body, "limit", "limit"), after));
  }

  private void feedback(EventObject type, String idParam, ApiExchange call) throws IOException {
    JsonArray items = JsonValues.optArray(call.bodyObject(), "feedback", "feedback");
    if (items == null) {
      throw ApiError.badRequest("feedback is required: a list of feedback items");
    }
    events.log(type, call.pathId(idParam)).feedback(items);
    JsonObject answer = new JsonObject();
    answer.addProperty("status", "success");
    call.sendJson(200, answer);
  }

  private static JsonObject page(List<JsonObject> rows, Integer limit, Cursor after) {
    Pager.Page page = Pager.traces(rows, limit, after);
    JsonArray list = new JsonArray();
    page.rows().forEach(list::add);
    JsonObject answer = new JsonObject();
    answer.add("events", list);
    if (page.cursor() != null) {
      answer.addProperty("cursor", page.cursor());
    }
    return answer;
  }

  /** Where to continue: the opaque cursor, else the deprecated transaction/root span pair. */
  static Cursor position(String cursor, String maxXactId, String maxRootSpanId) {
    if (cursor != null) {
      return Cursor.decode(cursor);
    }
    if (maxXactId == null) {
      if (maxRootSpanId != null) {
        throw ApiError.badRequest("max_root_span_id needs max_xact_id");
      }
      return null;
    }
    long xact = XactClock.parse(maxXactId, "max_xact_id");
    // Without a root span id, every trace of that transaction is still to come.
    return new Cursor(xact, maxRootSpanId != null ? maxRootSpanId : "\uffff");
  }

  static Long version(String version) {
    return version == null ? null : XactClock.parse(version, "version");
  }

  /** Applies the deprecated {@code filters}: only {@code path_lookup} ones, as the spec says. */
  private static List<JsonObject> pathLookups(List<JsonObject> rows, JsonArray filters) {
    if (filters == null || filters.isEmpty()) {
      return rows;
    }
    List<JsonObject> kept = new ArrayList<>(rows);
    for (int i = 0; i < filters.size(); i++) {
      JsonObject filter = JsonValues.object(filters.get(i), "filters[" + i + "]");
      if (!"path_lookup".equals(JsonValues.optString(filter, "type", "filters[].type"))) {
        throw ApiError.badRequest("filters[" + i + "]: only path_lookup filters are supported");
      }
      JsonArray path = JsonValues.optArray(filter, "path", "filters[].path");
      if (path == null || path.isEmpty()) {
        throw ApiError.badRequest("filters[" + i + "].path must list field names");
      }
      List<String> keys = new ArrayList<>();
      path.forEach(p -> keys.add(p.getAsString()));
      JsonElement value = filter.get("value");
      kept.removeIf(row -> !Objects.equals(JsonValues.at(row, keys), value));
    }
    return kept;
  }
}
