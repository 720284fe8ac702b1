package io.github.bt4j.internal.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.bt4j.errors.ApiException;
import io.github.bt4j.errors.Attempts;
import io.github.bt4j.errors.AuthenticationException;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.ConflictException;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.errors.PayloadTooLargeException;
import io.github.bt4j.errors.PermissionDeniedException;
import io.github.bt4j.errors.RateLimitException;
import io.github.bt4j.errors.UnprocessableEntityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns an HTTP error answer into the typed exception for its status, keeping whatever message the
 * server sent: plain text (the spec documents {@code text/plain}) or JSON with an {@code error} or
 * {@code message} field. Reads at most {@value #MAX_ERROR_BODY} bytes of the body.
 */
public final class ErrorMapper {
  static final int MAX_ERROR_BODY = 64 * 1024;

  /** Headers that carry the id the server gave the request, in order of preference. */
  static final List<String> REQUEST_ID_HEADERS =
      List.of(
          "x-bt-request-id",
          "x-request-id",
          "x-amzn-requestid",
          "x-amz-request-id",
          "x-bt-internal-trace-id");

  private ErrorMapper() {}

  /** The exception for a non-2xx response; the response is consumed but not closed. */
  public static ApiException toException(Response response) {
    String message = withoutCredential(messageOf(response), response);
    String requestId = requestIdOf(response);
    String method = response.request().method();
    String url = response.request().url().toString();
    int code = response.code();
    Attempts attempts = Transport.contextOf(response.request()).attempts().snapshot();
    switch (code) {
      case 400:
        return new BadRequestException(code, message, requestId, method, url, attempts);
      case 401:
        return new AuthenticationException(code, message, requestId, method, url, attempts);
      case 403:
        return new PermissionDeniedException(code, message, requestId, method, url, attempts);
      case 404:
        return new NotFoundException(code, message, requestId, method, url, attempts);
      case 409:
        return new ConflictException(code, message, requestId, method, url, attempts);
      case 413:
        return new PayloadTooLargeException(code, message, requestId, method, url, attempts);
      case 422:
        return new UnprocessableEntityException(code, message, requestId, method, url, attempts);
      case 429:
        return new RateLimitException(code, message, requestId, method, url, attempts);
      default:
        if (code >= 500) {
          return new InternalServerException(code, message, requestId, method, url, attempts);
        }
        return new ApiException(code, message, requestId, method, url, attempts);
    }
  }

  /** A server that echoes the bearer token must not put it into an exception message. */
  public static String withoutCredential(String message, Response response) {
    String auth = response.request().header("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      String token = auth.substring("Bearer ".length()).strip();
      if (token.length() >= 4 && message.contains(token)) {
        return message.replace(token, "██");
      }
    }
    return message;
  }

  static String requestIdOf(Response response) {
    for (String name : REQUEST_ID_HEADERS) {
      String value = response.header(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String messageOf(Response response) {
    String body = readBounded(response.body());
    String fromJson = messageFromJson(body);
    String message = fromJson != null ? fromJson : body.strip();
    if (message.isEmpty()) {
      String reason = response.message();
      message =
          "HTTP " + response.code() + (reason == null || reason.isEmpty() ? "" : " " + reason);
      message += " (empty body)";
    }
    return message;
  }

  private static String readBounded(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try {
      BufferedSource source = body.source();
      source.request(MAX_ERROR_BODY);
      long size = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
      return source.getBuffer().readString(size, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String messageFromJson(String body) {
    String trimmed = body.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonElement parsed = JsonParser.parseString(trimmed);
      if (!parsed.isJsonObject()) {
        return null;
      }
      JsonObject object = parsed.getAsJsonObject();
      for (String field : new String[] {"error", "message", "detail"}) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
          continue;
        }
        if (value.isJsonPrimitive()) {
          return value.getAsString();
        }
        if (value.isJsonObject() && value.getAsJsonObject().has("message")) {
          return value.getAsJsonObject().get("message").getAsString();
        }
        return value.toString();
      }
      return null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
