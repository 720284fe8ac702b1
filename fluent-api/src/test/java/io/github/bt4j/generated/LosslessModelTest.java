package io.github.bt4j.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.json.JsonFieldMismatchException;
import io.github.bt4j.models.CreateAISecret;
import io.github.bt4j.models.FunctionData;
import io.github.bt4j.models.GitMetadataSettings;
import io.github.bt4j.models.InsertProjectLogsEvent;
import io.github.bt4j.models.InsertProjectLogsEventMetrics;
import io.github.bt4j.models.PatchProject;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.View;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules that make every generated model lossless, one test each: what the server sends that the
 * spec does not describe is kept and written back unchanged, and what a caller sets is sent exactly
 * (an explicit null included).
 */
class LosslessModelTest {
  private static final String PROJECT_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static final String ORG_ID = "5d2a8f41-7b3e-4c19-9a6d-0e1f2a3b4c5d";

  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  private static <T> T read(String text, Class<T> type) {
    return BraintrustJson.fromJson(text, type);
  }

  private static JsonElement written(Object model) {
    return json(BraintrustJson.toJson(model));
  }

  @Test
  void undeclaredFieldsAreKeptReadableAndWrittenBack() {
    String text =
        "{\"id\":\""
            + PROJECT_ID
            + "\",\"name\":\"p\",\"_object_delete\":true,"
            + "\"extra\":{\"nested\":[1,2.50,null]}}";
    Project project = read(text, Project.class);

    assertEquals(json("true"), project._additionalProperties().get("_object_delete"));
    assertEquals(json("{\"nested\":[1,2.50,null]}"), project._field("extra"));
    assertEquals(json(text), written(project));
    assertEquals(
        "2.50",
        written(project)
            .getAsJsonObject()
            .getAsJsonObject("extra")
            .getAsJsonArray("nested")
            .get(1)
            .getAsString(),
        "numbers keep their spelling");
  }

  @Test
  void aValueOfAnotherJsonTypeIsKeptWrittenBackAndItsGetterSaysWhatCame() {
    // the real server sends an object where the spec declares a string (FacetData's prompt)
    String text = "{\"type\":\"prompt\",\"prompt\":{\"type\":\"chat\",\"messages\":[]}}";
    FunctionData data = read(text, FunctionData.class);

    JsonFieldMismatchException e = assertThrows(JsonFieldMismatchException.class, data::getPrompt);
    assertEquals("prompt", e.field());
    assertTrue(e.getMessage().contains("an object"), e.getMessage());
    assertTrue(e.getMessage().contains("String"), e.getMessage());
    assertEquals(json("{\"type\":\"chat\",\"messages\":[]}"), data._field("prompt"));
    assertEquals(json(text), written(data));
    // setting the field replaces what came
    assertEquals(json("{\"type\":\"prompt\",\"prompt\":\"p\"}"), written(data.prompt("p")));
  }

  @Test
  void scalarsOfAnotherJsonTypeAreNotCoerced() {
    // Gson alone would turn 7 into "7" and "true" into true, changing what is written back
    String text = "{\"id\":\"" + PROJECT_ID + "\",\"name\":7,\"description\":false}";
    Project project = read(text, Project.class);

    assertThrows(JsonFieldMismatchException.class, project::getName);
    assertThrows(JsonFieldMismatchException.class, project::getDescription);
    assertEquals(PROJECT_ID, project.getId());
    assertEquals(json(text), written(project));
  }

  @Test
  void numbersThatDoNotFitAreKeptAsSent() {
    String text = "{\"limit\":12345678901234567890}";
    io.github.bt4j.models.FetchEventsRequest request =
        read(text, io.github.bt4j.models.FetchEventsRequest.class);

    assertThrows(JsonFieldMismatchException.class, request::getLimit);
    assertEquals(json(text), written(request));
    assertEquals(
        Integer.valueOf(5),
        read("{\"limit\":5.0}", io.github.bt4j.models.FetchEventsRequest.class).getLimit(),
        "5.0 is another spelling of 5");
  }

