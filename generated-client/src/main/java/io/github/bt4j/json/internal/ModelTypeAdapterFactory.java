package io.github.bt4j.json.internal;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Modifier;

/**
 * Reads and writes every generated model losslessly (see {@link ModelAdapter}). Models are found by
 * package, so a model a newer spec adds needs nothing here.
 */
final class ModelTypeAdapterFactory implements TypeAdapterFactory {
  static final String MODEL_PACKAGE = "io.github.bt4j.models.";

  /**
   * Whether {@code type} is a generated model class: not one of the generated enums, nor a
   * parameters class (which holds query parameters, never JSON, and has no {@link ModelFields}).
   */
  static boolean isModel(Class<?> type) {
    return type.getName().startsWith(MODEL_PACKAGE)
        && !type.isEnum()
        && !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers())
        && hasModelFields(type);
  }

  private static boolean hasModelFields(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (java.lang.reflect.Field field : c.getDeclaredFields()) {
        if (field.getType() == ModelFields.class) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!isModel(raw)) {
      return null;
    }
    return new ModelAdapter(gson, raw);
  }
}
