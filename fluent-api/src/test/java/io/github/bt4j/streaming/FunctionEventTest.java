package io.github.bt4j.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParseException;
import io.github.bt4j.json.BraintrustJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionEventTest {

  private static FunctionEvent parse(String event, String data) {
    return FunctionEvent.parse(sse(event, data));
  }

  @Test
  void textAndReasoningDeltasAreDecodedFromJsonStrings() {
    assertEquals(
        new FunctionEvent.TextDelta("this is a line\nbreak with \"quotes\" \u00e9"),
        parse("text_delta", "\"this is a line\\nbreak with \\\"quotes\\\" \\u00e9\""));
    assertEquals(
        new FunctionEvent.ReasoningDelta("thinking"), parse("reasoning_delta", "\"thinking\""));
  }

  @Test
  void aTextDeltaThatIsNotAJsonStringIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> parse("text_delta", "{\"a\":1}"));
    assertThrows(IllegalArgumentException.class, () -> parse("text_delta", "\"unterminated"));
    assertThrows(IllegalArgumentException.class, () -> parse("text_delta", ""));
  }

  @Test
  void textDeltasDecodeExactlyAsTheJsonParserDoes() {
    List<String> inputs =
        List.of(
            "\"\"",
            "\"plain words \"",
            "\"caf\u00e9 \uD83D\uDE00 <b>&amp;</b> 'single'\"",
            "\"raw\ttab\"",
            "\"escaped \\\" quote\"",
            "\"backslash \\\\ \\u0041\"",
            " \"padded\" ",
            "\"a\"b\"",
            "\"\"\"",
            "\"",
            "\"a\" \"b\"",
            "\"a\"  x");
    for (String data : inputs) {
      String expected;
      try {
        expected = BraintrustJson.gson().fromJson(data, String.class);
      } catch (JsonParseException e) {
        expected = null;
      }
      if (expected == null) {
        assertThrows(
            IllegalArgumentException.class, () -> parse("text_delta", data), "data: " + data);
      } else {
        assertEquals(new FunctionEvent.TextDelta(expected), parse("text_delta", data), data);
      }
    }
  }

  @Test
  void jsonDeltasStayRawFragments() {
    assertEquals(
        new FunctionEvent.JsonDelta("{\"name\": \"Cecil\","),
        parse("json_delta", "{\"name\": \"Cecil\","));
  }

  @Test
  void progressCarriesTheNestedEventAndKeepsUnknownFields() {
    FunctionEvent.Progress progress =
        assertInstanceOf(
            FunctionEvent.Progress.class,
            parse(
                "progress",
                "{\"id\":\"span-1\",\"object_type\":\"tool\",\"format\":\"code\","
                    + "\"output_type\":\"completion\",\"name\":\"lookup\",\"event\":\"text_delta\","
                    + "\"data\":\"\\\"hi\\\"\",\"origin\":{\"object_type\":\"project_logs\"}}"));
    assertEquals("span-1", progress.id());
    assertEquals("tool", progress.objectType());
    assertEquals("code", progress.format());
    assertEquals("completion", progress.outputType());
    assertEquals("lookup", progress.name());
    assertEquals("text_delta", progress.event());
    assertEquals("\"hi\"", progress.data());
    assertEquals(
        "project_logs", progress.raw().getAsJsonObject("origin").get("object_type").getAsString());
    assertThrows(IllegalArgumentException.class, () -> parse("progress", "\"not an object\""));
  }

  @Test
  void consoleOutput() {
    assertEquals(
        new FunctionEvent.Console("stderr", "warning: x"),
        parse("console", "{\"stream\":\"stderr\",\"message\":\"warning: x\"}"));
  }

  @Test
  void errorsTakeTheMessageFromAStringOrAnObject() {
    assertEquals(
        new FunctionEvent.ErrorEvent("Something went wrong.", "\"Something went wrong.\""),
        parse("error", "\"Something went wrong.\""));
    assertEquals(
        "quota", ((FunctionEvent.ErrorEvent) parse("error", "{\"message\":\"quota\"}")).message());
    assertEquals(
        "nested",
        ((FunctionEvent.ErrorEvent) parse("error", "{\"error\":{\"message\":\"nested\"}}"))
            .message());
    assertEquals("plain text", ((FunctionEvent.ErrorEvent) parse("error", "plain text")).message());
  }

  @Test
  void startDoneAndUnknownEvents() {
    assertEquals(new FunctionEvent.Start(), parse("start", ""));
    assertEquals(new FunctionEvent.Done(), parse("done", ""));
    FunctionEvent other = parse("meta", "{\"stop_token\":\"t\"}");
    assertEquals(new FunctionEvent.Other("meta", "{\"stop_token\":\"t\"}"), other);
    assertEquals(new FunctionEvent.Other("message", "x"), parse("message", "x"));
  }

  private static SseEvent sse(String event, String data) {
    return new SseEvent(event, data, null, null);
  }
}
