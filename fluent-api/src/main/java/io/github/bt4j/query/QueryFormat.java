package io.github.bt4j.query;

import java.util.Locale;

/**
 * The format {@code /btql} answers in ({@code fmt}). Either way rows are parsed from the stream.
 */
public enum QueryFormat {
  /** One JSON object per line ({@code fmt: "jsonl"}), read line by line; the default. */
  JSONL,
  /** One JSON object whose {@code data} array holds the rows ({@code fmt: "json"}). */
  JSON;

  /**
   * The value of the request's {@code fmt} field.
   *
   * @return {@code jsonl} or {@code json}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
