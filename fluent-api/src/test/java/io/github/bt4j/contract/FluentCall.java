package io.github.bt4j.contract;

import static io.github.bt4j.spec.SpecDocument.map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.core.RawResponse;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.generated.GeneratedApis;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.testsupport.SampleJson;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * One call of a spec operation through the fluent API, found by reflection the way a user would
 * write it: {@code client.<tag accessor>().<x-bt4j-method>(required..., [Params,] RequestOptions)},
 * with sample values for every required argument and every optional query parameter, and the
 * request that call must send.
 */
final class FluentCall {
  /** The body sent where the fluent layer types the body itself (the chat request). */
  private static final JsonElement TYPED_BODY_SAMPLE =
      com.google.gson.JsonParser.parseString(
          "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

  /** A multi-segment value for a greedy path parameter such as the proxy's {@code {path}}. */
  static final String GREEDY_PATH_SAMPLE = "files/file-abc123/content";

  private final SpecOperation operation;
  private final Object resource;
  private final Method method;
  private final Object[] arguments;
  private final Type returnType;
  private final ExpectedRequest expected;

  private FluentCall(
      SpecOperation operation,
      Object resource,
      Method method,
      Object[] arguments,
      Type returnType,
      ExpectedRequest expected) {
    this.operation = operation;
    this.resource = resource;
    this.method = method;
    this.arguments = arguments;
    this.returnType = returnType;
    this.expected = expected;
  }

  /**
   * Finds the fluent method of {@code op} on {@code client} and builds its arguments from {@code
   * samples}. Throws {@link AssertionError} naming what is missing if the method cannot be found.
   */
  static FluentCall prepare(BraintrustClient client, SpecOperation op, SampleJson samples) {
    Gson gson = BraintrustJson.gson();
    Method apiMethod = apiMethod(op);
    Object resource = resource(client, op);
    Set<String> requiredQuery =
        op.parameters("query").stream()
            .filter(p -> Boolean.TRUE.equals(p.get("required")))
            .map(p -> (String) p.get("name"))
            .collect(Collectors.toSet());

    Type[] apiTypes = apiMethod.getGenericParameterTypes();
    Annotation[][] apiAnnotations = apiMethod.getParameterAnnotations();
    List<Class<?>> fluentTypes = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    String path = op.path();
    Map<String, List<String>> query = new LinkedHashMap<>();
    JsonElement body = null;
    int required = 0;
    while (required < apiTypes.length && isRequired(apiAnnotations[required], requiredQuery)) {
      Annotation a = apiAnnotations[required][0];
      Type type = apiTypes[required];
      JsonElement sample;
      if (a instanceof Path) {
        String name = ((Path) a).value();
        Map<String, Object> parameter = parameterNamed(op, "path", name);
        boolean greedy = Boolean.TRUE.equals(parameter.get("x-bt4j-greedy"));
        sample =
            greedy
                ? new JsonPrimitive(GREEDY_PATH_SAMPLE)
                : samples.of(map(parameter.get("schema")), name);
        path = path.replace("{" + name + "}", sample.getAsString());
      } else if (a instanceof Query) {
        String name = ((Query) a).value();
        sample = samples.ofQueryParameter(parameter(op, "query", name), name);
        query.put(name, queryValues(sample));
      } else {
        sample = bodySample(op, samples.variant());
        if (op.bodyType() != null) {
          // A body the fluent layer types itself (the chat request) is built the way a user
          // builds it; the spec's free-form schema takes any such body.
          type = classNamed(op.bodyType());
          sample = TYPED_BODY_SAMPLE.deepCopy();
        }
        body = sample;
      }
      Object value = gson.fromJson(sample, type);
      arguments.add(value);
      fluentTypes.add(rawClass(type));
      required++;
    }
    if (required < apiTypes.length) {
      Class<?> paramsClass = paramsClass(op);
      Object builder = invoke(method(paramsClass, "builder"), null);
      for (int i = required; i < apiTypes.length; i++) {
        String name = ((Query) apiAnnotations[i][0]).value();
        JsonElement sample = samples.ofQueryParameter(parameter(op, "query", name), name);
        Method setter = method(builder.getClass(), camel(name), rawClass(apiTypes[i]));
        Object value = gson.fromJson(sample, apiTypes[i]);
        invoke(setter, builder, value);
        query.put(name, queryValues(sample));
      }
      arguments.add(invoke(method(builder.getClass(), "build"), builder));
      fluentTypes.add(paramsClass);
    }
    fluentTypes.add(RequestOptions.class);
    arguments.add(null); // the options, given to invoke()
    // Every operation is called through the resource's raw-response view, whose answer is the
    // operation's own response type for lists too (their blocking form pages lazily).
    Method rawView = method(resourceType(client, op), "withRawResponse");
    Object raw = invoke(rawView, resource);
    Method fluent =
        method(rawView.getReturnType(), op.fluentMethod(), fluentTypes.toArray(Class[]::new));
    Type returnType =
        ((ParameterizedType) apiMethod.getGenericReturnType()).getActualTypeArguments()[0];
    Type answered = ((ParameterizedType) fluent.getGenericReturnType()).getActualTypeArguments()[0];
    if (!answered.equals(returnType)) {
      throw new AssertionError(fluent + " answers " + answered + ", not " + returnType);
    }
    ExpectedRequest expected = new ExpectedRequest(op.method(), path, query, body);
    return new FluentCall(op, raw, fluent, arguments.toArray(), returnType, expected);
  }

  /**
   * A request body the upstream spec accepts, built from the operation's schema as released: the
   * prepared spec is looser (its merged unions hold every branch's properties, its mixed unions any
   * value), so a body built from it could be one the server refuses. Operations the upstream spec
   * gives no JSON body (none today) fall back to the prepared schema, and the contract test then
   * reports the body as unknown upstream.
   */
  private static JsonElement bodySample(SpecOperation op, SampleJson.Variant variant) {
    UpstreamSchemas upstream = UpstreamSchemas.load();
    Map<String, Object> schema = upstream.requestSchema(op.operationId());
    if (schema == null) {
      return new SampleJson(PreparedSpec.load(), variant).of(op.requestSchema(), "body");
    }
    return new SampleJson(upstream, variant).of(schema, "body");
  }

  /** The request this call must send. */
  ExpectedRequest expected() {
    return expected;
  }

  /** The type the response is parsed into. */
  Type returnType() {
    return returnType;
  }

  /** The fluent method, for messages: {@code projects().create(CreateProject, RequestOptions)}. */
  String signature() {
    return accessor(operation.tag())
        + "()."
        + method.getName()
        + "("
        + java.util.Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** Makes the call; the client's exceptions propagate unchanged. */
  Object invoke(RequestOptions options) {
    Object[] args = arguments.clone();
    args[args.length - 1] = options;
    try {
      return ((RawResponse<?>) method.invoke(resource, args)).body();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The client's accessor for a tag: {@code ProjectAutomations} becomes {@code projectAutomations}.
   */
  static String accessor(String tag) {
    String camel = camel(tag.replace(' ', '_'));
    return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
  }

  /** The Retrofit method of {@code op}, found by its HTTP annotation. */
  static Method apiMethod(SpecOperation op) {
    String relative = op.path().substring(1);
    for (Method m : GeneratedApis.methods()) {
      if (relative.equals(httpPath(m, op.method()))) {
        return m;
      }
    }
    throw new AssertionError("no generated interface has a method for " + op.displayName());
  }

  private static String httpPath(Method m, String httpMethod) {
    switch (httpMethod) {
      case "GET":
        return m.isAnnotationPresent(GET.class) ? m.getAnnotation(GET.class).value() : null;
      case "POST":
        return m.isAnnotationPresent(POST.class) ? m.getAnnotation(POST.class).value() : null;
      case "PUT":
        return m.isAnnotationPresent(PUT.class) ? m.getAnnotation(PUT.class).value() : null;
      case "PATCH":
        return m.isAnnotationPresent(PATCH.class) ? m.getAnnotation(PATCH.class).value() : null;
      case "DELETE":
        if (m.isAnnotationPresent(HTTP.class)
            && m.getAnnotation(HTTP.class).method().equals("DELETE")) {
          return m.getAnnotation(HTTP.class).path();
        }
        return m.isAnnotationPresent(DELETE.class) ? m.getAnnotation(DELETE.class).value() : null;
      default:
        return null;
    }
  }

  private static Object resource(BraintrustClient client, SpecOperation op) {
    String accessor = accessor(op.tag());
    return invoke(method(client.getClass(), accessor), client);
  }

  private static Class<?> classNamed(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class " + name, e);
    }
  }

  /** The public resource type of the tag: the accessor's declared return type. */
  private static Class<?> resourceType(BraintrustClient client, SpecOperation op) {
    return method(client.getClass(), accessor(op.tag())).getReturnType();
  }

  private static Class<?> paramsClass(SpecOperation op) {
    try {
      return Class.forName("io.github.bt4j.models." + op.paramsClass());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          "no parameters class " + op.paramsClass() + " for " + op.displayName(), e);
    }
  }

  private static boolean isRequired(Annotation[] annotations, Set<String> requiredQuery) {
    Annotation a = annotations[0];
    return a instanceof Path
        || a instanceof Body
        || (a instanceof Query && requiredQuery.contains(((Query) a).value()));
  }

  private static Map<String, Object> parameter(SpecOperation op, String in, String name) {
    return map(parameterNamed(op, in, name).get("schema"));
  }

  private static Map<String, Object> parameterNamed(SpecOperation op, String in, String name) {
    for (Map<String, Object> p : op.parameters(in)) {
      if (name.equals(p.get("name"))) {
        return p;
      }
    }
    throw new AssertionError(op.displayName() + " declares no " + in + " parameter " + name);
  }

  private static List<String> queryValues(JsonElement sample) {
    List<String> values = new ArrayList<>();
    if (sample.isJsonArray()) {
      for (JsonElement e : (JsonArray) sample) {
        values.add(e.getAsString());
      }
    } else {
      values.add(sample.getAsString());
    }
    return values;
  }

  private static Class<?> rawClass(Type type) {
    return type instanceof ParameterizedType
        ? (Class<?>) ((ParameterizedType) type).getRawType()
        : (Class<?>) type;
  }

  static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_' || c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static Method method(Class<?> owner, String name, Class<?>... types) {
    try {
      return owner.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(
          owner.getSimpleName()
              + " has no public method "
              + name
              + "("
              + java.util.Arrays.stream(types)
                  .map(Class::getSimpleName)
                  .collect(Collectors.joining(", "))
              + ")",
          e);
    }
  }

  private static Object invoke(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  /**
   * The request a call must send.
   *
   * @param method the HTTP method
   * @param path the path, parameters filled in
   * @param query every query parameter with its values, in order
   * @param body the JSON body, or null for none
   */
  record ExpectedRequest(
      String method, String path, Map<String, List<String>> query, JsonElement body) {}
}
