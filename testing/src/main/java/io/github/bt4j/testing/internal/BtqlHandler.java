package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.testing.internal.BtqlLexer.Token;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /btql}: runs a SQL string, a BTQL string or a structured BTQL query and answers with
 * {@code {"data": [...], "cursor": ...}} ({@code fmt: json}, the default) or one JSON row per line
 * ({@code fmt: jsonl}, streamed). The cursor of the next page is also in the {@code x-bt-cursor}
 * header; {@code version} reads the rows as of that transaction.
 */
final class BtqlHandler {
  static final String CURSOR_HEADER = "x-bt-cursor";

  private final BtqlRunner runner;
  private final RequestLog log;

  BtqlHandler(BtqlRunner runner, RequestLog log) {
    this.runner = runner;
    this.log = log;
  }

  void register(Router router) {
    router.add("POST", "/btql", this::query);
  }

  private void query(ApiExchange call) throws IOException {
    JsonObject body = call.bodyObject();
    if (JsonValues.flag(body, "audit_log", "audit_log")) {
      throw ApiError.badRequest("audit_log is not supported by the fake Braintrust");
    }
    String fmt = JsonValues.optString(body, "fmt", "fmt");
    if (fmt != null && !fmt.equals("json") && !fmt.equals("jsonl")) {
      throw ApiError.badRequest("fmt must be json or jsonl, got " + fmt);
    }
    JsonElement text = body.get("query");
    if (!JsonValues.isNull(text)) {
      // Recorded before it is parsed, so that a test also sees the queries the fake rejects.
      log.query(text.isJsonPrimitive() ? text.getAsString() : JsonValues.GSON.toJson(text));
    }
    BtqlQuery query = parse(text);
    BtqlRunner.Result result =
        runner.run(query, EventHandlers.version(JsonValues.optString(body, "version", "version")));
    if (result.cursor() != null) {
      call.responseHeader(CURSOR_HEADER, result.cursor());
    }
    if ("jsonl".equals(fmt)) {
      writeLines(call, result.rows());
      return;
    }
    JsonArray data = new JsonArray();
    result.rows().forEach(data::add);
    JsonObject answer = new JsonObject();
    answer.add("data", data);
    if (result.cursor() != null) {
      answer.addProperty("cursor", result.cursor());
    }
    call.sendJson(200, answer);
  }

  /** Reads the query in whichever of the three forms it came. */
  static BtqlQuery parse(JsonElement query) {
    if (JsonValues.isNull(query)) {
      throw ApiError.badRequest("query is required: a SQL string, a BTQL string or a BTQL object");
    }
    if (query.isJsonObject()) {
      return BtqlJsonReader.read(query.getAsJsonObject());
    }
    if (!query.isJsonPrimitive() || !query.getAsJsonPrimitive().isString()) {
      throw ApiError.badRequest("query must be a string or an object");
    }
    List<Token> tokens = BtqlLexer.tokens(query.getAsString());
    if (BtqlTextParser.isBtql(tokens)) {
      return BtqlTextParser.parse(tokens);
    }
    if (tokens.get(0).isWord("select")) {
      return SqlParser.parse(tokens);
    }
    throw ApiError.badRequest(
        "the query is neither SQL (SELECT ... FROM ...) nor BTQL (select: ... from: ...)");
  }

  private static void writeLines(ApiExchange call, List<JsonObject> rows) throws IOException {
    OutputStream out = call.openStream("application/x-jsonlines");
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      for (JsonObject row : rows) {
        JsonValues.GSON.toJson(row, writer);
        writer.write('\n');
      }
    }
  }
}
