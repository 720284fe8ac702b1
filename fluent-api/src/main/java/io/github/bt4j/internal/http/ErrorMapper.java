package io.github.bt4j.internal.http;

import io.github.bt4j.errors.ApiException;
import io.github.bt4j.errors.Attempts;
import io.github.bt4j.errors.AuthenticationException;
import io.github.bt4j.errors.BadRequestException;
import io.github.bt4j.errors.ErrorResponse;
import io.github.bt4j.errors.InternalServerException;
import io.github.bt4j.errors.NotFoundException;
import io.github.bt4j.errors.PayloadTooLargeException;
import io.github.bt4j.errors.PermissionDeniedException;
import io.github.bt4j.errors.RateLimitException;
import io.github.bt4j.internal.json.ErrorBody;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;

/**
 * Turns an HTTP error answer into the typed exception for its status, keeping what the server sent:
 * its message and error code as {@link ErrorBody} finds them in any of the shapes servers use
 * (plain text, JSON {@code error}, {@code message}, {@code Message}/{@code Code}, {@code detail}),
 * and the body itself. Reads at most {@value #MAX_ERROR_BODY} bytes of the body.
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
    String body = withoutCredential(readBounded(response), response);
    ErrorBody said = ErrorBody.parse(body);
    String message = withoutCredential(said.message(), response);
    if (message.isEmpty()) {
      String reason = response.message().isEmpty() ? "" : " " + response.message();
      message = "HTTP " + response.code() + reason + " (empty body)";
    }
    String errorCode = said.code() == null ? null : withoutCredential(said.code(), response);
    ErrorResponse answer =
        new ErrorResponse(
            response.code(),
            message,
            errorCode,
            body,
            requestIdOf(response),
            response.request().method(),
            response.request().url().toString());
    Attempts attempts = Transport.contextOf(response.request()).attempts().snapshot();
    return switch (response.code()) {
      case 400, 422 -> new BadRequestException(answer, attempts);
      case 401 -> new AuthenticationException(answer, attempts);
      case 403 -> new PermissionDeniedException(answer, attempts);
      case 404 -> new NotFoundException(answer, attempts);
      case 413 -> new PayloadTooLargeException(answer, attempts);
      case 429 -> new RateLimitException(answer, attempts);
      default ->
          response.code() >= 500
              ? new InternalServerException(answer, attempts)
              : new ApiException(answer, attempts);
    };
  }

  /** A server that echoes the bearer token must not put it into an exception. */
  public static String withoutCredential(String text, Response response) {
    String auth = response.request().header("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      String token = auth.substring("Bearer ".length()).strip();
      if (token.length() >= 4 && text.contains(token)) {
        return text.replace(token, "██");
      }
    }
    return text;
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

  /** The body's first bytes, decoded as OkHttp decodes a body (its charset, else UTF-8). */
  private static String readBounded(Response response) {
    try {
      return response.body() == null ? "" : response.peekBody(MAX_ERROR_BODY).string();
    } catch (IOException e) {
      return "";
    }
  }
}
