package io.github.bt4j.internal.http;

import io.github.bt4j.core.RetryPolicy;
import io.github.bt4j.internal.Sleeper;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;

/**
 * The client-wide settings the transport chain applies to every call.
 *
 * @param apiKey the bearer token
 * @param baseUrl the API's base URL, ending in a slash
 * @param impersonateUser the user to act as, or null
 * @param headers extra headers for every call
 * @param userAgent the User-Agent header
 * @param retryPolicy when and how long to retry
 * @param sleeper waits between retries
 * @param clock reads the time, for HTTP-date {@code Retry-After} values
 * @param jitter returns a fraction in [0, 1) that spreads retry waits
 * @param logLevel how much of each call to log: {@code OFF}, {@code INFO} (one line per attempt) or
 *     {@code DEBUG} (also headers and small JSON bodies, secrets redacted)
 */
public record ClientConfig(
    String apiKey,
    HttpUrl baseUrl,
    String impersonateUser,
    Map<String, String> headers,
    String userAgent,
    RetryPolicy retryPolicy,
    Sleeper sleeper,
    Clock clock,
    DoubleSupplier jitter,
    Level logLevel) {
  @Override
  public String toString() {
    // Never print the key.
    return "ClientConfig{baseUrl=" + baseUrl + ", impersonateUser=" + impersonateUser + "}";
  }
}
