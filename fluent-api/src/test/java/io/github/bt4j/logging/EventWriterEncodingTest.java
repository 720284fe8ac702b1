package io.github.bt4j.logging;

import static io.github.bt4j.logging.WriterTestSupport.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.logging.ScriptedServer.Reply;
import io.github.bt4j.models.InsertProjectLogsEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Events reach the server as the JSON Gson writes for them, byte for byte in UTF-8, whatever their
 * characters: the writer encodes each event straight to bytes on the caller's thread.
 */
// A wrong encoding can leave the scripted server unable to answer, and the writer then retries for
// its whole budget (ten minutes): fail instead.
@Timeout(60)
class EventWriterEncodingTest {
  @Test
  void everyCharacterArrivesAsSent() throws Exception {
    String big = "x".repeat(70_000) + "é"; // past the encoder's kept buffer
    List<String> texts =
        List.of(
            "plain",
            "café, naïve, 日本語",
            "emoji \uD83D\uDE00 and \uD83C\uDF89 together",
            "quotes \" and \\ and a newline\n and a tab\t",
            "</script> & <b>",
            big);
    try (ScriptedServer server = new ScriptedServer(Reply::stored);
        BraintrustClient client =
            BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
        var logs =
            EventWriter.projectLogs(
                client,
                PROJECT,
                WriterOptions.builder().flushOnShutdown(false).maxBatchRows(1).build())) {
      List<String> ids = new ArrayList<>();
      for (String text : texts) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("input", text);
        event.put("metadata", Map.of("text", text));
        ids.add(logs.log(event));
      }
      ids.add(logs.log(new InsertProjectLogsEvent().input(texts.get(2)).output(texts.get(1))));
      logs.flush();
      // One row a request, sent by several senders at once: the rows are matched by id.
      Map<String, JsonObject> rows = new HashMap<>();
      server
          .received()
          .forEach(r -> r.rows().forEach(row -> rows.put(row.get("id").getAsString(), row)));
      assertEquals(texts.size() + 1, rows.size());
      for (int i = 0; i < texts.size(); i++) {
        JsonObject row = rows.get(ids.get(i));
        assertEquals(texts.get(i), row.get("input").getAsString());
        assertEquals(texts.get(i), row.getAsJsonObject("metadata").get("text").getAsString());
      }
      JsonObject model = rows.get(ids.get(texts.size()));
      assertEquals(texts.get(2), model.get("input").getAsString());
      assertEquals(texts.get(1), model.get("output").getAsString());
    }
  }

  @Test
  void anUnpairedSurrogateIsSentAsAQuestionMarkAsStringsEncodeIt() throws Exception {
    String broken = "a\uD800b and \uDC00 and at the end \uD83D";
    try (ScriptedServer server = new ScriptedServer(Reply::stored);
        BraintrustClient client =
            BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, WriterOptions.builder().flushOnShutdown(false).build())) {
      logs.log(Map.of("input", broken));
      logs.flush();
      JsonObject row = server.received().get(0).rows().get(0);
      String expected =
          new String(
              broken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(expected, row.get("input").getAsString());
      assertTrue(expected.contains("?"), expected);
    }
  }

  @Test
  void anExplicitNullIdIsReplacedNotSentBesideTheNewOne() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply::stored);
        BraintrustClient client =
            BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
        var logs =
            EventWriter.projectLogs(
                client, PROJECT, WriterOptions.builder().flushOnShutdown(false).build())) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("input", "a map");
      map.put("id", null);
      List<String> ids = new ArrayList<>();
      ids.add(logs.log(map));
      ids.add(logs.log(new InsertProjectLogsEvent().input("a model").id(null)));
      ids.add(logs.log(new InsertProjectLogsEvent().id(null).input("null id first")));
      logs.flush();
      List<String> bodies = new ArrayList<>();
      Map<String, JsonObject> rows = new HashMap<>();
      for (var request : server.received()) {
        bodies.add(request.body().toString());
        request.rows().forEach(row -> rows.put(row.get("id").getAsString(), row));
      }
      assertEquals(3, rows.size(), String.join("\n", bodies));
      for (String id : ids) {
        assertTrue(rows.containsKey(id), id);
      }
      for (String body : bodies) {
        assertTrue(!body.contains("\"id\":null"), body);
      }
    }
  }
}
