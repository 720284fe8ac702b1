package io.github.bt4j.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.json.internal.SharedGson;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.ProjectListParams;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the encoder decides whether an event may carry an explicit null id. */
class EventEncoderTest {
  private final EventEncoder encoder = new EventEncoder(SharedGson.gson());

  @Test
  void aModelWithAnExplicitNullIdGetsOneIdOnly() {
    QueuedEvent event =
        encoder.encode(new InsertProjectLogsEvent().id(null).input("x"), null, EventKind.INSERT);

    JsonObject row = rowOf(event);
    assertEquals(event.id(), row.get("id").getAsString());
  }

  @Test
  void anObjectOfTheModelPackageThatIsNoModelIsEncodedLikeAnyObject() {
    // A parameters class lives beside the models but is not read by the model adapter.
    QueuedEvent event =
        encoder.encode(ProjectListParams.builder().limit(3).build(), null, EventKind.INSERT);

    JsonObject row = rowOf(event);
    assertEquals(event.id(), row.get("id").getAsString());
    assertEquals(3, row.get("limit").getAsInt());
  }

  private static JsonObject rowOf(QueuedEvent event) {
    return JsonParser.parseString(new String(event.json(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }
}
