package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one experiment, dataset or project log, with every version of every row: a write
 * adds a version stamped with its transaction id, so that reads can see the latest state or the
 * state as of an earlier {@code version}. Stored rows are never changed after they are written.
 */
final class EventLog {
  /** One version of a row; {@code row} is null when that write deleted it. */
  private record Version(long xact, JsonObject row) {}

  private final Map<String, List<Version>> history = new LinkedHashMap<>();
  private final JsonObject fixedFields;
  private final boolean scored;
  private final XactClock clock;

  EventLog(JsonObject fixedFields, boolean scored, XactClock clock) {
    this.fixedFields = fixedFields;
    this.scored = scored;
    this.clock = clock;
  }

  /** Applies the events of one insert request, as one transaction; returns their row ids. */
  synchronized List<String> insert(JsonArray events) {
    List<JsonObject> checked = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = JsonValues.object(events.get(i), "events[" + i + "]").deepCopy();
      if (JsonValues.optString(event, "id", "events[" + i + "].id") == null) {
        event.addProperty("id", JsonValues.newId());
      }
      if (!scored && event.has("scores")) {
        throw ApiError.badRequest("events[" + i + "].scores: dataset rows have no scores");
      }
      checked.add(event);
    }
    long xact = clock.next();
    // Apply to a scratch copy first, so that an invalid event leaves the log untouched.
    Map<String, JsonObject> written = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      JsonObject event = checked.get(i);
      String id = event.get("id").getAsString();
      JsonObject existing = written.containsKey(id) ? written.get(id) : current(id);
      JsonObject row =
          RowWriter.apply(
              event,
              existing,
              other -> written.containsKey(other) ? written.get(other) : current(other),
              fixedFields,
              xact,
              "events[" + i + "]");
      written.put(id, row);
      ids.add(id);
    }
    written.forEach((id, row) -> record(id, xact, row));
    return ids;
  }

  /** Applies feedback items, as one transaction. */
  synchronized void feedback(JsonArray items) {
    long xact = clock.next();
    Map<String, JsonObject> written = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String where = "feedback[" + i + "]";
      JsonObject item = JsonValues.object(items.get(i), where);
      String id = JsonValues.optString(item, "id", where + ".id");
      if (id == null) {
        throw ApiError.badRequest(where + ".id is required");
      }
      JsonObject row = written.containsKey(id) ? written.get(id) : current(id);
      if (row == null) {
        throw ApiError.badRequest(where + ".id: no event with id " + id);
      }
      written.put(id, FeedbackWriter.apply(row, item, scored, xact, where));
    }
    written.forEach((id, row) -> record(id, xact, row));
  }

  /** The current row {@code id}, or null if it does not exist or was deleted. */
  synchronized JsonObject current(String id) {
    List<Version> versions = history.get(id);
    return versions == null ? null : versions.get(versions.size() - 1).row();
  }

  /** The live rows as of transaction {@code version} (null: now), in insertion order. */
  synchronized List<JsonObject> rows(Long version) {
    List<JsonObject> rows = new ArrayList<>();
    for (List<Version> versions : history.values()) {
      for (int i = versions.size() - 1; i >= 0; i--) {
        Version v = versions.get(i);
        if (version == null || v.xact() <= version) {
          if (v.row() != null) {
            rows.add(v.row());
          }
          break;
        }
      }
    }
    return rows;
  }

  private void record(String id, long xact, JsonObject row) {
    history.computeIfAbsent(id, k -> new ArrayList<>()).add(new Version(xact, row));
  }
}
