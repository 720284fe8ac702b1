package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies one inserted event to the row with its id, as the spec describes the insert: replace by
 * default, deep-merge with {@code _is_merge} (not below {@code _merge_paths}), remove array values
 * with {@code _array_delete}, delete with {@code _object_delete}, attach to a parent span with
 * {@code _parent_id}; then sets the fields the server owns (ids, span ids, {@code is_root}, {@code
 * created}, {@code _xact_id} and the container's ids).
 */
final class RowWriter {
  /** Fields of an event that are instructions, not data. */
  private static final Set<String> CONTROL =
      Set.of("_is_merge", "_merge_paths", "_object_delete", "_parent_id", "_array_delete");

  /** Span fields a replacement keeps from the row it replaces unless it sets them. */
  private static final List<String> IDENTITY =
      List.of("created", "span_id", "root_span_id", "span_parents");

  private RowWriter() {}

  /**
   * The row after {@code event}, or null if it deletes the row.
   *
   * @param event the inserted event, with its id set
   * @param existing the current row with that id, or null
   * @param rowsById finds other current rows (for {@code _parent_id})
   * @param fixed the fields every row of the container carries
   * @param xact the transaction id of this write
   * @param where names the event in error messages, e.g. {@code events[3]}
   */
  static JsonObject apply(
      JsonObject event,
      JsonObject existing,
      Function<String, JsonObject> rowsById,
      JsonObject fixed,
      long xact,
      String where) {
    validate(event, where);
    if (JsonValues.flag(event, "_object_delete", where + "._object_delete")) {
      return null;
    }
    JsonObject data = new JsonObject();
    event.entrySet().stream()
        .filter(e -> !CONTROL.contains(e.getKey()))
        .forEach(e -> data.add(e.getKey(), e.getValue()));
    boolean merge = JsonValues.flag(event, "_is_merge", where + "._is_merge");
    JsonObject row;
    if (merge && existing != null) {
      row = existing.deepCopy();
      JsonValues.deepMerge(row, data, mergePaths(event, where), List.of());
    } else {
      row = data.deepCopy();
      if (existing != null) {
        for (String field : IDENTITY) {
          if (!row.has(field) && existing.has(field)) {
            row.add(field, existing.get(field).deepCopy());
          }
        }
      }
      attachToParent(row, event, rowsById, where);
    }
    deleteArrayValues(row, event, where);
    completeServerFields(row, fixed, xact);
    return row;
  }

  /** Checks the fields whose type the API enforces. */
  static void validate(JsonObject event, String where) {
    JsonValues.optString(event, "id", where + ".id");
    JsonValues.optString(event, "created", where + ".created");
    JsonValues.optString(event, "span_id", where + ".span_id");
    JsonValues.optString(event, "root_span_id", where + ".root_span_id");
    JsonObject scores = JsonValues.optObject(event, "scores", where + ".scores");
    if (scores != null) {
      checkScores(scores, where + ".scores");
    }
    JsonObject metrics = JsonValues.optObject(event, "metrics", where + ".metrics");
    if (metrics != null) {
      for (Map.Entry<String, JsonElement> m : metrics.entrySet()) {
        if (!JsonValues.isNull(m.getValue()) && !isNumber(m.getValue())) {
          throw ApiError.badRequest(where + ".metrics." + m.getKey() + " must be a number");
        }
      }
    }
    for (String list : List.of("tags", "span_parents")) {
      JsonArray values = JsonValues.optArray(event, list, where + "." + list);
      if (values != null) {
        for (JsonElement v : values) {
          if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw ApiError.badRequest(where + "." + list + " must be a list of strings");
          }
        }
      }
    }
  }

  /** Scores are numbers between 0 and 1, or null. */
  static void checkScores(JsonObject scores, String where) {
    for (Map.Entry<String, JsonElement> s : scores.entrySet()) {
      JsonElement v = s.getValue();
      if (JsonValues.isNull(v)) {
        continue;
      }
      if (!isNumber(v) || v.getAsDouble() < 0 || v.getAsDouble() > 1) {
        throw ApiError.badRequest(
            where + "." + s.getKey() + " must be a number between 0 and 1, got " + v);
      }
    }
  }

  private static boolean isNumber(JsonElement v) {
    return v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
  }

  private static List<List<String>> mergePaths(JsonObject event, String where) {
    JsonArray paths = JsonValues.optArray(event, "_merge_paths", where + "._merge_paths");
    List<List<String>> result = new ArrayList<>();
    if (paths != null) {
      for (JsonElement path : paths) {
        result.add(stringList(path, where + "._merge_paths"));
      }
    }
    return result;
  }

  private static void attachToParent(
      JsonObject row, JsonObject event, Function<String, JsonObject> rowsById, String where) {
    String parentId = JsonValues.optString(event, "_parent_id", where + "._parent_id");
    if (parentId == null) {
      return;
    }
    JsonObject parent = rowsById.apply(parentId);
    if (parent == null) {
      throw ApiError.badRequest(where + "._parent_id: no row with id " + parentId);
    }
    JsonArray parents = new JsonArray();
    parents.add(parent.get("span_id"));
    row.add("span_parents", parents);
    row.add("root_span_id", parent.get("root_span_id"));
  }

  private static void deleteArrayValues(JsonObject row, JsonObject event, String where) {
    JsonArray deletes = JsonValues.optArray(event, "_array_delete", where + "._array_delete");
    if (deletes == null) {
      return;
    }
    for (JsonElement d : deletes) {
      JsonObject spec = JsonValues.object(d, where + "._array_delete[]");
      List<String> path = stringList(spec.get("path"), where + "._array_delete[].path");
      JsonArray remove = JsonValues.optArray(spec, "delete", where + "._array_delete[].delete");
      JsonElement target = JsonValues.at(row, path);
      if (remove != null && target != null && target.isJsonArray()) {
        JsonArray kept = new JsonArray();
        target
            .getAsJsonArray()
            .forEach(
                v -> {
                  if (!remove.contains(v)) {
                    kept.add(v);
                  }
                });
        JsonObject holder = row;
        for (String key : path.subList(0, path.size() - 1)) {
          holder = holder.getAsJsonObject(key);
        }
        holder.add(path.get(path.size() - 1), kept);
      }
    }
  }

  private static void completeServerFields(JsonObject row, JsonObject fixed, long xact) {
    if (JsonValues.isNull(row.get("created"))) {
      row.addProperty("created", JsonValues.now());
    }
    if (JsonValues.isNull(row.get("span_id"))) {
      row.addProperty("span_id", JsonValues.newId());
    }
    if (JsonValues.isNull(row.get("root_span_id"))) {
      row.add("root_span_id", row.get("span_id"));
    }
    JsonElement parents = row.get("span_parents");
    boolean root = JsonValues.isNull(parents) || parents.getAsJsonArray().isEmpty();
    row.addProperty("is_root", root);
    fixed.entrySet().forEach(e -> row.add(e.getKey(), e.getValue()));
    row.addProperty("_xact_id", Long.toString(xact));
  }

  private static List<String> stringList(JsonElement value, String what) {
    if (value == null || !value.isJsonArray()) {
      throw ApiError.badRequest(what + " must be a list of field names");
    }
    List<String> list = new ArrayList<>();
    for (JsonElement e : value.getAsJsonArray()) {
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw ApiError.badRequest(what + " must be a list of field names");
      }
      list.add(e.getAsString());
    }
    if (list.isEmpty()) {
      throw ApiError.badRequest(what + " must not be empty");
    }
    return list;
  }
}
