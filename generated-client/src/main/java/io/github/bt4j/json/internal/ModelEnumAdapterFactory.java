package io.github.bt4j.json.internal;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes every generated enum by its API value: written as {@code getValue()}, read
 * through {@code fromValue}, as the generator's per-enum adapter classes did. One factory instead
 * of one adapter class per enum keeps the jar small. Enum fields of models are decoded by {@link
 * ModelAdapter}, which also keeps values it does not know; this serves enums met anywhere else.
 */
final class ModelEnumAdapterFactory implements TypeAdapterFactory {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!raw.isEnum() || !raw.getName().startsWith(ModelTypeAdapterFactory.MODEL_PACKAGE)) {
      return null;
    }
    return (TypeAdapter<T>) new EnumAdapter(raw).nullSafe();
  }

  /** One generated enum's adapter. */
  private static final class EnumAdapter<E extends Enum<E>> extends TypeAdapter<E> {
    private final Class<E> type;
    private final Map<E, Object> values = new HashMap<>();
    private final Method fromValue;

    EnumAdapter(Class<E> type) {
      this.type = type;
      try {
        Method getValue = type.getMethod("getValue");
        for (E constant : type.getEnumConstants()) {
          values.put(constant, getValue.invoke(constant));
        }
        this.fromValue = type.getMethod("fromValue", getValue.getReturnType());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(type.getName() + " is not a generated enum", e);
      }
    }

    @Override
    public void write(JsonWriter out, E constant) throws IOException {
      Object value = values.get(constant);
      if (value instanceof Number) {
        out.value((Number) value);
      } else if (value instanceof Boolean) {
        out.value((Boolean) value);
      } else {
        out.value(value == null ? null : value.toString());
      }
    }

    @Override
    public E read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      String text = in.nextString();
      if (token == JsonToken.STRING || token == JsonToken.NUMBER) {
        for (Map.Entry<E, Object> e : values.entrySet()) {
          if (text.equals(String.valueOf(e.getValue()))) {
            return e.getKey();
          }
        }
      }
      return unknown(text);
    }

    /** What {@code fromValue} answers for a value none of the constants has. */
    private E unknown(String text) {
      Class<?> valueType = fromValue.getParameterTypes()[0];
      if (valueType != String.class) {
        return null;
      }
      try {
        return type.cast(fromValue.invoke(null, text));
      } catch (InvocationTargetException e) {
        throw new JsonParseException(
            "not a value of " + type.getSimpleName() + ": " + text, e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
