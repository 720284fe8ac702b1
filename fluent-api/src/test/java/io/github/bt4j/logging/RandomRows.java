package io.github.bt4j.logging;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random rows for a handful of ids: full rows, merges (some with {@code _merge_paths}) and deletes,
 * whose values are nulls, numbers, strings, arrays and objects on a few shared keys, so that merges
 * often meet a null, a scalar or an object where another row left one.
 */
final class RandomRows {
  private static final String[] FIELDS = {"input", "output", "metadata"};
  private static final String[] KEYS = {"a", "b", "c"};

  private final Random random;

  RandomRows(long seed) {
    this.random = new Random(seed);
  }

  /** Rows for ids {@code r0..r<ids-1>}, {@code count} in all, in random order. */
  List<JsonObject> rows(int ids, int count) {
    List<JsonObject> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row("r" + random.nextInt(ids)));
    }
    return rows;
  }

  /** One full row per id, as the store's state before. */
  List<JsonObject> fullRows(int ids) {
    List<JsonObject> rows = new ArrayList<>();
    for (int i = 0; i < ids; i++) {
      if (random.nextInt(4) > 0) {
        rows.add(full("r" + i));
      }
    }
    return rows;
  }

  private JsonObject row(String id) {
    int kind = random.nextInt(20);
    if (kind < 9) {
      return merge(id);
    }
    if (kind < 17) {
      return full(id);
    }
    JsonObject delete = new JsonObject();
    delete.addProperty("id", id);
    delete.addProperty("_object_delete", true);
    return delete;
  }

  private JsonObject full(String id) {
    JsonObject row = new JsonObject();
    row.addProperty("id", id);
    addFields(row);
    return row;
  }

  private JsonObject merge(String id) {
    JsonObject row = new JsonObject();
    row.addProperty("id", id);
    row.addProperty("_is_merge", true);
    addFields(row);
    if (random.nextInt(4) == 0) {
      JsonArray paths = new JsonArray();
      for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
        JsonArray path = new JsonArray();
        path.add(FIELDS[random.nextInt(FIELDS.length)]);
        if (random.nextBoolean()) {
          path.add(KEYS[random.nextInt(KEYS.length)]);
        }
        paths.add(path);
      }
      row.add("_merge_paths", paths);
    }
    return row;
  }

  private void addFields(JsonObject row) {
    for (String field : FIELDS) {
      if (random.nextInt(5) < 3) {
        row.add(field, value(0));
      }
    }
  }

  private JsonElement value(int depth) {
    int kind = random.nextInt(depth < 2 ? 6 : 4);
    switch (kind) {
      case 0:
        return JsonNull.INSTANCE;
      case 1:
        return new com.google.gson.JsonPrimitive(random.nextInt(10));
      case 2:
        return new com.google.gson.JsonPrimitive("s" + random.nextInt(10));
      case 3:
        JsonArray array = new JsonArray();
        array.add(random.nextInt(10));
        return array;
      default:
        JsonObject object = new JsonObject();
        for (String key : KEYS) {
          if (random.nextBoolean()) {
            object.add(key, value(depth + 1));
          }
        }
        return object;
    }
  }
}
