package io.github.bt4j.logging.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.json.BraintrustJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds rows with the same id within one batch into one, the way the API would apply them in order:
 * a row with {@code "_is_merge": true} is deep-merged into the earlier row (objects merged key by
 * key, anything else replaced, except under a path listed in its {@code _merge_paths}, which is
 * replaced whole); any other row replaces the earlier one. The merged row keeps the earlier row's
 * place, its span identity ({@code created}, {@code span_id}, {@code root_span_id}, {@code
 * span_parents}, {@code _parent_id}) and stays a full row if the earlier one was. Sending two rows
 * with the same id in one request would leave their order to the server.
 *
 * <p>Where folding could change the outcome ({@code _array_delete}, or a merge after a delete), the
 * batch is cut instead: the result is a list of groups to be sent one after the other.
 */
public final class RowMerger {
  static final String IS_MERGE = "_is_merge";
  static final String MERGE_PATHS = "_merge_paths";
  static final String OBJECT_DELETE = "_object_delete";
  static final String ARRAY_DELETE = "_array_delete";

  /**
   * Writes rows built or changed as trees. Unlike the client's Gson it keeps explicit nulls: in a
   * row, {@code "error": null} means "no error", and in a merge, "clear this field".
   */
  static final Gson TREE_GSON = BraintrustJson.gson().newBuilder().serializeNulls().create();

  /** Top-level fields of a later row that folding leaves out: markers and span identity. */
  private static final Set<String> NOT_MERGED =
      Set.of(
          IS_MERGE,
          MERGE_PATHS,
          "created",
          "span_id",
          "root_span_id",
          "span_parents",
          "_parent_id");

  private RowMerger() {}

  /**
   * Turns a batch of inserts into groups of rows with distinct ids, to be sent in order. Events are
   * parsed only when their id repeats; a batch without repeats is one group of the events as
   * serialised.
   */
  public static List<List<Row>> merge(List<QueuedEvent> events) {
    List<List<Row>> groups = new ArrayList<>(1);
    List<Row> group = new ArrayList<>(events.size());
    Map<String, Row> byId = new HashMap<>();
    for (QueuedEvent event : events) {
      Row earlier = byId.get(event.id());
      if (earlier == null) {
        Row row = new Row(event);
        group.add(row);
        byId.put(event.id(), row);
        continue;
      }
      JsonObject later = parse(event.json());
      if (!isTrue(later, IS_MERGE)) {
        earlier.replaceWith(event, later);
      } else if (canFold(earlier.tree(), later)) {
        fold(earlier.tree(), later);
        earlier.members().add(event);
      } else {
        groups.add(group);
        group = new ArrayList<>();
        byId.clear();
        Row row = new Row(event);
        group.add(row);
        byId.put(event.id(), row);
      }
    }
    groups.add(group);
    return groups;
  }

  /** Plain rows, one per event, for endpoints whose items are not upserts (feedback). */
  public static List<Row> unmerged(List<QueuedEvent> events) {
    List<Row> rows = new ArrayList<>(events.size());
    for (QueuedEvent e : events) {
      rows.add(new Row(e));
    }
    return rows;
  }

  static JsonObject parse(byte[] json) {
    return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
  }

  private static boolean canFold(JsonObject earlier, JsonObject later) {
    return !earlier.has(ARRAY_DELETE)
        && !later.has(ARRAY_DELETE)
        && !isTrue(earlier, OBJECT_DELETE);
  }

  /**
   * Applies the merge row {@code later} to {@code earlier}, in place. When both are merges, the
   * result must do to any stored row what the two would do one after the other, so it lists in
   * {@code _merge_paths} every path it must replace rather than deep-merge: those of either row
   * that the row actually sets, and those where {@code later} put an object in place of a value
   * {@code earlier} set that was not one (null, a scalar, an array). Deep-merging such an object
   * into the stored row would keep stored keys that the first merge had already removed.
   */
  static void fold(JsonObject earlier, JsonObject later) {
    boolean earlierIsMerge = isTrue(earlier, IS_MERGE);
    Set<List<String>> replacePaths = setMergePaths(later);
    Set<List<String>> union = setMergePaths(earlier);
    earlier.remove(MERGE_PATHS);
    deepMerge(earlier, later, new ArrayList<>(), replacePaths, union);
    if (earlierIsMerge) {
      union.addAll(replacePaths);
      if (!union.isEmpty()) {
        earlier.add(MERGE_PATHS, TREE_GSON.toJsonTree(union));
      }
      earlier.addProperty(IS_MERGE, true);
    } else {
      earlier.remove(IS_MERGE);
    }
  }

  /**
   * Merges {@code source} into {@code target} as the API does, adding to {@code replaced} each path
   * where an object from {@code source} took the place of a value that was not an object. At the
   * top, the merge markers and the span identity are not taken from {@code source}: the target
   * keeps its own (or none).
   */
  private static void deepMerge(
      JsonObject target,
      JsonObject source,
      List<String> path,
      Set<List<String>> replacePaths,
      Set<List<String>> replaced) {
    for (Map.Entry<String, JsonElement> entry : source.entrySet()) {
      String key = entry.getKey();
      if (path.isEmpty() && NOT_MERGED.contains(key)) {
        continue;
      }
      path.add(key);
      JsonElement value = entry.getValue();
      JsonElement existing = target.get(key);
      boolean replaceWhole = replacePaths.contains(path);
      if (!replaceWhole && value.isJsonObject() && existing != null && existing.isJsonObject()) {
        deepMerge(
            existing.getAsJsonObject(), value.getAsJsonObject(), path, replacePaths, replaced);
      } else {
        if (!replaceWhole && value.isJsonObject() && existing != null) {
          replaced.add(List.copyOf(path));
        }
        target.add(key, value);
      }
      path.remove(path.size() - 1);
    }
  }

  /**
   * The paths of the row's {@code _merge_paths} at which the row has a value. A merge path the row
   * does not set changes nothing on its own, and must not be carried into a folded row, where
   * another row's value at that path would then replace instead of merge.
   */
  private static Set<List<String>> setMergePaths(JsonObject row) {
    Set<List<String>> set = new LinkedHashSet<>();
    JsonElement paths = row.get(MERGE_PATHS);
    if (paths == null || !paths.isJsonArray()) {
      return set;
    }
    for (JsonElement path : paths.getAsJsonArray()) {
      if (!path.isJsonArray() || path.getAsJsonArray().isEmpty()) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      JsonElement at = row;
      for (JsonElement key : path.getAsJsonArray()) {
        keys.add(key.getAsString());
        at = at != null && at.isJsonObject() ? at.getAsJsonObject().get(key.getAsString()) : null;
      }
      if (at != null) {
        set.add(keys);
      }
    }
    return set;
  }

  private static boolean isTrue(JsonObject row, String field) {
    JsonElement value = row.get(field);
    return value != null
        && value.isJsonPrimitive()
        && value.getAsJsonPrimitive().isBoolean()
        && value.getAsBoolean();
  }
}
