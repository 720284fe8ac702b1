package io.github.bt4j.json.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes one generated model class without losing anything: each declared field through a
 * strict {@link Decoder} (JSON that does not fit is kept in the model's {@link ModelFields} and
 * written back unchanged until the field is set), explicit {@code null}s kept apart from absent
 * fields, and undeclared fields kept as JSON (or, for a model that is also a map, as its entries).
 * Written: the declared fields in spec order, then the map entries, then the undeclared fields.
 */
final class ModelAdapter<T> extends TypeAdapter<T> {
  private final Class<T> type;
  private final Constructor<T> constructor;
  private final Field state;
  private final Property[] properties;
  private final Map<String, Property> byName = new HashMap<>();
  private final Decoder mapValues;
  private final TypeAdapter<Object> mapValueWriter;
  private final TypeAdapter<JsonElement> tree;

  /**
   * One declared field of the model: its JSON name, Java field, decoder and writer, and its place
   * among the declared fields.
   */
  private record Property(
      String name, Field field, Type type, Decoder decoder, TypeAdapter<Object> writer, int index) {
    Object get(Object owner) {
      try {
        return field.get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    void set(Object owner, Object value) {
      try {
        field.set(owner, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  ModelAdapter(Gson gson, Class<T> type) {
    this.type = type;
    this.tree = gson.getAdapter(JsonElement.class);
    Decoders decoders = new Decoders(gson);
    try {
      this.constructor = type.getDeclaredConstructor(ModelFields.class);
      this.constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + " has no (ModelFields) constructor", e);
    }
    Field stateField = null;
    List<Property> declared = new ArrayList<>();
    for (Class<?> c = type; ModelTypeAdapterFactory.isModel(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        if (field.getType() == ModelFields.class) {
          field.setAccessible(true);
          stateField = field;
          continue;
        }
        SerializedName name = field.getAnnotation(SerializedName.class);
        if (name == null) {
          continue;
        }
        field.setAccessible(true);
        Type fieldType = field.getGenericType();
        Property p =
            new Property(
                name.value(),
                field,
                fieldType,
                decoders.forType(fieldType),
                (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(fieldType)),
                declared.size());
        declared.add(p);
        byName.put(p.name(), p);
      }
    }
    if (stateField == null) {
      throw new IllegalStateException(type.getName() + " has no ModelFields field");
    }
    this.state = stateField;
    this.properties = declared.toArray(new Property[0]);
    Type valueType = mapValueType(type);
    this.mapValues = valueType == null ? null : decoders.forType(valueType);
    this.mapValueWriter =
        valueType == null ? null : (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(valueType));
  }

  /** The value type of a model that extends a map, or null for a plain model. */
  private static Type mapValueType(Class<?> type) {
    if (!Map.class.isAssignableFrom(type)) {
      return null;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getGenericSuperclass() instanceof ParameterizedType) {
        ParameterizedType p = (ParameterizedType) c.getGenericSuperclass();
        if (Map.class.isAssignableFrom((Class<?>) p.getRawType())
            && p.getActualTypeArguments().length == 2) {
          return p.getActualTypeArguments()[1];
        }
      }
    }
    return Object.class;
  }

  @Override
  public T read(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    // Made here and handed to the model: reading it back out (Field.get checks the owner's class
    // each time) measured a tenth of reading a page of projects.
    ModelFields fields = new ModelFields();
    T model = newInstance(fields);
    in.beginObject();
    int expected = 0;
    while (in.hasNext()) {
      String name = in.nextName();
      Property p = find(name, expected);
      if (p != null) {
        expected = p.index() + 1;
        readDeclared(in, model, fields, p);
      } else {
        readUndeclared(in, model, fields, name);
      }
    }
    in.endObject();
    return model;
  }

  /**
   * The declared field named {@code name}, or null. Servers send fields in the spec's order, with
   * some left out, so the next few after the last one read are tried first: comparing a name costs
   * less than hashing it, which a fresh string from the reader needs for a map lookup.
   */
  private Property find(String name, int expected) {
    for (int i = expected, end = Math.min(expected + 3, properties.length); i < end; i++) {
      if (properties[i].name().equals(name)) {
        return properties[i];
      }
    }
    return byName.get(name);
  }

  private void readDeclared(JsonReader in, T model, ModelFields fields, Property p)
      throws IOException {
    fields.forget(p.name());
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      p.set(model, null);
      fields.markNull(p.name());
      return;
    }
    Object value = p.decoder().read(in);
    if (value instanceof Decoder.Lossy) {
      Decoder.Lossy lossy = (Decoder.Lossy) value;
      p.set(model, lossy.decoded());
      fields.putRaw(p.name(), lossy.json(), snapshot(lossy.decoded()));
    } else {
      p.set(model, value);
    }
  }

  @SuppressWarnings("unchecked")
  private void readUndeclared(JsonReader in, T model, ModelFields fields, String name)
      throws IOException {
    if (mapValues == null) {
      fields.putUndeclared(name, tree.read(in));
      return;
    }
    Map<String, Object> map = (Map<String, Object>) model;
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      map.put(name, null);
      return;
    }
    Object value = mapValues.read(in);
    if (value instanceof Decoder.Lossy) {
      fields.putUndeclared(name, ((Decoder.Lossy) value).json());
    } else {
      map.put(name, value);
    }
  }

  /**
   * What a field read as a list or map is compared with when it is written: a copy, so that
   * changing the list in place counts as setting the field.
   */
  private static Object snapshot(Object decoded) {
    if (decoded instanceof List) {
      return new ArrayList<>((List<?>) decoded);
    }
    if (decoded instanceof Map) {
      return new LinkedHashMap<>((Map<?, ?>) decoded);
    }
    return decoded;
  }

  @Override
  public void write(JsonWriter out, T model) throws IOException {
    if (model == null) {
      out.nullValue();
      return;
    }
    ModelFields fields = stateOf(model);
    // Inside a model, a null is data: explicit nulls, null map values, nulls in free-form JSON.
    boolean serializeNulls = out.getSerializeNulls();
    out.setSerializeNulls(true);
    try {
      out.beginObject();
      for (Property p : properties) {
        writeDeclared(out, model, fields, p);
      }
      if (mapValues != null) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) model).entrySet()) {
          String name = String.valueOf(e.getKey());
          Property p = byName.get(name);
          // a declared name put into the map (metrics.put("start", ..)) counts unless its field is
          // set
          if (p == null || !isWritten(model, fields, p)) {
            out.name(name);
            mapValueWriter.write(out, e.getValue());
          }
        }
      }
      for (Map.Entry<String, JsonElement> e : fields.undeclared().entrySet()) {
        out.name(e.getKey());
        tree.write(out, e.getValue());
      }
      out.endObject();
    } finally {
      out.setSerializeNulls(serializeNulls);
    }
  }

  private static boolean isWritten(Object model, ModelFields fields, Property p) {
    return p.get(model) != null || fields.raw(p.name()) != null || fields.isNull(p.name());
  }

  private void writeDeclared(JsonWriter out, T model, ModelFields fields, Property p)
      throws IOException {
    Object value = p.get(model);
    ModelFields.Raw raw = fields.raw(p.name());
    if (raw != null && Objects.equals(value, raw.decoded())) {
      out.name(p.name());
      tree.write(out, raw.json());
    } else if (value != null) {
      out.name(p.name());
      p.writer().write(out, value);
    } else if (fields.isNull(p.name())) {
      out.name(p.name());
      out.nullValue();
    }
  }

  // The model accessors the generated classes delegate to (see Models).

  /** The field {@code name} as the model would write it, or null if it would not be written. */
  JsonElement field(T model, String name) {
    ModelFields fields = stateOf(model);
    Property p = byName.get(name);
    if (p != null) {
      Object value = p.get(model);
      ModelFields.Raw raw = fields.raw(name);
      if (raw != null && Objects.equals(value, raw.decoded())) {
        return raw.json();
      }
      if (value != null) {
        return p.writer().toJsonTree(value);
      }
      return fields.isNull(name) ? JsonNull.INSTANCE : null;
    }
    if (mapValues != null && ((Map<?, ?>) model).containsKey(name)) {
      Object value = ((Map<?, ?>) model).get(name);
      return value == null ? JsonNull.INSTANCE : mapValueWriter.toJsonTree(value);
    }
    return fields.undeclared(name);
  }

  /** Sets the field {@code name} to {@code json}, decoded as a received value would be. */
  @SuppressWarnings("unchecked")
  void set(T model, String name, JsonElement json) throws IOException {
    JsonElement value = json == null ? JsonNull.INSTANCE : json;
    unset(model, name);
    JsonReader in = new JsonReader(new StringReader(value.toString()));
    Property p = byName.get(name);
    ModelFields fields = stateOf(model);
    if (p != null) {
      readDeclared(in, model, fields, p);
    } else if (mapValues != null) {
      readUndeclared(in, model, fields, name);
    } else {
      fields.putUndeclared(name, value);
    }
  }

  /** Removes the field {@code name}: it will not be written. */
  void unset(T model, String name) {
    ModelFields fields = stateOf(model);
    Property p = byName.get(name);
    if (p != null) {
      p.set(model, null);
      fields.forget(name);
      return;
    }
    if (mapValues != null) {
      ((Map<?, ?>) model).remove(name);
    }
    fields.removeUndeclared(name);
  }

  private T newInstance(ModelFields fields) {
    try {
      return constructor.newInstance(fields);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  private ModelFields stateOf(T model) {
    try {
      return (ModelFields) state.get(model);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
