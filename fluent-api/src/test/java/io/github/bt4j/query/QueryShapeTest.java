package io.github.bt4j.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class QueryShapeTest {
  @Test
  void sqlTrailingLimitBecomesTheTotalAndPagesGetTheirOwn() {
    QueryShape q = QueryShape.sql("SELECT id FROM project_logs('p') WHERE x = 'LIMIT 3' LIMIT 10;");
    assertEquals(10, q.ownLimit());
    assertNull(q.ownCursor());
    assertEquals(
        "SELECT id FROM project_logs('p') WHERE x = 'LIMIT 3'\nLIMIT 4",
        q.page().apply(null, 4).getAsString());
    assertEquals(
        "SELECT id FROM project_logs('p') WHERE x = 'LIMIT 3'\nLIMIT 4 OFFSET 'c''1'",
        q.page().apply("c'1", 4).getAsString());
  }

  @Test
  void sqlCursorOffsetIsWhereTheWalkStarts() {
    QueryShape q = QueryShape.sql("select id from experiment('e') limit 5 offset 'abc'");
    assertEquals(5, q.ownLimit());
    assertEquals("abc", q.ownCursor());
    assertEquals("select id from experiment('e')\nLIMIT 2", q.page().apply(null, 2).getAsString());
  }

  @Test
  void sqlWithoutLimitPagesTheWholeQueryAndATrailingCommentGoes() {
    QueryShape q = QueryShape.sql("SELECT * FROM dataset('d')\n-- all of it");
    assertEquals(-1, q.ownLimit());
    assertEquals("SELECT * FROM dataset('d')\nLIMIT 7", q.page().apply(null, 7).getAsString());
  }

  @Test
  void sqlCommentsAndLiteralsAreNotClauses() {
    assertEquals(-1, QueryShape.sql("SELECT 1 -- note: LIMIT 5").ownLimit());
    assertEquals(-1, QueryShape.sql("SELECT 1 /* LIMIT 5 */").ownLimit());
    assertEquals(-1, QueryShape.sql("SELECT 1 /* unterminated LIMIT 5").ownLimit());
    assertEquals(-1, QueryShape.sql("SELECT \"LIMIT 5\" FROM t WHERE a = 'x LIMIT 5'").ownLimit());
    QueryShape q = QueryShape.sql("SELECT 1 WHERE s = '-- not a comment' LIMIT 4 -- four");
    assertEquals(4, q.ownLimit());
    assertEquals(
        "SELECT 1 WHERE s = '-- not a comment'\nLIMIT 2", q.page().apply(null, 2).getAsString());
    QueryShape c = QueryShape.sql("SELECT 1 LIMIT 9 /* then */ OFFSET 'it''s' -- resume");
    assertEquals(9, c.ownLimit());
    assertEquals("it's", c.ownCursor());
  }

  @Test
  void sqlNumericOffsetIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> QueryShape.sql("SELECT * FROM dataset('d') LIMIT 5 OFFSET 10"));
  }

  @Test
  void btqlClausesAreReplaced() {
    QueryShape q =
        QueryShape.btql(
            "select: id\nfrom: project_logs('p') traces\nlimit: 25\ncursor: 'xyz'\nfilter: a = 1");
    assertEquals(25, q.ownLimit());
    assertEquals("xyz", q.ownCursor());
    assertEquals(
        "select: id\nfrom: project_logs('p') traces\n\n\nfilter: a = 1\nlimit: 3\ncursor: 'k'",
        q.page().apply("k", 3).getAsString());
  }

  @Test
  void structuredQueryGetsLimitAndCursorFields() {
    JsonObject query =
        JsonParser.parseString(
                "{\"from\":{\"op\":\"function\",\"name\":{\"op\":\"ident\",\"name\":[\"dataset\"]}},"
                    + "\"select\":[{\"op\":\"star\"}],\"limit\":50,\"cursor\":\"c0\"}")
            .getAsJsonObject();
    QueryShape q = QueryShape.structured(query);
    assertEquals(50, q.ownLimit());
    assertEquals("c0", q.ownCursor());
    JsonObject page = q.page().apply("c1", 10).getAsJsonObject();
    assertEquals(10, page.get("limit").getAsInt());
    assertEquals("c1", page.get("cursor").getAsString());
    assertEquals(query.get("select"), page.get("select"));
    assertNull(q.page().apply(null, 10).getAsJsonObject().get("cursor"));
    assertEquals(50, query.get("limit").getAsInt(), "the caller's object is not changed");
  }
}
