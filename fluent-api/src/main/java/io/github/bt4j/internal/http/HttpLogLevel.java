package io.github.bt4j.internal.http;

import java.util.Locale;

/** How much of each HTTP exchange the client logs, from the {@code BRAINTRUST_LOG} variable. */
public enum HttpLogLevel {
  /** Nothing (the default). */
  OFF,
  /** One line per attempt: method, URL, status, time. */
  INFO,
  /** Also headers (credentials redacted) and small JSON bodies (secret fields redacted). */
  DEBUG;

  /** Parses {@code off|info|debug} (any case); anything else is {@link #OFF}. */
  public static HttpLogLevel parse(String value) {
    return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
      case "info" -> INFO;
      case "debug", "body" -> DEBUG;
      default -> OFF;
    };
  }
}
