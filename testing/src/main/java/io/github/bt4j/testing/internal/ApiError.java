package io.github.bt4j.testing.internal;

/** An error answer of the fake: an HTTP status and a message for the caller. */
final class ApiError extends RuntimeException {
  private final int status;

  private ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status to answer with. */
  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, message);
  }

  static ApiError forbidden(String message) {
    return new ApiError(403, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError methodNotAllowed(String message) {
    return new ApiError(405, message);
  }
}
