package io.github.bt4j.testing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar and the value rules of the SQL/BTQL subset, without a server. */
class BtqlParserTest {
  private static final String ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static final JsonObject ROW =
      JsonParser.parseString(
              "{\"id\": \"r\", \"is_root\": true, \"metadata\": {\"orgName\": \"qawolf\", \"n\": 3},"
                  + " \"scores\": {\"response quality\": 0.5}, \"metrics\": {\"start\": 1, \"end\":"
                  + " 4}, \"error\": null}")
          .getAsJsonObject();

  @Test
  void sqlAndBtqlTextMeanTheSameQuery() {
    BtqlQuery sql =
        parse(
            "select id, metadata.orgName as org from project_logs('"
                + ID
                + "', shape => 'traces') where is_root limit 5;");
    BtqlQuery btql =
        parse(
            "from: project_logs('"
                + ID
                + "') traces | select: id, metadata.orgName AS org\nfilter: is_root\nlimit: 5");

    for (BtqlQuery q : List.of(sql, btql)) {
      assertEquals(EventObject.PROJECT_LOGS, q.source().type());
      assertEquals(ID, q.source().id());
      assertTrue(q.source().traces());
      assertEquals(List.of("id", "org"), q.select().stream().map(BtqlQuery.Column::alias).toList());
      assertEquals(5, q.limit());
      assertFalse(q.aggregate());
    }
  }

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() {
    assertEquals(true, eval("metadata.n = 1 AND false OR is_root"));
    assertEquals(false, eval("NOT is_root AND true"));
    assertEquals(true, eval("NOT (is_root AND false)"));
    assertEquals(7.0, number(eval("1 + metadata.n * 2")));
    assertEquals(-2.0, number(eval("-(metrics.end - metrics.start) + 1")));
  }

  @Test
  void nullFollowsSqlRules() {
    assertNull(eval("metadata.missing = 'x'"));
    assertNull(eval("error != 1"));
    assertEquals(true, eval("error IS NULL"));
    assertEquals(true, eval("metadata.orgName IS NOT NULL"));
    assertEquals(false, eval("metadata.missing = 'x' AND false"));
    assertEquals(true, eval("metadata.missing = 'x' OR true"));
    assertNull(eval("metadata.missing = 'x' OR false"));
    assertNull(eval("metadata.n / 0"));
    assertNull(eval("metadata.orgName + 1"));
    assertNull(eval("metadata.orgName > 1"));
    assertEquals(false, eval("metadata.orgName = 1"));
  }

  @Test
  void quotedNamesStringsAndComments() {
    assertEquals(0.5, number(eval("scores.\"response quality\" -- a comment\n")));
    assertEquals(true, eval("'it''s' = 'it''s'"));
    assertEquals("x", eval("CASE WHEN metadata.n > 5 THEN 'y' WHEN is_root THEN 'x' END"));
    assertNull(eval("CASE WHEN false THEN 1 END"));
  }

  @Test
  void columnsAreNamedByAliasPathOrText() {
    BtqlQuery q = parse("SELECT count(*), sum(metrics.end) AS total, avg(1 + 2) FROM dataset('x')");

    assertTrue(q.aggregate());
    assertEquals(
        List.of("count(*)", "total", "avg((1 + 2))"),
        q.select().stream().map(BtqlQuery.Column::alias).toList());
  }

  @Test
  void structuredQueriesReadTheAstAndBtqlSnippets() {
    JsonObject query =
        JsonParser.parseString(
                "{\"from\": {\"op\": \"function\", \"name\": {\"op\": \"ident\", \"name\":"
                    + " [\"experiment\"]}, \"args\": [{\"op\": \"literal\", \"value\": \"e\"}]},"
                    + " \"measures\": [{\"alias\": \"n\", \"expr\": {\"op\": \"function\", \"name\":"
                    + " {\"op\": \"ident\", \"name\": [\"count\"]}, \"args\": [{\"op\": \"star\"}]}}],"
                    + " \"filter\": {\"op\": \"and\", \"children\": [{\"btql\": \"is_root\"},"
                    + " {\"op\": \"eq\", \"left\": {\"op\": \"ident\", \"name\": [\"metadata\","
                    + " \"orgName\"]}, \"right\": {\"op\": \"literal\", \"value\": \"qawolf\"}}]}}")
            .getAsJsonObject();

    BtqlQuery q = BtqlJsonReader.read(query);

    assertEquals(EventObject.EXPERIMENT, q.source().type());
    assertTrue(q.aggregate());
    assertEquals("count(*)", q.select().get(0).expr().toString());
    assertEquals(true, q.filter().eval(new RowOnly(ROW)).getAsBoolean());
  }

  @Test
  void everythingElseIsRejected() {
    for (String bad :
        List.of(
            "SELECT id FROM experiment('x') GROUP BY id",
            "SELECT id FROM logs('x')",
            "SELECT id FROM experiment(x)",
            "SELECT id, AS FROM experiment('x')",
            "SELECT CASE id WHEN 1 THEN 2 END FROM experiment('x')",
            "SELECT sum(count(1)) FROM experiment('x')",
            "SELECT id FROM experiment('x') LIMIT -1",
            "select: id\nselect: id\nfrom: experiment('x')",
            "from: experiment('x')",
            "select: id | measures: count(1) | from: experiment('x')",
            "SELECT id FROM experiment('x') WHERE id = 'a' #")) {
      assertThrows(ApiError.class, () -> parse(bad), bad);
    }
  }

  private static BtqlQuery parse(String text) {
    JsonElement query = new JsonPrimitive(text);
    return BtqlHandler.parse(query);
  }

  private static Object eval(String expression) {
    ExprParser p = new ExprParser(BtqlLexer.tokens(expression));
    Expr e = p.expression();
    assertTrue(p.atEnd(), "left over: " + p.peek().describe());
    JsonElement v = e.eval(new RowOnly(ROW));
    if (v == null) {
      return null;
    }
    if (v.getAsJsonPrimitive().isBoolean()) {
      return v.getAsBoolean();
    }
    return v.getAsJsonPrimitive().isString() ? v.getAsString() : v;
  }

  private static double number(Object v) {
    return ((JsonElement) v).getAsDouble();
  }

  /** Evaluates against one row, as the runner does for filters and columns. */
  private record RowOnly(JsonObject row) implements Expr.Context {
    @Override
    public JsonElement field(List<String> path) {
      return JsonValues.at(row, path);
    }

    @Override
    public JsonElement aggregate(Expr.Aggregate aggregate) {
      throw new AssertionError("no aggregates here");
    }
  }
}