  @Test
  void idsAreStringsReadAndWrittenBackAsSent() {
    String upper = PROJECT_ID.toUpperCase();
    Project project = read("{\"id\":\"" + upper + "\"}", Project.class);

    assertEquals(upper, project.getId());
    assertEquals(upper, written(project).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void anUnknownEnumValueSurvivesReadModifyWrite() {
    String text = "{\"name\":\"v\",\"view_type\":\"agents\"}";
    View view = read(text, View.class);

    assertEquals("UNKNOWN_DEFAULT_OPEN_API", view.getViewType().name());
    view.setName("renamed");
    assertEquals(json("{\"name\":\"renamed\",\"view_type\":\"agents\"}"), written(view));
    view.setViewType(View.ViewTypeEnum.LOGS);
    assertEquals("logs", written(view).getAsJsonObject().get("view_type").getAsString());
  }

  @Test
  void aListWithAnUnknownEnumValueIsWrittenBackUnlessChanged() {
    String text = "{\"fields\":[\"commit\",\"quantum_state\"]}";
    GitMetadataSettings settings = read(text, GitMetadataSettings.class);

    assertEquals(json(text), written(settings));
    settings.getFields().remove(1); // changed in place: the list as it is now is sent
    assertEquals(json("{\"fields\":[\"commit\"]}"), written(settings));
  }

  @Test
  void explicitNullIsSentAndAbsentIsNot() {
    assertEquals(json("{}"), written(new PatchProject()));
    assertEquals(json("{\"description\":null}"), written(new PatchProject().description(null)));
    assertEquals(
        json("{\"description\":\"d\"}"),
        written(new PatchProject().description(null).description("d")));
    assertEquals(json("{}"), written(new PatchProject().description(null)._unset("description")));
  }

  @Test
  void aNullReadIsANullWrittenBack() {
    String text = "{\"id\":\"" + PROJECT_ID + "\",\"description\":null,\"deleted_at\":null}";
    Project project = read(text, Project.class);

    assertNull(project.getDescription());
    assertSame(JsonNull.INSTANCE, project._field("description"));
    assertNull(project._field("user_id"), "absent is not null");
    assertEquals(json(text), written(project));
  }

  @Test
  void anyFieldCanBeSetByNameDeclaredOrNot() {
    PatchProject patch =
        new PatchProject()
            .name("n")
            ._set("new_flag", new JsonPrimitive(true))
            ._set("description", json("{\"rich\":\"text\"}"));

    assertEquals(
        json("{\"name\":\"n\",\"description\":{\"rich\":\"text\"},\"new_flag\":true}"),
        written(patch));
    assertEquals(json("{\"rich\":\"text\"}"), patch._field("description"));
    assertEquals(Map.of("new_flag", new JsonPrimitive(true)), patch._additionalProperties());
    // a fitting value set by name is the typed value
    assertEquals("plain", patch._set("description", new JsonPrimitive("plain")).getDescription());
  }

  @Test
  void mapModelsKeepTypedFieldsEntriesAndValuesThatDoNotFit() {
    String text = "{\"start\":1.5,\"tokens\":10,\"latency\":0.25,\"odd\":\"n/a\",\"none\":null}";
    InsertProjectLogsEventMetrics metrics = read(text, InsertProjectLogsEventMetrics.class);

    assertEquals(0, new BigDecimal("1.5").compareTo(metrics.getStart()));
    assertEquals(Integer.valueOf(10), metrics.getTokens());
    assertEquals(0, new BigDecimal("0.25").compareTo(metrics.get("latency")));
    assertTrue(metrics.containsKey("none"));
    assertEquals(new JsonPrimitive("n/a"), metrics._field("odd"));
    assertEquals(json(text), written(metrics));
  }

  @Test
  void aDeclaredNamePutIntoAMapModelIsSent() {
    InsertProjectLogsEventMetrics metrics = new InsertProjectLogsEventMetrics();
    metrics.put("start", BigDecimal.ONE);
    metrics.put("latency", BigDecimal.TEN);

    assertEquals(json("{\"start\":1,\"latency\":10}"), written(metrics));
    metrics.setStart(BigDecimal.valueOf(2)); // the typed field, once set, is what is sent
    assertEquals(json("{\"start\":2,\"latency\":10}"), written(metrics));
  }

  @Test
  void nestedModelsAreLosslessToo() {
    String text =
        "{\"input\":\"q\",\"metadata\":{\"user\":\"u\",\"model\":7},\"scores\":{\"a\":null},"
            + "\"span_attributes\":\"not an object\",\"future\":[{}]}";
    InsertProjectLogsEvent event = read(text, InsertProjectLogsEvent.class);

    assertEquals(json(text), written(event));
    assertThrows(JsonFieldMismatchException.class, event::getSpanAttributes);
  }

  @Test
  void theMismatchMessageOfASecretFieldDoesNotShowTheValue() {
    CreateAISecret secret = read("{\"secret\":{\"key\":\"sk-very-secret\"}}", CreateAISecret.class);

    JsonFieldMismatchException e =
        assertThrows(JsonFieldMismatchException.class, secret::getSecret);
    assertFalse(e.getMessage().contains("sk-very-secret"), e.getMessage());
    assertFalse(secret.toString().contains("sk-very-secret"), secret.toString());
  }

  @Test
  void undeclaredFieldValuesStayOutOfToString() {
    Project project = read("{\"name\":\"p\",\"api_key\":\"sk-do-not-print\"}", Project.class);

    assertTrue(project.toString().contains("api_key"), project.toString());
    assertFalse(project.toString().contains("sk-do-not-print"), project.toString());
  }

  @Test
  void equalityCountsWhatTheTypedFieldsCannotHold() {
    Project a = read("{\"name\":\"p\",\"x\":1}", Project.class);
    Project b = read("{\"name\":\"p\",\"x\":2}", Project.class);
    Project c = read("{\"name\":\"p\",\"x\":1}", Project.class);

    assertFalse(a.equals(b));
    assertEquals(a, c);
    assertEquals(a.hashCode(), c.hashCode());
  }

  @Test
  void aModelInAListOrMapIsLosslessToo() {
    String text =
        "[{\"id\":\"" + PROJECT_ID + "\",\"org_id\":\"" + ORG_ID + "\",\"name\":\"p\",\"z\":[]}]";
    List<Project> projects =
        BraintrustJson.fromJson(
            text,
            com.google.gson.reflect.TypeToken.getParameterized(List.class, Project.class)
                .getType());

    assertEquals(json(text), json(BraintrustJson.toJson(projects)));
    JsonObject wrapped = new JsonObject();
    wrapped.add("p", json(text).getAsJsonArray().get(0));
    assertEquals(wrapped, BraintrustJson.toJsonTree(Map.of("p", projects.get(0))));
  }
}
