package io.github.bt4j.json.internal;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** ISO-8601 adapters for the date types the generated models use. */
final class JavaTimeAdapters {
  static final TypeAdapter<OffsetDateTime> OFFSET_DATE_TIME =
      adapter(IsoDateTimes::parse, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
  static final TypeAdapter<LocalDate> LOCAL_DATE =
      adapter(LocalDate::parse, DateTimeFormatter.ISO_LOCAL_DATE::format);

  private JavaTimeAdapters() {}

  private static <T> TypeAdapter<T> adapter(Function<String, T> parse, Function<T, String> format) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
          out.nullValue();
        } else {
          out.value(format.apply(value));
        }
      }

      @Override
      public T read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          return null;
        }
        return parse.apply(in.nextString());
      }
    }.nullSafe();
  }
}
