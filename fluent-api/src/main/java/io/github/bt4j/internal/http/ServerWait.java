package io.github.bt4j.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import okhttp3.Response;

/**
 * Reads how long a response asks the client to wait: {@code Retry-After-Ms} (milliseconds), else
 * {@code Retry-After} (seconds, or an HTTP date measured from the clock; a date in the past means
 * no wait). A value that is not a finite, non-negative number or a date (NaN, -1, garbage) asks for
 * nothing, so the caller falls back to its own backoff. The one reader of these headers.
 */
final class ServerWait {
  /** Longer than any limit a policy may set; keeps huge values from overflowing a Duration. */
  private static final double MAX_MILLIS = 1e15;

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");

  private ServerWait() {}

  /**
   * The wait {@code response} asks for, or null if it asks for none or a malformed one.
   *
   * @param response the answer
   * @param clock the clock an HTTP date is measured from
   * @return the wait, or null
   */
  static Duration of(Response response, Clock clock) {
    Duration ms = number(response.header("Retry-After-Ms"), 1);
    if (ms != null) {
      return ms;
    }
    String after = response.header("Retry-After");
    if (after == null) {
      return null;
    }
    Duration seconds = number(after, 1000);
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

  private static Duration number(String text, double millisPerUnit) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    // Only a plain decimal counts: not "NaN", "Infinity", "-1", "1e3" or "2d".
    if (!PLAIN_NUMBER.matcher(trimmed).matches()) {
      return null;
    }
    double value = Double.parseDouble(trimmed);
    return Duration.ofMillis(Math.round(Math.min(value * millisPerUnit, MAX_MILLIS)));
  }
}
