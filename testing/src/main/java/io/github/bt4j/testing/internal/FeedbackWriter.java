package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Applies one feedback item to its row: scores merge into the row's scores, {@code expected}
 * replaces the row's, tags are added, a comment is appended to {@code comments}, and every item
 * leaves an entry in {@code audit_data} with its source and metadata ("this metadata does not
 * correspond to the main event itself, but rather the audit log attached to the event").
 */
final class FeedbackWriter {
  private static final List<String> SOURCES = List.of("app", "api", "external");

  private FeedbackWriter() {}

  /** The row after {@code item}. */
  static JsonObject apply(
      JsonObject row, JsonObject item, boolean scored, long xact, String where) {
    JsonObject updated = row.deepCopy();
    String source = JsonValues.optString(item, "source", where + ".source");
    source = source == null ? "external" : source;
    if (!SOURCES.contains(source)) {
      throw ApiError.badRequest(where + ".source must be one of " + SOURCES + ", got " + source);
    }
    if (!scored && (item.has("scores") || item.has("expected"))) {
      throw ApiError.badRequest(where + ": dataset feedback takes no scores or expected value");
    }
    JsonObject scores = JsonValues.optObject(item, "scores", where + ".scores");
    if (scores != null) {
      RowWriter.checkScores(scores, where + ".scores");
      JsonObject merged = JsonValues.optObject(updated, "scores", "scores");
      merged = merged == null ? new JsonObject() : merged;
      for (Map.Entry<String, JsonElement> s : scores.entrySet()) {
        merged.add(s.getKey(), s.getValue());
      }
      updated.add("scores", merged);
    }
    if (item.has("expected")) {
      updated.add("expected", item.get("expected"));
    }
    JsonArray tags = JsonValues.optArray(item, "tags", where + ".tags");
    if (tags != null) {
      JsonArray all = JsonValues.optArray(updated, "tags", "tags");
      all = all == null ? new JsonArray() : all;
      for (JsonElement tag : tags) {
        if (!all.contains(tag)) {
          all.add(tag);
        }
      }
      updated.add("tags", all);
    }
    String created = JsonValues.now();
    String comment = JsonValues.optString(item, "comment", where + ".comment");
    if (comment != null) {
      JsonObject entry = new JsonObject();
      entry.addProperty("id", JsonValues.newId());
      entry.addProperty("created", created);
      entry.addProperty("source", source);
      entry.addProperty("text", comment);
      append(updated, "comments", entry);
    }
    JsonObject audit = new JsonObject();
    audit.addProperty("_xact_id", Long.toString(xact));
    audit.addProperty("created", created);
    audit.addProperty("source", source);
    JsonValues.put(audit, "metadata", JsonValues.optObject(item, "metadata", where + ".metadata"));
    append(updated, "audit_data", audit);
    updated.addProperty("_xact_id", Long.toString(xact));
    return updated;
  }

  private static void append(JsonObject row, String field, JsonObject entry) {
    JsonElement list = row.get(field);
    JsonArray array = list != null && list.isJsonArray() ? list.getAsJsonArray() : new JsonArray();
    array.add(entry);
    row.add(field, array);
  }
}
