package io.github.bt4j.query;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import io.github.bt4j.errors.UnexpectedResponseException;
import java.lang.reflect.Type;
import okhttp3.Request;

/**
 * Turns parsed rows into the caller's type with the client's Gson.
 *
 * @param <T> the row type
 */
public final class RowMapper<T> {
  private final TypeAdapter<T> adapter;
  private final boolean identity;

  private RowMapper(TypeAdapter<T> adapter, boolean identity) {
    this.adapter = adapter;
    this.identity = identity;
  }

  /** Rows as {@link JsonObject}s, unchanged. */
  public static RowMapper<JsonObject> jsonObjects() {
    return new RowMapper<>(null, true);
  }

  /** Rows read as {@code type} (a class, or a parameterised type such as a map). */
  @SuppressWarnings("unchecked")
  public static <T> RowMapper<T> of(Gson gson, Type type) {
    if (type == JsonObject.class) {
      return (RowMapper<T>) jsonObjects();
    }
    return new RowMapper<>((TypeAdapter<T>) gson.getAdapter(TypeToken.get(type)), false);
  }

  /** Maps one row of the response to {@code request}. */
  @SuppressWarnings("unchecked")
  public T map(JsonObject row, Request request) {
    if (identity) {
      return (T) row;
    }
    try {
      return adapter.fromJsonTree(row);
    } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
      throw new UnexpectedResponseException(
          200,
          request.method(),
          request.url().toString(),
          "a row does not fit the requested type: " + e.getMessage(),
          e);
    }
  }
}
