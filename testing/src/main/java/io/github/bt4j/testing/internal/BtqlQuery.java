package io.github.bt4j.testing.internal;

import java.util.List;

/**
 * A parsed query, whichever syntax it came in: where the rows come from, what to select from each
 * row (or which aggregates to compute over all of them), which rows to keep and how many.
 *
 * @param source the experiment, dataset or project log to read
 * @param select the columns to return, or null for every field ({@code *})
 * @param aggregate whether {@code select} holds aggregates, giving one row over all matches
 * @param filter the condition rows (or, for traces, one row of the trace) must meet, or null
 * @param limit the most rows (traces, for the traces shape) a page holds, or null for all
 * @param cursor where the previous page ended, or null
 */
record BtqlQuery(
    Source source,
    List<Column> select,
    boolean aggregate,
    Expr filter,
    Integer limit,
    String cursor) {

  /**
   * The rows to read: {@code experiment('<id>')}, {@code dataset('<id>')} or {@code
   * project_logs('<id>')}; with the traces shape, a row matches when any row of its trace does.
   */
  record Source(EventObject type, String id, boolean traces) {}

  /** One selected column: its name in the answer and its expression. */
  record Column(String alias, Expr expr) {
    /** A column named by its alias, or else by its field's name or its expression's text. */
    static Column of(Expr expr, String alias) {
      if (alias != null) {
        return new Column(alias, expr);
      }
      return new Column(expr instanceof Expr.Field f ? f.name() : expr.toString(), expr);
    }
  }

  /** Checks the parts fit together, and works out whether the query aggregates. */
  static BtqlQuery of(
      Source source, List<Column> select, Expr filter, Integer limit, String cursor) {
    if (source == null) {
      throw ApiError.badRequest("the query has no source: add FROM/from: experiment('<id>')");
    }
    if (filter != null && filter.hasAggregate()) {
      throw ApiError.badRequest("aggregates cannot be used in WHERE/filter: " + filter);
    }
    boolean aggregate = select != null && select.stream().anyMatch(c -> c.expr().hasAggregate());
    if (aggregate) {
      for (Column c : select) {
        Expr.Field bare = c.expr().fieldOutsideAggregate();
        if (bare != null) {
          throw ApiError.badRequest(
              "column "
                  + bare
                  + " is not inside an aggregate; GROUP BY and dimensions are not supported by"
                  + " the fake Braintrust");
        }
        checkNotNested(c.expr(), false);
      }
    }
    return new BtqlQuery(source, select, aggregate, filter, limit, cursor);
  }

  private static void checkNotNested(Expr e, boolean insideAggregate) {
    boolean isAggregate = e instanceof Expr.Aggregate;
    if (isAggregate && insideAggregate) {
      throw ApiError.badRequest("aggregates cannot be nested: " + e);
    }
    e.children().forEach(child -> checkNotNested(child, insideAggregate || isAggregate));
  }
}
