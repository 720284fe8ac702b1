package io.github.bt4j.json.internal;

import com.google.gson.JsonElement;
import com.google.gson.stream.JsonReader;
import java.io.IOException;

/**
 * Reads one non-null JSON value into the Java type of a model field without ever failing on JSON of
 * another type: a value that does not fit exactly comes back as a {@link Lossy} holding the JSON as
 * received. Either way the reader is left just after the value.
 */
interface Decoder {
  /**
   * Reads the next value, which is not a JSON {@code null}.
   *
   * @return the typed value, or a {@link Lossy} when the JSON did not fit the type exactly
   */
  Object read(JsonReader in) throws IOException;

  /**
   * A value that did not fit its declared type exactly: the JSON as received and, where one could
   * still be made, the typed value (an unknown enum value decodes to the enum's unknown constant; a
   * value of another JSON type decodes to nothing).
   *
   * @param decoded the typed value, or null if the JSON could not be represented
   * @param json the JSON as received
   */
  record Lossy(Object decoded, JsonElement json) {}
}
