package io.github.bt4j.json.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The one Gson configuration the library reads and writes JSON with. */
public final class SharedGson {
  private static final Gson GSON =
      new GsonBuilder()
          .registerTypeAdapter(OffsetDateTime.class, JavaTimeAdapters.OFFSET_DATE_TIME)
          .registerTypeAdapter(LocalDate.class, JavaTimeAdapters.LOCAL_DATE)
          .registerTypeAdapterFactory(new ModelTypeAdapterFactory())
          .registerTypeAdapterFactory(new ModelEnumAdapterFactory())
          // Free-form values (Object) keep numbers exactly as sent: 5 stays 5, not 5.0.
          .setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER)
          // A null in a map or in free-form JSON is data; models decide for their own fields.
          .serializeNulls()
          .disableHtmlEscaping()
          .create();

  private SharedGson() {}

  /** The shared, thread-safe Gson instance. */
  public static Gson gson() {
    return GSON;
  }
}
