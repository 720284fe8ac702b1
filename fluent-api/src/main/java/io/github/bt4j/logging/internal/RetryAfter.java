package io.github.bt4j.logging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;

/**
 * Reads how long a server asked the client to wait: {@code Retry-After-Ms} (milliseconds), else
 * {@code Retry-After} (seconds or an HTTP date). A value that is not a finite, non-negative time
 * counts as no request to wait.
 */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait the response asks for, or null if it asks for none (or says nothing readable). */
  static Duration of(Response response, Clock clock) {
    Duration ms = number(response.header("Retry-After-Ms"), 1e-3);
    if (ms != null) {
      return ms;
    }
    String after = response.header("Retry-After");
    if (after == null) {
      return null;
    }
    Duration seconds = number(after, 1);
    if (seconds != null) {
      return seconds;
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static Duration number(String value, double secondsPerUnit) {
    if (value == null) {
      return null;
    }
    double units;
    try {
      units = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    double nanos = units * secondsPerUnit * 1e9;
    if (!Double.isFinite(nanos) || nanos < 0 || nanos > Long.MAX_VALUE) {
      return null;
    }
    return Duration.ofNanos((long) nanos);
  }
}
