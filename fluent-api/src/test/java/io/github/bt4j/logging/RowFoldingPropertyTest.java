package io.github.bt4j.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Folding rows with the same id into one request must store what sending them one by one stores:
 * checked on random sequences against {@link StoreModel}, the API's semantics written apart.
 */
class RowFoldingPropertyTest {
  private static final int TRIALS = 3000;

  private static List<JsonObject> folded(List<JsonObject> rows) {
    List<QueuedEvent> events = new ArrayList<>();
    for (JsonObject row : rows) {
      events.add(
          new QueuedEvent(
              row.get("id").getAsString(),
              EventKind.INSERT,
              row.toString().getBytes(StandardCharsets.UTF_8)));
    }
    List<JsonObject> sent = new ArrayList<>();
    for (List<Row> group : RowMerger.merge(events)) {
      for (Row row : group) {
        sent.add(
            JsonParser.parseString(new String(row.json(), StandardCharsets.UTF_8))
                .getAsJsonObject());
      }
    }
    return sent;
  }

  @Test
  void foldingEqualsApplyingTheRowsInOrder() {
    for (int trial = 1; trial <= TRIALS; trial++) {
      long seed = trial;
      RandomRows random = new RandomRows(seed);
      List<JsonObject> before = random.fullRows(3);
      List<JsonObject> rows = random.rows(3, 2 + (int) (seed % 7));
      StoreModel oneByOne = new StoreModel().applyAll(before).applyAll(rows);
      StoreModel batched = new StoreModel().applyAll(before).applyAll(folded(rows));
      assertEquals(
          oneByOne.rows(),
          batched.rows(),
          () ->
              "seed "
                  + seed
                  + ": before "
                  + before
                  + "\nrows "
                  + rows
                  + "\nfolded "
                  + folded(rows));
    }
  }
}
