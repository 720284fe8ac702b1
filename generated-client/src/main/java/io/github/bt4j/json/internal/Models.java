package io.github.bt4j.json.internal;

import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON-level accessors every generated model has ({@code _field}, {@code _set}, {@code
 * _unset}), written once here; generated code delegates to them. Not for users.
 */
public final class Models {
  private Models() {}

  /**
   * Whether {@code object} is a generated model, read and written by the lossless model adapter (a
   * parameters class or an enum of the models' package is not).
   *
   * @param object any object
   * @return true for a generated model
   */
  public static boolean isModel(Object object) {
    return SharedGson.gson().getAdapter(object.getClass()) instanceof ModelAdapter;
  }

  /**
   * The field {@code jsonName} of {@code model} as JSON, as it would be sent: null if absent.
   *
   * @param model a generated model
   * @param jsonName the field's JSON name
   * @return the field's JSON, {@code JsonNull} for an explicit null, or null if absent
   */
  public static JsonElement field(Object model, String jsonName) {
    return adapterOf(model).field(model, requireName(jsonName));
  }

  /**
   * Sets the field {@code jsonName} of {@code model} to {@code value}, as if received.
   *
   * @param model a generated model
   * @param jsonName the field's JSON name, declared or not
   * @param value the JSON to send; null or {@code JsonNull} sends an explicit null
   */
  public static void set(Object model, String jsonName, JsonElement value) {
    try {
      adapterOf(model).set(model, requireName(jsonName), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not reached: the JSON is in memory
    }
  }

  /**
   * Removes the field {@code jsonName} of {@code model}, so that it is not sent.
   *
   * @param model a generated model
   * @param jsonName the field's JSON name, declared or not
   */
  public static void unset(Object model, String jsonName) {
    adapterOf(model).unset(model, requireName(jsonName));
  }

  private static String requireName(String jsonName) {
    if (jsonName == null) {
      throw new IllegalArgumentException("jsonName is null");
    }
    return jsonName;
  }

  @SuppressWarnings("unchecked")
  private static ModelAdapter<Object> adapterOf(Object model) {
    TypeAdapter<?> adapter = SharedGson.gson().getAdapter(model.getClass());
    return (ModelAdapter<Object>) adapter;
  }
}
