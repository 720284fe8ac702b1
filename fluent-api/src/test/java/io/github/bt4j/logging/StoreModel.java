package io.github.bt4j.logging;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An event store as the API documents it, written independently of the writer's folding: a row
 * without {@code _is_merge} replaces the stored row; a merge row is deep-merged into it (objects
 * key by key, anything else replaced, and never below a path listed in its {@code _merge_paths}),
 * or stored as is if there is none; {@code _object_delete} removes it.
 */
final class StoreModel {
  private final Map<String, JsonObject> rows = new TreeMap<>();

  /** Applies one row, as the server would. */
  void apply(JsonObject row) {
    String id = row.get("id").getAsString();
    if (isTrue(row, "_object_delete")) {
      rows.remove(id);
      return;
    }
    JsonObject data = row.deepCopy();
    data.remove("_is_merge");
    data.remove("_merge_paths");
    JsonObject stored = rows.get(id);
    if (!isTrue(row, "_is_merge") || stored == null) {
      rows.put(id, data);
    } else {
      merge(stored, data, new ArrayList<>(), paths(row));
    }
  }

  /** Applies rows in order. */
  StoreModel applyAll(List<JsonObject> rows) {
    rows.forEach(this::apply);
    return this;
  }

  /** The stored rows by id. */
  Map<String, JsonObject> rows() {
    return rows;
  }

  private static void merge(
      JsonObject target, JsonObject source, List<String> path, Set<List<String>> paths) {
    for (Map.Entry<String, JsonElement> e : source.entrySet()) {
      path.add(e.getKey());
      JsonElement existing = target.get(e.getKey());
      JsonElement value = e.getValue();
      if (!paths.contains(path)
          && value.isJsonObject()
          && existing != null
          && existing.isJsonObject()) {
        merge(existing.getAsJsonObject(), value.getAsJsonObject(), path, paths);
      } else {
        target.add(e.getKey(), value.deepCopy());
      }
      path.remove(path.size() - 1);
    }
  }

  private static Set<List<String>> paths(JsonObject row) {
    Set<List<String>> paths = new HashSet<>();
    JsonElement listed = row.get("_merge_paths");
    if (listed != null) {
      for (JsonElement path : listed.getAsJsonArray()) {
        List<String> keys = new ArrayList<>();
        for (JsonElement key : (JsonArray) path) {
          keys.add(key.getAsString());
        }
        paths.add(keys);
      }
    }
    return paths;
  }

  private static boolean isTrue(JsonObject row, String field) {
    JsonElement v = row.get(field);
    return v != null
        && v.isJsonPrimitive()
        && v.getAsJsonPrimitive().isBoolean()
        && v.getAsBoolean();
  }
}
