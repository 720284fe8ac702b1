package io.github.bt4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JavadocTextTest {
  @Test
  void codeSpansBecomeCodeTags() {
    assertEquals(
        "Use the {@code POST /btql} endpoint with {@code {\"limit\": 1}}.",
        JavadocText.of("Use the `POST /btql` endpoint with `{\"limit\": 1}`."));
  }

  @Test
  void aCodeSpanWhoseBracesDoNotPairStaysInBackticks() {
    assertEquals("Starts with `{` here", JavadocText.of("Starts with `{` here"));
  }

  @Test
  void htmlCharactersOutsideCodeAreLiterals() {
    assertEquals(
        "type -{@literal >} id, a {@literal <} b {@literal &} c, in {@code a -> b}",
        JavadocText.of("type -> id, a < b & c, in `a -> b`"));
  }

  @Test
  void nothingEndsTheCommentOrStartsAUnicodeEscapeOrABlockTag() {
    assertEquals("a * / b \\ u0041 {@code x * / y}", JavadocText.of("a */ b \\u0041 `x */ y`"));
    assertEquals("{@literal @}param is text", JavadocText.of("@param is text"));
  }

  @Test
  void proseIsOneLine() {
    assertEquals(
        "First line. Second paragraph.", JavadocText.of("First line.\n\n  Second paragraph.\n"));
  }

  @Test
  void onlyProseIsRewrittenNotExamplesOrEnums() throws IOException {
    SpecDocument spec =
        SpecDocument.parse(
            String.join(
                "\n",
                "openapi: 3.0.0",
                "paths: {}",
                "components:",
                "  schemas:",
                "    A:",
                "      description: 'a `b`'",
                "      properties:",
                "        description:",
                "          type: string",
                "          summary: 'x > y'",
                "          example: 'keep `this`'",
                "          enum: ['a > b']"));

    assertEquals(2, JavadocText.apply(spec));

    Object a = spec.schemas().get("A");
    assertEquals("a {@code b}", SpecDocument.map(a).get("description"));
    Object property = SpecDocument.map(SpecDocument.map(a).get("properties")).get("description");
    assertEquals("x {@literal >} y", SpecDocument.map(property).get("summary"));
    assertEquals("keep `this`", SpecDocument.map(property).get("example"));
    assertEquals(java.util.List.of("a > b"), SpecDocument.map(property).get("enum"));
  }
}
