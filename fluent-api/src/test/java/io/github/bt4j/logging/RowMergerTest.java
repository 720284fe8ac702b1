package io.github.bt4j.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.logging.internal.EventKind;
import io.github.bt4j.logging.internal.QueuedEvent;
import io.github.bt4j.logging.internal.Row;
import io.github.bt4j.logging.internal.RowMerger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowMergerTest {
  private static QueuedEvent event(String json) {
    JsonObject tree = JsonParser.parseString(json).getAsJsonObject();
    return new QueuedEvent(
        tree.get("id").getAsString(), EventKind.INSERT, json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<List<JsonObject>> merge(String... rows) {
    List<QueuedEvent> events = new ArrayList<>();
    for (String row : rows) {
      events.add(event(row));
    }
    List<List<JsonObject>> groups = new ArrayList<>();
    for (List<Row> group : RowMerger.merge(events)) {
      List<JsonObject> out = new ArrayList<>();
      for (Row row : group) {
        out.add(
            JsonParser.parseString(new String(row.json(), StandardCharsets.UTF_8))
                .getAsJsonObject());
      }
      groups.add(out);
    }
    return groups;
  }

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  @Test
  void rowsWithDistinctIdsAreSentAsSerialised() {
    QueuedEvent a = event("{\"id\":\"a\",\"input\":1}");
    QueuedEvent b = event("{\"id\":\"b\",\"input\":2}");
    List<List<Row>> groups = RowMerger.merge(List.of(a, b));
    assertEquals(1, groups.size());
    assertSame(a.json(), groups.get(0).get(0).json());
    assertSame(b.json(), groups.get(0).get(1).json());
  }

  @Test
  void mergeIntoFullRowDeepMergesAndStaysFull() {
    List<List<JsonObject>> groups =
        merge(
            "{\"id\":\"a\",\"span_id\":\"s1\",\"input\":1,\"metadata\":{\"x\":1,\"n\":{\"p\":1}}}",
            "{\"id\":\"b\",\"input\":2}",
            "{\"id\":\"a\",\"_is_merge\":true,\"span_id\":\"other\",\"output\":3,"
                + "\"metadata\":{\"y\":2,\"n\":{\"q\":2}}}");
    assertEquals(
        List.of(
            List.of(
                json(
                    "{\"id\":\"a\",\"span_id\":\"s1\",\"input\":1,\"output\":3,"
                        + "\"metadata\":{\"x\":1,\"y\":2,\"n\":{\"p\":1,\"q\":2}}}"),
                json("{\"id\":\"b\",\"input\":2}"))),
        groups);
  }

  @Test
  void explicitNullsSurviveFolding() {
    assertEquals(
        List.of(List.of(json("{\"id\":\"a\",\"error\":null,\"output\":null}"))),
        merge(
            "{\"id\":\"a\",\"error\":null,\"output\":1}",
            "{\"id\":\"a\",\"_is_merge\":true,\"output\":null}"));
  }

  @Test
  void twoMergesStayAMerge() {
    assertEquals(
        List.of(
            List.of(
                json(
                    "{\"id\":\"a\",\"_is_merge\":true,\"scores\":{\"s\":1,\"t\":0},"
                        + "\"tags\":[\"z\"]}"))),
        merge(
            "{\"id\":\"a\",\"_is_merge\":true,\"scores\":{\"s\":1},\"tags\":[\"y\"]}",
            "{\"id\":\"a\",\"_is_merge\":true,\"scores\":{\"t\":0},\"tags\":[\"z\"]}"));
  }

  @Test
  void aFullRowReplacesTheEarlierOneInItsPlace() {
    assertEquals(
        List.of(List.of(json("{\"id\":\"a\",\"output\":2}"), json("{\"id\":\"b\",\"input\":0}"))),
        merge(
            "{\"id\":\"a\",\"input\":1,\"metadata\":{\"x\":1}}",
            "{\"id\":\"b\",\"input\":0}",
            "{\"id\":\"a\",\"output\":2}"));
  }

  @Test
  void mergePathsAreReplacedWhole() {
    assertEquals(
        List.of(List.of(json("{\"id\":\"a\",\"input\":{\"a\":{\"q\":30},\"b\":20,\"c\":40}}"))),
        merge(
            "{\"id\":\"a\",\"input\":{\"a\":{\"b\":10},\"b\":20}}",
            "{\"id\":\"a\",\"_is_merge\":true,\"_merge_paths\":[[\"input\",\"a\"]],"
                + "\"input\":{\"a\":{\"q\":30},\"c\":40}}"));
  }

  @Test
  void mergesOfMergesKeepEveryMergePath() {
    assertEquals(
        List.of(
            List.of(
                json(
                    "{\"id\":\"a\",\"_is_merge\":true,\"_merge_paths\":[[\"input\"],[\"output\"]],"
                        + "\"input\":{\"x\":1},\"output\":{\"y\":2}}"))),
        merge(
            "{\"id\":\"a\",\"_is_merge\":true,\"_merge_paths\":[[\"input\"]],\"input\":{\"x\":1}}",
            "{\"id\":\"a\",\"_is_merge\":true,\"_merge_paths\":[[\"output\"]],"
                + "\"output\":{\"y\":2}}"));
  }

  @Test
  void arrayDeletesAndMergesAfterDeletesAreSentInOrderNotFolded() {
    assertEquals(
        List.of(
            List.of(json("{\"id\":\"a\",\"tags\":[\"x\",\"y\"]}")),
            List.of(json("{\"id\":\"a\",\"_is_merge\":true,\"_array_delete\":[]}"))),
        merge(
            "{\"id\":\"a\",\"tags\":[\"x\",\"y\"]}",
            "{\"id\":\"a\",\"_is_merge\":true,\"_array_delete\":[]}"));
    assertEquals(
        List.of(
            List.of(json("{\"id\":\"a\",\"_object_delete\":true}"), json("{\"id\":\"b\"}")),
            List.of(json("{\"id\":\"a\",\"_is_merge\":true,\"output\":1}"))),
        merge(
            "{\"id\":\"a\",\"_object_delete\":true}",
            "{\"id\":\"b\"}",
            "{\"id\":\"a\",\"_is_merge\":true,\"output\":1}"));
  }
}
