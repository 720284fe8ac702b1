package io.github.bt4j.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every shape of error body servers use gives the server's message and code, not the body. */
class ErrorBodyTest {
  @Test
  void plainTextIsTheMessage() {
    assertParsed("Project is archived", null, "  Project is archived\n");
  }

  @Test
  void blankBodyGivesAnEmptyMessage() {
    assertParsed("", null, " \n ");
  }

  @Test
  void aJsonStringIsItsText() {
    assertParsed("quota exceeded", null, "\"quota exceeded\"");
    assertParsed("\"unterminated", null, "\"unterminated");
  }

  @Test
  void errorEventDataReadsLikeAnErrorBody() {
    assertEquals("quota exceeded", ErrorBody.parse("\"quota exceeded\"").message());
    assertEquals("no such model", ErrorBody.parse("{\"detail\":\"no such model\"}").message());
    assertEquals("[1,2]", ErrorBody.parse("[1,2]").message());
    assertEquals("", ErrorBody.parse("").message());
  }

  @Test
  void errorString() {
    assertParsed("Project is archived", null, "{\"error\":\"Project is archived\"}");
  }

  @Test
  void errorStringWithATopLevelCode() {
    assertParsed(
        "Project is archived",
        "archived",
        "{\"error\":\"Project is archived\",\"code\":\"archived\"}");
  }

  @Test
  void errorObjectWithMessageAndCode() {
    assertParsed(
        "Project is archived",
        "archived",
        "{\"error\":{\"message\":\"Project is archived\",\"code\":\"archived\"}}");
  }

  @Test
  void errorObjectWithTypeAndNullCodeAsOpenAiSendsIt() {
    assertParsed(
        "Invalid model",
        "invalid_request_error",
        "{\"error\":{\"message\":\"Invalid model\",\"type\":\"invalid_request_error\","
            + "\"param\":null,\"code\":null}}");
  }

  @Test
  void numericCodeIsKeptAsText() {
    assertParsed("Slow down", "429", "{\"error\":{\"message\":\"Slow down\",\"code\":429}}");
  }

  @Test
  void innerCodeWinsOverTheEnvelopesType() {
    assertParsed(
        "No such model",
        "not_found_error",
        "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"No such model\"}}");
  }

  @Test
  void message() {
    assertParsed("Project is archived", null, "{\"message\":\"Project is archived\"}");
  }

  @Test
  void messageWinsOverAReasonPhraseInError() {
    assertParsed(
        "name must be a string",
        null,
        "{\"statusCode\":400,\"message\":\"name must be a string\",\"error\":\"Bad Request\"}");
  }

  @Test
  void capitalisedMessageAndCodeAsTheRealForbiddenAnswer() {
    assertParsed(
        "Missing read access to experiment id 5c9a",
        "ForbiddenError",
        "{\"Code\":\"ForbiddenError\",\"Message\":\"Missing read access to experiment id 5c9a\","
            + "\"InternalTraceId\":\"69149fcf\",\"Path\":\"/v1/experiment/5c9a\",\"Service\":\"api\"}");
  }

  @Test
  void detailString() {
    assertParsed("Not found", null, "{\"detail\":\"Not found\"}");
  }

  @Test
  void detailListOfValidationIssues() {
    assertParsed(
        "body.name: field required; body.limit: value is not a valid integer",
        null,
        "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\","
            + "\"type\":\"value_error.missing\"},{\"loc\":[\"body\",\"limit\"],"
            + "\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]}");
  }

  @Test
  void detailListOfOneIssueKeepsItsCode() {
    assertParsed(
        "body.name: field required",
        "value_error.missing",
        "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\","
            + "\"type\":\"value_error.missing\"}]}");
  }

  @Test
  void detailObject() {
    assertParsed(
        "Quota exceeded",
        "quota",
        "{\"detail\":{\"message\":\"Quota exceeded\",\"code\":\"quota\"}}");
  }

  @Test
  void detailObjectWithoutAMessageIsShownWhole() {
    assertParsed("{\"limit\":10,\"used\":11}", null, "{\"detail\":{\"limit\":10,\"used\":11}}");
  }

  @Test
  void listOfStringMessages() {
    assertParsed(
        "name must be a string; limit must be positive",
        null,
        "{\"message\":[\"name must be a string\",\"limit must be positive\"]}");
  }

  @Test
  void zodIssuesFollowedByTextAsTheRealPlainTextBadRequest() {
    String body =
        "[\n  {\n    \"validation\": \"uuid\",\n    \"code\": \"invalid_string\",\n"
            + "    \"message\": \"Invalid uuid\",\n    \"path\": [\n      \"id\",\n      0\n    ]\n"
            + "  }\n] [user_org=acme] [request_id=iad1::n8k68]";
    assertParsed(
        "id.0: Invalid uuid [user_org=acme] [request_id=iad1::n8k68]", "invalid_string", body);
  }

  @Test
  void bracketsInsideStringsDoNotEndTheJson() {
    assertParsed(
        "bad } value ] here [x]", null, "{\"error\":\"bad } value ] here\", \"n\": \"\\\"}\"} [x]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[WARN] upstream timed out",
        "{not json at all}",
        "{\"unrelated\":\"field\"}",
        "[1, 2, 3]",
        "[]",
        "{\"error\":{}}",
        "{\"error\":null}",
        "{\"open\": [1, 2",
      })
  void textThatIsNotAKnownJsonShapeIsTheMessageAsItIs(String body) {
    assertParsed(body, null, body);
  }

  @Test
  void deepNestingIsNotSearchedForever() {
    String body = "{\"error\":".repeat(200) + "\"x\"" + "}".repeat(200);
    String message = ErrorBody.parse(body).message();
    assertTrue(message.startsWith("{\"error\":{") && body.contains(message), message);
  }

  private static void assertParsed(String message, String code, String body) {
    ErrorBody parsed = ErrorBody.parse(body);
    assertEquals(message, parsed.message(), "message of " + body);
    if (code == null) {
      assertNull(parsed.code(), "code of " + body);
    } else {
      assertEquals(code, parsed.code(), "code of " + body);
    }
  }
}
