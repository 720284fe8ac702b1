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
  // null: rows are handed out as the JsonObjects they are
  private final TypeAdapter<T> adapter;

  private RowMapper(TypeAdapter<T> adapter) {
    this.adapter = adapter;
  }

  /** Rows as {@link JsonObject}s, unchanged. */
  public static RowMapper<JsonObject> jsonObjects() {
    return new RowMapper<>(null);
  }

  /** Rows read as {@code type} (a class, or a parameterised type such as a map). */
  @SuppressWarnings("unchecked")
  public static <T> RowMapper<T> of(Gson gson, Type type) {
    if (type == JsonObject.class) {
      return (RowMapper<T>) jsonObjects();
    }
    return new RowMapper<>((TypeAdapter<T>) gson.getAdapter(TypeToken.get(type)));
  }

  /** Maps one row of the response to {@code request}. */
  @SuppressWarnings("unchecked")
  public T map(JsonObject row, Request request) {
    if (adapter == null) {
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
