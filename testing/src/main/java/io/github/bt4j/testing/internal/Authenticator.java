package io.github.bt4j.testing.internal;

import com.google.gson.JsonObject;

/**
 * Checks a request's credentials as the API does: {@code Authorization: Bearer <key>} with the one
 * key the fake was started with, else 401. Then resolves who the call acts as: the key's owner, or
 * the user that {@code x-bt-impersonate-user} names by id or email (403 if there is none).
 */
final class Authenticator {
  static final String IMPERSONATE_HEADER = "x-bt-impersonate-user";

  private final String apiKey;
  private final Directory directory;

  Authenticator(String apiKey, Directory directory) {
    this.apiKey = apiKey;
    this.directory = directory;
  }

  /** The acting user of {@code call}, or a 401/403. */
  JsonObject authenticate(ApiExchange call) {
    String header = call.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiError.unauthorized(
          "Missing Authorization header: send 'Authorization: Bearer <your API key>'");
    }
    if (!header.startsWith("Bearer ") || header.substring(7).isBlank()) {
      throw ApiError.unauthorized(
          "Malformed Authorization header: expected 'Bearer <your API key>'");
    }
    if (!header.substring(7).strip().equals(apiKey)) {
      throw ApiError.unauthorized("Invalid API key");
    }
    String impersonate = call.header(IMPERSONATE_HEADER);
    if (impersonate == null || impersonate.isBlank()) {
      return directory.owner();
    }
    JsonObject user = directory.findUser(impersonate.strip());
    if (user == null) {
      throw ApiError.forbidden(
          "Cannot impersonate '" + impersonate.strip() + "': no such user in the organization");
    }
    return user;
  }
}
