package io.github.bt4j.testing.internal;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts rows into pages, newest first ({@code _xact_id} descending), either row by row or trace by
 * trace (all rows sharing a {@code root_span_id}; a trace is as new as its newest row). A page that
 * is not empty carries the cursor of its last item; an empty page has none, which is how a caller
 * knows it has read everything.
 */
final class Pager {
  /** One page: its rows and the cursor for the next one (null when the page is empty). */
  record Page(List<JsonObject> rows, String cursor) {}

  private record Unit(Cursor position, List<JsonObject> rows) {}

  private static final Comparator<JsonObject> NEWEST_ROW_FIRST =
      Comparator.comparing(Pager::rowPosition).reversed();

  private Pager() {}

  /** Up to {@code limit} rows (null: all) after {@code after} (null: from the newest). */
  static Page rows(List<JsonObject> rows, Integer limit, Cursor after) {
    List<Unit> units = new ArrayList<>();
    for (JsonObject row : rows) {
      units.add(new Unit(rowPosition(row), List.of(row)));
    }
    return page(units, limit, after);
  }

  /** All rows of up to {@code limit} traces (null: all) after {@code after}. */
  static Page traces(List<JsonObject> rows, Integer limit, Cursor after) {
    Map<String, List<JsonObject>> byTrace = new LinkedHashMap<>();
    for (JsonObject row : rows) {
      byTrace.computeIfAbsent(rootSpanId(row), k -> new ArrayList<>()).add(row);
    }
    List<Unit> units = new ArrayList<>();
    for (Map.Entry<String, List<JsonObject>> trace : byTrace.entrySet()) {
      List<JsonObject> traceRows = new ArrayList<>(trace.getValue());
      traceRows.sort(NEWEST_ROW_FIRST);
      long newest = xact(traceRows.get(0));
      units.add(new Unit(new Cursor(newest, trace.getKey()), traceRows));
    }
    return page(units, limit, after);
  }

  private static Page page(List<Unit> units, Integer limit, Cursor after) {
    units.sort(Comparator.comparing(Unit::position).reversed());
    List<JsonObject> rows = new ArrayList<>();
    Cursor last = null;
    int taken = 0;
    for (Unit unit : units) {
      if (limit != null && taken == limit) {
        break;
      }
      if (after == null || unit.position().compareTo(after) < 0) {
        rows.addAll(unit.rows());
        last = unit.position();
        taken++;
      }
    }
    return new Page(rows, last == null ? null : last.encode());
  }

  private static Cursor rowPosition(JsonObject row) {
    return new Cursor(xact(row), row.get("id").getAsString());
  }

  private static long xact(JsonObject row) {
    return Long.parseLong(row.get("_xact_id").getAsString());
  }

  private static String rootSpanId(JsonObject row) {
    return row.get("root_span_id").getAsString();
  }
}
