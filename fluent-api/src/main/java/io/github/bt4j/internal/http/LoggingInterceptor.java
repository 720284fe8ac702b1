package io.github.bt4j.internal.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Logs each attempt through {@link System.Logger} {@code io.github.bt4j.http} at the level set by
 * {@code BRAINTRUST_LOG} ({@code info}: one line per attempt; {@code debug}: headers and small JSON
 * bodies too). Credentials never reach the log: {@code Authorization} and other credential headers
 * print as {@code ██}, and so do the string values of the JSON fields the spec marks as secrets
 * ({@code secret}, {@code key}, {@code api_key}, an environment variable's {@code value}...; see
 * {@link SecretProperties}). Streaming bodies are never read here.
 */
final class LoggingInterceptor implements Interceptor {
  static final String REDACTED = "██";
  private static final long MAX_LOGGED_BODY = 16 * 1024;
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  /**
   * Matches {@code "name": "value"} in JSON text for every secret name of the spec ({@link
   * SecretProperties}, generated from the properties the spec module marks {@code format:
   * password}, such as an environment variable's {@code value}).
   */
  private static final Pattern SECRET_JSON_FIELD = secretFieldPattern(SecretProperties.NAMES);

  private final System.Logger logger;
  private final boolean debug;

  LoggingInterceptor(System.Logger logger, boolean debug) {
    this.logger = logger;
    this.debug = debug;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    if (debug) {
      log(
          "--> %s %s\n%s%s",
          request.method(), request.url(), headers(request.headers()), body(request));
    }
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      String failure = e.getClass().getSimpleName() + " " + e.getMessage();
      log("<-- %s %s failed: %s", request.method(), request.url(), failure);
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    log("<-- %d %s %s (%d ms)", response.code(), request.method(), request.url(), ms);
    if (debug) {
      log("%s%s", headers(response.headers()), body(response));
    }
    return response;
  }

  private void log(String format, Object... args) {
    logger.log(Level.INFO, String.format(Locale.ROOT, format, args));
  }

  static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
      sb.append(name).append(": ").append(secret ? REDACTED : headers.value(i)).append('\n');
    }
    return sb.toString();
  }

  private static Pattern secretFieldPattern(Set<String> names) {
    String alternatives =
        names.stream().sorted().map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile("(\"(?:" + alternatives + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  }

  /** Replaces the values of secret fields in JSON text with {@value #REDACTED}. */
  static String redactJson(String json) {
    Matcher m = SECRET_JSON_FIELD.matcher(json);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\"" + REDACTED + "\""));
  }

  private static String body(Request request) throws IOException {
    if (request.body() == null || !Transport.isJson(request.body().contentType())) {
      return "";
    }
    long length = request.body().contentLength();
    if (length < 0 || length > MAX_LOGGED_BODY) {
      return "(body of " + length + " bytes)\n";
    }
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return redactJson(buffer.readString(StandardCharsets.UTF_8)) + "\n";
  }

  private static String body(Response response) throws IOException {
    if (response.body() == null || !Transport.isJson(response.body().contentType())) {
      return "";
    }
    return redactJson(response.peekBody(MAX_LOGGED_BODY).string()) + "\n";
  }
}
