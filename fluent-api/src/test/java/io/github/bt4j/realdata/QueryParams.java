package io.github.bt4j.realdata;

import io.github.bt4j.core.RequestOptions;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recorded query string as a user would send it: the parameters the operation declares through
 * its {@code Params} builder, one call per parameter named after it ({@code project_name} is {@code
 * projectName(..)}), and any other through {@code RequestOptions.queryParam}.
 */
final class QueryParams<P> {
  private final P params;
  private final RequestOptions options;

  private QueryParams(P params, RequestOptions options) {
    this.params = params;
    this.options = options;
  }

  P params() {
    return params;
  }

  RequestOptions options() {
    return options;
  }

  static <P> QueryParams<P> parse(String query, Class<P> paramsClass) {
    try {
      Object builder = paramsClass.getMethod("builder").invoke(null);
      RequestOptions.Builder options = RequestOptions.builder();
      for (Map.Entry<String, List<String>> p : pairs(query).entrySet()) {
        Method setter = setter(builder.getClass(), camel(p.getKey()));
        if (setter == null) {
          p.getValue().forEach(v -> options.queryParam(p.getKey(), v));
        } else {
          setter.invoke(builder, convert(p.getValue(), setter.getGenericParameterTypes()[0]));
        }
      }
      P params = paramsClass.cast(builder.getClass().getMethod("build").invoke(builder));
      return new QueryParams<>(params, options.build());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build " + paramsClass.getName() + " from " + query, e);
    }
  }

  private static Map<String, List<String>> pairs(String query) {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return pairs;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      pairs.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return pairs;
  }

  private static Method setter(Class<?> builder, String name) {
    for (Method m : builder.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1) {
        return m;
      }
    }
    return null;
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static Object convert(List<String> values, Type type) {
    if (type instanceof ParameterizedType
        && ((ParameterizedType) type).getRawType() == List.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      values.forEach(v -> list.add(scalar(v, item)));
      return list;
    }
    return scalar(values.get(0), type);
  }

  private static Object scalar(String value, Type type) {
    if (type == String.class) {
      return value;
    }
    if (type == Integer.class) {
      return Integer.valueOf(value);
    }
    if (type == Boolean.class) {
      return Boolean.valueOf(value);
    }
    if (type == UUID.class) {
      return value;
    }
    throw new AssertionError("no conversion of a query value to " + type);
  }
}
