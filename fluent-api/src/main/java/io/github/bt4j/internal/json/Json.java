package io.github.bt4j.internal.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The one Gson configuration every part of the client reads and writes JSON with. */
public final class Json {
  private static final Gson GSON =
      new GsonBuilder()
          .registerTypeAdapter(OffsetDateTime.class, JavaTimeAdapters.OFFSET_DATE_TIME)
          .registerTypeAdapter(LocalDate.class, JavaTimeAdapters.LOCAL_DATE)
          .registerTypeAdapterFactory(new MapModelTypeAdapterFactory())
          // Free-form values (Object) keep numbers exactly as sent: 5 stays 5, not 5.0.
          .setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER)
          .disableHtmlEscaping()
          .create();

  private Json() {}

  /** The shared, thread-safe Gson instance. */
  public static Gson gson() {
    return GSON;
  }
}
