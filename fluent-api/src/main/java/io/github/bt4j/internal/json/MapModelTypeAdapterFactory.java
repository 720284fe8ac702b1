package io.github.bt4j.internal.json;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (De)serialises the generated models that are both a map and a class with typed fields: a schema
 * with {@code properties} and {@code additionalProperties} becomes {@code class X extends
 * HashMap<String, Object>} with fields such as {@code model}. Gson's own map adapter would write
 * only the map entries and silently drop every field set through a setter (the bug the official SDK
 * ships). Here typed fields and extra entries are both written, and on reading, known names go to
 * their fields and the rest to the map.
 */
final class MapModelTypeAdapterFactory implements TypeAdapterFactory {
  private static final String MODEL_PACKAGE = "io.github.bt4j.generated.model.";

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!Map.class.isAssignableFrom(raw) || !raw.getName().startsWith(MODEL_PACKAGE)) {
      return null;
    }
    List<FieldBinding> fields = new ArrayList<>();
    for (Class<?> c = raw;
        c != null && c.getName().startsWith(MODEL_PACKAGE);
        c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        SerializedName name = field.getAnnotation(SerializedName.class);
        if (name != null && !Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          fields.add(
              new FieldBinding(
                  name.value(), field, gson.getAdapter(TypeToken.get(field.getGenericType()))));
        }
      }
    }
    Type valueType = mapValueType(raw);
    TypeAdapter<?> valueAdapter = gson.getAdapter(TypeToken.get(valueType));
    @SuppressWarnings("unchecked")
    TypeAdapter<T> adapter = (TypeAdapter<T>) new MapModelAdapter(raw, fields, valueAdapter);
    return adapter.nullSafe();
  }

  private static Type mapValueType(Class<?> raw) {
    Type superType = raw.getGenericSuperclass();
    if (superType instanceof java.lang.reflect.ParameterizedType) {
      Type[] args = ((java.lang.reflect.ParameterizedType) superType).getActualTypeArguments();
      if (args.length == 2) {
        return args[1];
      }
    }
    return Object.class;
  }

  private record FieldBinding(String jsonName, Field field, TypeAdapter<?> adapter) {
    @SuppressWarnings("unchecked")
    void write(JsonWriter out, Object owner) throws IOException {
      Object value;
      try {
        value = field.get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      if (value != null) {
        out.name(jsonName);
        ((TypeAdapter<Object>) adapter).write(out, value);
      }
    }

    void read(JsonReader in, Object owner) throws IOException {
      Object value = adapter.read(in);
      try {
        field.set(owner, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class MapModelAdapter extends TypeAdapter<Object> {
    private final Class<?> type;
    private final Map<String, FieldBinding> fieldsByName = new LinkedHashMap<>();
    private final TypeAdapter<?> valueAdapter;

    MapModelAdapter(Class<?> type, List<FieldBinding> fields, TypeAdapter<?> valueAdapter) {
      this.type = type;
      this.valueAdapter = valueAdapter;
      for (FieldBinding f : fields) {
        fieldsByName.put(f.jsonName(), f);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(JsonWriter out, Object value) throws IOException {
      out.beginObject();
      for (FieldBinding f : fieldsByName.values()) {
        f.write(out, value);
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        if (!fieldsByName.containsKey(e.getKey())) {
          out.name(e.getKey());
          ((TypeAdapter<Object>) valueAdapter).write(out, e.getValue());
        }
      }
      out.endObject();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object read(JsonReader in) throws IOException {
      Object instance;
      try {
        instance = type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName(), e);
      }
      Map<String, Object> map = (Map<String, Object>) instance;
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        FieldBinding field = fieldsByName.get(name);
        if (field != null) {
          field.read(in, instance);
        } else if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          map.put(name, null);
        } else {
          map.put(name, valueAdapter.read(in));
        }
      }
      in.endObject();
      return instance;
    }
  }
}
