package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link BtqlQuery} over the stored events: keeps the rows the filter accepts (with the
 * traces shape: every row of a trace in which some row is accepted), then either aggregates them
 * into one row or returns one page of them, newest first, projected onto the selected columns.
 */
final class BtqlRunner {
  /** One page of results; {@code cursor} is null when the page is empty or aggregated. */
  record Result(List<JsonObject> rows, String cursor) {}

  private final EventStore events;

  BtqlRunner(EventStore events) {
    this.events = events;
  }

  Result run(BtqlQuery query, Long version) {
    BtqlQuery.Source source = query.source();
    List<JsonObject> rows =
        events.log(source.type(), JsonValues.uuid(source.id(), "the source id")).rows(version);
    List<JsonObject> matching = filter(rows, query.filter(), source.traces());
    if (query.aggregate()) {
      GroupContext group = new GroupContext(matching);
      JsonObject row = new JsonObject();
      for (BtqlQuery.Column c : query.select()) {
        JsonValues.put(row, c.alias(), c.expr().eval(group));
      }
      return new Result(List.of(row), null);
    }
    Cursor after = query.cursor() == null ? null : Cursor.decode(query.cursor());
    Pager.Page page =
        source.traces()
            ? Pager.traces(matching, query.limit(), after)
            : Pager.rows(matching, query.limit(), after);
    List<JsonObject> projected = new ArrayList<>();
    for (JsonObject row : page.rows()) {
      projected.add(project(row, query.select()));
    }
    return new Result(projected, page.cursor());
  }

  private static List<JsonObject> filter(List<JsonObject> rows, Expr filter, boolean traces) {
    if (filter == null) {
      return rows;
    }
    List<JsonObject> accepted = new ArrayList<>();
    for (JsonObject row : rows) {
      if (Boolean.TRUE.equals(SqlValues.truth(filter.eval(new RowContext(row))))) {
        accepted.add(row);
      }
    }
    if (!traces) {
      return accepted;
    }
    Set<String> traceIds = new HashSet<>();
    accepted.forEach(r -> traceIds.add(r.get("root_span_id").getAsString()));
    List<JsonObject> inTraces = new ArrayList<>();
    for (JsonObject row : rows) {
      if (traceIds.contains(row.get("root_span_id").getAsString())) {
        inTraces.add(row);
      }
    }
    return inTraces;
  }

  private static JsonObject project(JsonObject row, List<BtqlQuery.Column> columns) {
    if (columns == null) {
      return row;
    }
    RowContext context = new RowContext(row);
    JsonObject projected = new JsonObject();
    for (BtqlQuery.Column c : columns) {
      JsonValues.put(projected, c.alias(), c.expr().eval(context));
    }
    return projected;
  }

  /** Evaluates fields against one row. */
  private record RowContext(JsonObject row) implements Expr.Context {
    @Override
    public JsonElement field(List<String> path) {
      return JsonValues.at(row, path);
    }

    @Override
    public JsonElement aggregate(Expr.Aggregate aggregate) {
      // BtqlQuery.of rejects aggregates outside an aggregating select.
      throw new IllegalStateException("aggregate on a single row: " + aggregate);
    }
  }

  /** Evaluates aggregates over a group of rows. */
  private record GroupContext(List<JsonObject> rows) implements Expr.Context {
    @Override
    public JsonElement field(List<String> path) {
      // BtqlQuery.of rejects fields outside aggregates in an aggregating select.
      throw new IllegalStateException("field outside an aggregate: " + path);
    }

    @Override
    public JsonElement aggregate(Expr.Aggregate aggregate) {
      List<Double> values = new ArrayList<>();
      int present = 0;
      for (JsonObject row : rows) {
        JsonElement v =
            aggregate.argument() == null
                ? JsonValues.number(1)
                : aggregate.argument().eval(new RowContext(row));
        if (v != null) {
          present++;
          Double d = SqlValues.number(v);
          if (d != null) {
            values.add(d);
          }
        }
      }
      if (aggregate.function().equals("count")) {
        return JsonValues.number(present);
      }
      if (values.isEmpty()) {
        return null;
      }
      var stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
      return JsonValues.number(
          switch (aggregate.function()) {
            case "sum" -> stats.getSum();
            case "avg" -> stats.getAverage();
            case "min" -> stats.getMin();
            case "max" -> stats.getMax();
            default -> throw new IllegalStateException(aggregate.function());
          });
    }
  }
}
