package io.github.bt4j.json.internal;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@link Decoder} for each Java type the generated models use. Each is strict about the JSON
 * type it accepts (Gson's own adapters would turn the number 5 into the string "5", and "5" into
 * the number 5, changing what is written back), and keeps what does not fit.
 */
final class Decoders {
  private final Gson gson;
  private final TypeAdapter<JsonElement> tree;

  Decoders(Gson gson) {
    this.gson = gson;
    this.tree = gson.getAdapter(JsonElement.class);
  }

  /** The decoder for values of {@code type}. */
  Decoder forType(Type type) {
    if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return new ListDecoder(forType(args[0]));
      }
      if (Map.class.isAssignableFrom(raw) && args[0] == String.class) {
        return new MapDecoder(forType(args[1]));
      }
      return new FallbackDecoder(type);
    }
    if (!(type instanceof Class)) {
      return new FallbackDecoder(type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return in -> in.peek() == JsonToken.STRING ? in.nextString() : lossy(in);
    }
    if (c == Boolean.class) {
      return in -> in.peek() == JsonToken.BOOLEAN ? (Object) in.nextBoolean() : lossy(in);
    }
    // 5.0 and 5e0 are other spellings of the integer 5; 5.5 and 2^40 do not fit an Integer.
    if (c == Integer.class) {
      return number(s -> new BigDecimal(s).intValueExact());
    }
    if (c == Long.class) {
      return number(s -> new BigDecimal(s).longValueExact());
    }
    if (c == BigDecimal.class) {
      return number(BigDecimal::new);
    }
    if (c == Double.class) {
      return number(Double::valueOf);
    }
    if (c == Float.class) {
      return number(Float::valueOf);
    }
    if (c == UUID.class) {
      return uuid();
    }
    if (c == URI.class) {
      return text(URI::create, true);
    }
    if (c == OffsetDateTime.class) {
      // A different spelling of the same instant (precision, offset) is not kept: it is format
      // only.
      return text(IsoDateTimes::parse, false);
    }
    if (c == LocalDate.class) {
      return text(LocalDate::parse, false);
    }
    if (c.isEnum()) {
      return new EnumDecoder(c);
    }
    if (c == Object.class) {
      TypeAdapter<Object> any = gson.getAdapter(Object.class);
      return any::read;
    }
    if (c == JsonElement.class) {
      return tree::read;
    }
    if (ModelTypeAdapterFactory.isModel(c)) {
      TypeAdapter<?> adapter = gson.getAdapter(c);
      return in -> in.peek() == JsonToken.BEGIN_OBJECT ? adapter.read(in) : lossy(in);
    }
    return new FallbackDecoder(type);
  }

  /** A JSON number that keeps its literal spelling (such as {@code 1e5} or {@code 2.50}). */
  private static JsonElement numberAsSent(String literal) {
    return JsonParser.parseString(literal);
  }

  private Decoder.Lossy lossy(JsonReader in) throws IOException {
    return new Decoder.Lossy(null, tree.read(in));
  }

  /** A decoder for JSON numbers: the literal is parsed as {@code parse} says, or kept as is. */
  private Decoder number(Function<String, Object> parse) {
    return in -> {
      if (in.peek() != JsonToken.NUMBER) {
        return lossy(in);
      }
      String literal = in.nextString();
      try {
        return parse.apply(literal);
      } catch (RuntimeException e) { // out of range, or a fraction where an integer is declared
        return new Decoder.Lossy(null, numberAsSent(literal));
      }
    };
  }

  /**
   * A decoder for JSON strings that hold a value such as a UUID. With {@code exact}, a string the
   * value does not print back the same (an upper-case UUID) is kept as received beside the value.
   */
  private Decoder text(Function<String, Object> parse, boolean exact) {
    return in -> {
      if (in.peek() != JsonToken.STRING) {
        return lossy(in);
      }
      String s = in.nextString();
      Object value;
      try {
        value = parse.apply(s);
      } catch (RuntimeException e) {
        return new Decoder.Lossy(null, new JsonPrimitive(s));
      }
      return !exact || value.toString().equals(s)
          ? value
          : new Decoder.Lossy(value, new JsonPrimitive(s));
    };
  }

  /**
   * A UUID; one not spelled in the canonical form (upper-case digits, say) is kept as received
   * beside its value, so that it is written back as it came.
   */
  private Decoder uuid() {
    return in -> {
      if (in.peek() != JsonToken.STRING) {
        return lossy(in);
      }
      String s = in.nextString();
      UUID value;
      try {
        value = UUID.fromString(s);
      } catch (RuntimeException e) {
        return new Decoder.Lossy(null, new JsonPrimitive(s));
      }
      return isCanonical(s) ? value : new Decoder.Lossy(value, new JsonPrimitive(s));
    };
  }

  /** Whether {@code UUID.toString()} gives {@code s} back: 36 characters, lower-case digits. */
  private static boolean isCanonical(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'F') {
        return false;
      }
    }
    return true;
  }

  /**
   * Enum values by their JSON value; an unknown value decodes to the enum's unknown constant (or
   * nothing) and is kept as received, so that it is written back unchanged.
   */
  private final class EnumDecoder implements Decoder {
    private final Map<String, Object> byValue = new HashMap<>();
    private final Object unknown;

    EnumDecoder(Class<?> type) {
      Object unknownConstant = null;
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
          unknownConstant = constant;
        } else {
          byValue.put(valueOf(constant), constant);
        }
      }
      this.unknown = unknownConstant;
    }

    private static String valueOf(Object constant) {
      try {
        return String.valueOf(constant.getClass().getMethod("getValue").invoke(constant));
      } catch (ReflectiveOperationException e) {
        return constant.toString();
      }
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      if (token != JsonToken.STRING && token != JsonToken.NUMBER) {
        return lossy(in);
      }
      String s = in.nextString();
      Object constant = byValue.get(s);
      if (constant != null) {
        return constant;
      }
      JsonElement json = token == JsonToken.STRING ? new JsonPrimitive(s) : numberAsSent(s);
      return new Decoder.Lossy(unknown, json);
    }
  }

  /**
   * A list. If an element does not fit, the whole list is kept as received; its typed form is the
   * list of decoded elements when every element could be decoded (unknown enum values), else none.
   */
  private final class ListDecoder implements Decoder {
    private final Decoder element;

    ListDecoder(Decoder element) {
      this.element = element;
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.BEGIN_ARRAY) {
        return lossy(in);
      }
      List<Object> values = new ArrayList<>();
      JsonArray json = null; // built only once an element does not fit
      boolean representable = true;
      in.beginArray();
      while (in.hasNext()) {
        Object value = readElement(in, element);
        if (value instanceof Decoder.Lossy && json == null) {
          json = new JsonArray();
          for (Object earlier : values) {
            json.add(gson.toJsonTree(earlier));
          }
        }
        if (value instanceof Decoder.Lossy) {
          Decoder.Lossy lossy = (Decoder.Lossy) value;
          json.add(lossy.json());
          representable &= lossy.decoded() != null;
          values.add(lossy.decoded());
        } else {
          if (json != null) {
            json.add(gson.toJsonTree(value));
          }
          values.add(value);
        }
      }
      in.endArray();
      if (json == null) {
        return values;
      }
      return new Decoder.Lossy(representable ? values : null, json);
    }
  }

  /** A map with string keys, kept whole as received if a value does not fit (as for lists). */
  private final class MapDecoder implements Decoder {
    private final Decoder value;

    MapDecoder(Decoder value) {
      this.value = value;
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        return lossy(in);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      JsonObject json = null;
      boolean representable = true;
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        Object v = readElement(in, value);
        if (v instanceof Decoder.Lossy && json == null) {
          json = new JsonObject();
          for (Map.Entry<String, Object> earlier : values.entrySet()) {
            json.add(earlier.getKey(), gson.toJsonTree(earlier.getValue()));
          }
        }
        if (v instanceof Decoder.Lossy) {
          Decoder.Lossy lossy = (Decoder.Lossy) v;
          json.add(name, lossy.json());
          representable &= lossy.decoded() != null;
          values.put(name, lossy.decoded());
        } else {
          if (json != null) {
            json.add(name, gson.toJsonTree(v));
          }
          values.put(name, v);
        }
      }
      in.endObject();
      if (json == null) {
        return values;
      }
      return new Decoder.Lossy(representable ? values : null, json);
    }
  }

  private static Object readElement(JsonReader in, Decoder decoder) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    return decoder.read(in);
  }

  /**
   * Any other type: read as JSON, then converted with Gson's own adapter; JSON it refuses is kept.
   * The generated models use no such type today (a guard test says so); this keeps a new spec's
   * types from failing a response.
   */
  private final class FallbackDecoder implements Decoder {
    private final TypeAdapter<?> adapter;

    FallbackDecoder(Type type) {
      this.adapter = gson.getAdapter(TypeToken.get(type));
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      JsonElement json = tree.read(in);
      try {
        return adapter.fromJsonTree(json);
      } catch (RuntimeException e) {
        return new Decoder.Lossy(null, json);
      }
    }
  }
}
