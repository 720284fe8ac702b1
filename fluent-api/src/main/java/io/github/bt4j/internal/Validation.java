package io.github.bt4j.internal;

import java.util.regex.Pattern;

/**
 * Argument checks made before anything is sent. Each failure, a missing (null) argument included,
 * is an {@link IllegalArgumentException} whose message starts with the argument's name.
 */
public final class Validation {
  private static final Pattern UUID_PATTERN =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");

  private Validation() {}

  /** Checks that a required argument is present. */
  public static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required but was null");
    }
    return value;
  }

  /** Checks that a required argument is present and, if it is a string, not blank. */
  public static <T> T notBlank(T value, String name) {
    if (required(value, name) instanceof String s && s.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Parses an id argument that must be a UUID. */
  public static String uuid(String value, String name) {
    notBlank(value, name);
    if (!UUID_PATTERN.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be a UUID, got \"" + value + "\"");
    }
    return value;
  }

  /** Checks that a duration argument is present and longer than zero. */
  public static java.time.Duration positive(java.time.Duration value, String name) {
    required(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  /** Checks that a header name is a valid HTTP token. */
  public static String headerName(String name) {
    notBlank(name, "header name");
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException("header name is not a valid HTTP token: " + name);
    }
    return name;
  }
}
