package io.github.bt4j.core;

import io.github.bt4j.internal.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for one call that override the client's: a whole-call timeout, a read timeout, the
 * number of retries, extra headers and the user to act as. Immutable; build with {@link #builder()}
 * and pass as the last argument of any resource method.
 *
 * <pre>{@code
 * client.projects().list(RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  // A private copy of the builder, its maps unmodifiable: never changed after construction.
  private final Builder b;

  private RequestOptions(Builder source) {
    b = source.copy();
    b.headers = Collections.unmodifiableMap(b.headers);
    b.queryParams.replaceAll((name, values) -> List.copyOf(values));
    b.queryParams = Collections.unmodifiableMap(b.queryParams);
  }

  /** Options that change nothing: the client's settings apply. */
  public static RequestOptions none() {
    return NONE;
  }

  /** A builder for new options. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    return b.copy();
  }

  /** The whole-call timeout (all attempts and backoff included), or null for the client's. */
  public Duration timeout() {
    return b.timeout;
  }

  /** The read timeout of each attempt, or null for the client's. */
  public Duration readTimeout() {
    return b.readTimeout;
  }

  /** The maximum number of retries, or null for the client's. */
  public Integer maxRetries() {
    return b.maxRetries;
  }

  /**
   * Whether to retry this call even though the operation is not known to be idempotent (a POST that
   * could be applied twice), or null for the operation's default.
   */
  public Boolean retryNonIdempotent() {
    return b.retryNonIdempotent;
  }

  /** The user to act as ({@code x-bt-impersonate-user}), or null for the client's. */
  public String impersonateUser() {
    return b.impersonateUser;
  }

  /** Extra headers sent with this call, after the client's. */
  public Map<String, String> headers() {
    return b.headers;
  }

  /**
   * Extra query parameters sent with this call, after the operation's own: for a parameter the
   * server accepts that the API spec does not declare.
   */
  public Map<String, List<String>> queryParams() {
    return b.queryParams;
  }

  @Override
  public String toString() {
    return String.format(
        "RequestOptions{timeout=%s, readTimeout=%s, maxRetries=%s, retryNonIdempotent=%s,"
            + " impersonateUser=%s, headers=%s, queryParams=%s}",
        b.timeout,
        b.readTimeout,
        b.maxRetries,
        b.retryNonIdempotent,
        b.impersonateUser,
        b.headers.keySet(),
        b.queryParams.keySet());
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration timeout;
    private Duration readTimeout;
    private Integer maxRetries;
    private Boolean retryNonIdempotent;
    private String impersonateUser;
    private Map<String, String> headers = new LinkedHashMap<>();
    private Map<String, List<String>> queryParams = new LinkedHashMap<>();

    private Builder() {}

    private Builder copy() {
      Builder c = new Builder();
      c.timeout = timeout;
      c.readTimeout = readTimeout;
      c.maxRetries = maxRetries;
      c.retryNonIdempotent = retryNonIdempotent;
      c.impersonateUser = impersonateUser;
      c.headers.putAll(headers);
      queryParams.forEach((name, values) -> c.queryParams.put(name, new ArrayList<>(values)));
      return c;
    }

    /**
     * Limits the whole call, retries and backoff included; for a streaming call, the whole stream
     * (which the client's {@code callTimeout} does not limit).
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Validation.positive(timeout, "timeout");
      return this;
    }

    /** Limits the wait for each read of the response. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Validation.positive(readTimeout, "readTimeout");
      return this;
    }

    /** Sets how many times a failed call is retried; 0 turns retries off for this call. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Allows retries of a call the client would not retry by itself because sending it twice could
     * apply it twice. Use it only when you know the call is safe to repeat.
     */
    public Builder retryNonIdempotent(boolean retry) {
      this.retryNonIdempotent = retry;
      return this;
    }

    /** Acts as another user of the organisation ({@code x-bt-impersonate-user}): id or email. */
    public Builder impersonateUser(String userIdOrEmail) {
      this.impersonateUser = Validation.notBlank(userIdOrEmail, "impersonateUser");
      return this;
    }

    /** Adds a header to this call; replaces the client's header of the same name. */
    public Builder header(String name, String value) {
      Validation.headerName(name);
      headers.put(name, Objects.requireNonNull(value, "header value == null"));
      return this;
    }

    /**
     * Adds a query parameter to this call, for one the server accepts that the API spec does not
     * declare; called again with the same name, it adds another value.
     */
    public Builder queryParam(String name, String value) {
      Validation.notBlank(name, "query parameter name");
      queryParams
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "query parameter value == null"));
      return this;
    }

    /** Builds the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
