package io.github.bt4j.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.InsertProjectLogsEventMetadata;
import io.github.bt4j.testing.JsonDiff;
import io.github.bt4j.testing.JsonDiff.Tolerance;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A schema with both properties and {@code additionalProperties} becomes a class that extends
 * {@code HashMap} and also has typed fields. Gson's own map adapter writes only the map entries and
 * reads everything into the map, so the typed fields are lost both ways; {@code
 * MapModelTypeAdapterFactory} in {@link BraintrustJson#gson()} is what keeps them.
 */
class MapModelRoundTripTest {
  private static final Gson GSON = BraintrustJson.gson();

  @Test
  void metadataWritesItsTypedFieldAndItsExtraEntries() {
    InsertProjectLogsEventMetadata metadata = new InsertProjectLogsEventMetadata();
    metadata.setModel("gpt-4o");
    metadata.put("user_id", "u-17");
    metadata.put("attempt", 3);

    JsonElement json = GSON.toJsonTree(metadata);

    assertEquals(
        JsonParser.parseString("{\"model\":\"gpt-4o\",\"user_id\":\"u-17\",\"attempt\":3}"), json);
  }

  @Test
  void metadataReadsKnownNamesIntoFieldsAndTheRestIntoTheMap() {
    String json = "{\"user_id\":\"u-17\",\"model\":\"claude\",\"scores\":{\"a\":0.25,\"b\":5}}";

    InsertProjectLogsEventMetadata metadata =
        GSON.fromJson(json, InsertProjectLogsEventMetadata.class);

    assertEquals("claude", metadata.getModel());
    assertFalse(metadata.containsKey("model"), "the typed field is not also a map entry");
    assertEquals("u-17", metadata.get("user_id"));
    Map<?, ?> scores = (Map<?, ?>) metadata.get("scores");
    assertEquals("0.25", scores.get("a").toString());
    assertEquals("5", scores.get("b").toString(), "an integer stays an integer");
    assertEquals(JsonParser.parseString(json), GSON.toJsonTree(metadata));
  }

  @Test
  void metadataInsideAnEventKeepsBoth() {
    InsertProjectLogsEventMetadata metadata = new InsertProjectLogsEventMetadata();
    metadata.setModel("gpt-4o");
    metadata.put("session", "s-1");
    InsertProjectLogsEvent event = new InsertProjectLogsEvent().id("e-1").metadata(metadata);

    String json = GSON.toJson(event);
    InsertProjectLogsEvent back = GSON.fromJson(json, InsertProjectLogsEvent.class);

    JsonObject written = JsonParser.parseString(json).getAsJsonObject();
    assertEquals(
        JsonParser.parseString("{\"model\":\"gpt-4o\",\"session\":\"s-1\"}"),
        written.get("metadata"));
    assertEquals("gpt-4o", back.getMetadata().getModel());
    assertEquals("s-1", back.getMetadata().get("session"));
  }

  /** The same, for every map model a user can meet: its simple typed fields and an extra entry. */
  @Test
  void everyReachableMapModelKeepsTypedFieldsAndExtras() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Class<?> type : ReachableModels.fromApi().keySet()) {
      Map<String, Field> fields = GeneratedModels.serializedFields(type);
      if (!Map.class.isAssignableFrom(type) || fields.isEmpty()) {
        continue;
      }
      JsonObject sample = new JsonObject();
      for (Map.Entry<String, Field> f : fields.entrySet()) {
        Class<?> t = f.getValue().getType();
        if (t == String.class) {
          sample.addProperty(f.getKey(), "v-" + f.getKey());
        } else if (t == Boolean.class) {
          sample.addProperty(f.getKey(), true);
        } else if (t == Integer.class || t == Long.class) {
          sample.addProperty(f.getKey(), 7);
        } else if (t == BigDecimal.class || t == Double.class || t == Float.class) {
          sample.addProperty(f.getKey(), 0.5);
        }
      }
      if (sample.size() == 0) {
        continue;
      }
      Type valueType =
          ((ParameterizedType) type.getGenericSuperclass()).getActualTypeArguments()[1];
      JsonElement extra =
          valueType == BigDecimal.class ? new JsonPrimitive(2.5) : new JsonPrimitive("x");
      sample.add("bt4j_extra", extra);
      checked++;

      Object parsed = GSON.fromJson(sample, type);
      for (String name : sample.keySet()) {
        Field field = fields.get(name);
        if (field != null) {
          field.setAccessible(true);
          if (field.get(parsed) == null) {
            problems.add(type.getSimpleName() + "." + field.getName() + " was not read");
          }
          if (((Map<?, ?>) parsed).containsKey(name)) {
            problems.add(type.getSimpleName() + " holds " + name + " as a map entry");
          }
        }
      }
      if (!extra.getAsString().equals(String.valueOf(((Map<?, ?>) parsed).get("bt4j_extra")))) {
        problems.add(type.getSimpleName() + " lost its extra entry");
      }
      List<String> diff =
          JsonDiff.between(sample, GSON.toJsonTree(parsed, type), Tolerance.SAME_VALUE);
      diff.forEach(d -> problems.add(type.getSimpleName() + " wrote " + d));
    }
    assertTrue(checked >= 5, "only " + checked + " map models with simple fields");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}
