package io.github.bt4j.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.github.bt4j.json.BraintrustJson;
import org.junit.jupiter.api.Test;

class FunctionEventAccumulatorTest {

  record Person(String name, int age) {}

  private static FunctionEventAccumulator accumulate(FunctionEvent... events) {
    FunctionEventAccumulator accumulator = new FunctionEventAccumulator();
    for (FunctionEvent event : events) {
      accumulator.accept(event);
    }
    return accumulator;
  }

  @Test
  void textDeltasJoinIntoTheFinalText() {
    FunctionEventAccumulator result =
        accumulate(
            new FunctionEvent.Start(),
            new FunctionEvent.ReasoningDelta("hmm "),
            new FunctionEvent.TextDelta("Hello, "),
            new FunctionEvent.Progress(null, null, null, null, null, "text_delta", "\"x\"", null),
            new FunctionEvent.TextDelta("world"),
            new FunctionEvent.ReasoningDelta("ok"),
            new FunctionEvent.Done());
    assertEquals("Hello, world", result.text());
    assertEquals("hmm ok", result.reasoning());
    assertFalse(result.hasJson());
    assertNull(result.json());
    assertEquals("Hello, world", result.finalValue());
  }

  @Test
  void jsonDeltasAreJoinedAndParsedOnceAtTheEnd() {
    FunctionEventAccumulator result =
        accumulate(
            new FunctionEvent.JsonDelta("{\"name\": \"Cecil\","),
            new FunctionEvent.JsonDelta("\"age\": 30}"),
            new FunctionEvent.TextDelta("ignored for the final value"));
    assertTrue(result.hasJson());
    assertEquals(JsonParser.parseString("{\"name\":\"Cecil\",\"age\":30}"), result.json());
    assertSame(result.json(), result.json());
    assertSame(result.json(), result.finalValue());
    assertEquals(new Person("Cecil", 30), BraintrustJson.fromJsonTree(result.json(), Person.class));
  }

  @Test
  void incompleteJsonFailsClearly() {
    FunctionEventAccumulator result = accumulate(new FunctionEvent.JsonDelta("{\"name\": \"Ce"));
    IllegalStateException e = assertThrows(IllegalStateException.class, result::json);
    assertTrue(e.getMessage().contains("json_delta"), e.getMessage());
  }

  @Test
  void theFinalValueFallsBackToReasoningThenNull() {
    assertEquals("why", accumulate(new FunctionEvent.ReasoningDelta("why")).finalValue());
    assertNull(accumulate(new FunctionEvent.Done()).finalValue());
    assertEquals("", accumulate(new FunctionEvent.TextDelta("")).finalValue());
  }
}
