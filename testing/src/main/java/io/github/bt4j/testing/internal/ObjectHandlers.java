package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.testing.internal.ObjectKind.Scope;
import io.github.bt4j.testing.internal.ObjectKind.Write;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The create, get, list, replace, patch and delete operations of every object type, on {@code
 * /v1/<type>} and {@code /v1/<type>/{<type>_id}}.
 */
final class ObjectHandlers {
  /** Experiments are the one list whose limit has a default in the spec. */
  private static final int EXPERIMENT_LIST_DEFAULT_LIMIT = 1000;

  private final ObjectStore store;

  ObjectHandlers(ObjectStore store) {
    this.store = store;
  }

  void register(Router router) {
    for (ObjectKind kind : ObjectKinds.ALL_KINDS) {
      String collection = "/v1/" + kind.type();
      String idParam = kind.type() + "_id";
      String item = collection + "/{" + idParam + "}";
      router.add("GET", collection, call -> call.sendJson(200, list(kind, call)));
      router.add("GET", item, call -> call.sendJson(200, store.get(kind, call.pathId(idParam))));
      if (kind.allows(Write.CREATE)) {
        router.add(
            "POST",
            collection,
            call -> call.sendJson(200, store.create(kind, call.bodyObject(), call.actingUser())));
      }
      if (kind.allows(Write.REPLACE)) {
        router.add(
            "PUT",
            collection,
            call -> call.sendJson(200, store.replace(kind, call.bodyObject(), call.actingUser())));
      }
      if (kind.allows(Write.PATCH)) {
        router.add(
            "PATCH",
            item,
            call -> call.sendJson(200, store.patch(kind, call.pathId(idParam), call.bodyObject())));
      }
      if (kind.allows(Write.DELETE)) {
        router.add(
            "DELETE", item, call -> call.sendJson(200, store.delete(kind, call.pathId(idParam))));
      }
    }
  }

  private JsonObject list(ObjectKind kind, ApiExchange call) {
    Integer limit = call.queryLimit("limit");
    if (limit == null && kind == ObjectKinds.EXPERIMENT) {
      limit = EXPERIMENT_LIST_DEFAULT_LIMIT;
    }
    String startingAfter = cursorId(call, "starting_after");
    String endingBefore = cursorId(call, "ending_before");
    JsonArray objects = new JsonArray();
    store.list(kind, filter(kind, call), limit, startingAfter, endingBefore).forEach(objects::add);
    JsonObject page = new JsonObject();
    page.add("objects", objects);
    return page;
  }

  private static String cursorId(ApiExchange call, String name) {
    String id = call.query(name);
    return id == null ? null : JsonValues.uuid(id, name).toString();
  }

  /** The list filters of the query: ids, the type's name filters, project and organization. */
  private Predicate<JsonObject> filter(ObjectKind kind, ApiExchange call) {
    Predicate<JsonObject> filter = o -> true;
    Set<String> ids = new HashSet<>();
    for (String value : call.queryAll("ids")) {
      for (String id : value.split(",")) {
        ids.add(JsonValues.uuid(id.strip(), "ids").toString());
      }
    }
    if (!ids.isEmpty()) {
      filter = filter.and(o -> ids.contains(o.get("id").getAsString()));
    }
    for (Map.Entry<String, String> f : kind.listFilters().entrySet()) {
      List<String> wanted = call.queryAll(f.getKey());
      if (!wanted.isEmpty()) {
        filter = filter.and(o -> wanted.contains(text(o.get(f.getValue()))));
      }
    }
    if (kind.scope() == Scope.PROJECT) {
      filter = filter.and(projectFilter(call));
    }
    String orgName = call.query("org_name");
    if (orgName != null && !orgName.equals(store.directory().orgName())) {
      filter = o -> false;
    }
    return filter;
  }

  private Predicate<JsonObject> projectFilter(ApiExchange call) {
    Predicate<JsonObject> filter = o -> true;
    String projectId = call.query("project_id");
    if (projectId != null) {
      UUID id = JsonValues.uuid(projectId, "project_id");
      filter = filter.and(o -> id.toString().equals(text(o.get("project_id"))));
    }
    String projectName = call.query("project_name");
    if (projectName != null) {
      Set<String> projectIds = new HashSet<>();
      store
          .list(ObjectKinds.PROJECT, p -> projectName.equals(text(p.get("name"))), null, null, null)
          .forEach(p -> projectIds.add(p.get("id").getAsString()));
      filter = filter.and(o -> projectIds.contains(text(o.get("project_id"))));
    }
    return filter;
  }

  private static String text(JsonElement v) {
    return JsonValues.isNull(v) || !v.isJsonPrimitive() ? null : v.getAsString();
  }
}
