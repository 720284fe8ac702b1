package io.github.bt4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.BraintrustClientAsync;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user meets: no public signature names a type the generator named after an operation or
 * status ({@code GetProject200Response}, {@code PutEnvVarRequest}, {@code InvokeApi}, {@code
 * ...Inner}), and no operation has more than three public blocking methods.
 */
class PublicSurfaceTest {
  /**
   * Names made of an operation id, a status, a verb and a body role, or the generator's suffixes.
   */
  private static final Pattern GENERATOR_NAME =
      Pattern.compile(
          ".*\\d{3}Response|(Get|Post|Put|Patch|Delete)[A-Z]\\w*(Request|Response)|\\w+Api|\\w+Inner");

  @Test
  void noPublicSignatureNamesAGeneratorStyleType() throws Exception {
    Set<String> offenders = new TreeSet<>();
    int checked = 0;
    for (Class<?> type : publicSurface()) {
      for (Method m : type.getMethods()) {
        if (m.getDeclaringClass() == Object.class) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        types.add(m.getGenericReturnType());
        for (Type t : types) {
          for (Class<?> named : namedIn(t)) {
            checked++;
            if (GENERATOR_NAME.matcher(named.getSimpleName()).matches()) {
              offenders.add(
                  named.getSimpleName() + " in " + type.getSimpleName() + "." + m.getName());
            }
          }
        }
      }
    }
    assertTrue(checked > 1000, "signatures checked: " + checked);
    assertEquals(Set.of(), offenders, "generator-style names in public signatures");
  }

  @Test
  void noOperationHasMoreThanThreePublicBlockingMethods() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Method accessor : BraintrustClient.class.getMethods()) {
      Class<?> resource = accessor.getReturnType();
      if (resource.getPackageName().equals("io.github.bt4j.resources")) {
        counts.putAll(formsPerOperation(resource));
      }
    }
    assertTrue(counts.size() > 140, "operations found: " + counts.size());
    assertEquals(Map.of(), over(counts), "operations with more than three public blocking methods");
  }

  /** A resource that breaks the rule, to show the count sees it. */
  interface FourForms {
    void get(String id);

    void get(String id, Object params);

    void get(String id, Object params, Object options);

    void get(String id, Object options, int extra);
  }

  @Test
  void theRulesSeeWhatTheyForbid() {
    assertEquals(Map.of("FourForms.get", 4), over(formsPerOperation(FourForms.class)));
    for (String bad :
        List.of(
            "GetProject200Response",
            "PutEnvVarRequest",
            "PostServiceTokenRequest",
            "InvokeApi",
            "PromptDataToolFunctionsInner",
            "Proxycredentials200Response")) {
      assertTrue(GENERATOR_NAME.matcher(bad).matches(), bad);
    }
    for (String good :
        List.of(
            "ProjectListResponse",
            "CreateEnvVar",
            "InvokeFunction",
            "ApiKey",
            "RawResponse",
            "PromptDataToolFunctionsItem",
            "ProxyCredentialsResponse")) {
      assertFalse(GENERATOR_NAME.matcher(good).matches(), good);
    }
  }

  /** The public methods of a resource by name (an operation and its forms), the raw view aside. */
  private static Map<String, Integer> formsPerOperation(Class<?> resource) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Method m : resource.getMethods()) {
      if (!m.getName().equals("withRawResponse")) {
        counts.merge(resource.getSimpleName() + "." + m.getName(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static Map<String, Integer> over(Map<String, Integer> counts) {
    Map<String, Integer> over = new LinkedHashMap<>();
    counts.forEach(
        (operation, n) -> {
          if (n > 3) {
            over.put(operation, n);
          }
        });
    return over;
  }

  @Test
  void theAsyncViewHasTheSameResources() {
    Set<String> blocking = new TreeSet<>();
    Set<String> async = new TreeSet<>();
    for (Method m : BraintrustClient.class.getMethods()) {
      if (m.getReturnType().getPackageName().equals("io.github.bt4j.resources")) {
        blocking.add(m.getName());
      }
    }
    for (Method m : BraintrustClientAsync.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())) {
        async.add(m.getName());
      }
    }
    assertEquals(blocking, async);
  }

  /** The public types of the library's API packages. */
  private static List<Class<?>> publicSurface() throws Exception {
    List<Class<?>> types = new ArrayList<>();
    Path repo = Path.of(System.getProperty("bt4j.repoRoot"));
    for (Path root :
        List.of(
            repo.resolve("fluent-api/target/classes"),
            repo.resolve("generated-client/target/classes"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = root.relativize(file).toString();
          if (!name.endsWith(".class")
              || name.contains("$")
              || name.contains("internal")
              || name.startsWith("io/github/bt4j/generated/")) {
            continue;
          }
          Class<?> type =
              Class.forName(
                  name.substring(0, name.length() - 6).replace('/', '.'),
                  false,
                  PublicSurfaceTest.class.getClassLoader());
          if (Modifier.isPublic(type.getModifiers())) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  private static List<Class<?>> namedIn(Type type) {
    List<Class<?>> out = new ArrayList<>();
    collect(type, out);
    return out;
  }

  private static void collect(Type type, List<Class<?>> out) {
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType) {
      collect(((ParameterizedType) type).getRawType(), out);
      for (Type arg : ((ParameterizedType) type).getActualTypeArguments()) {
        collect(arg, out);
      }
    } else if (type instanceof GenericArrayType) {
      collect(((GenericArrayType) type).getGenericComponentType(), out);
    } else if (type instanceof WildcardType) {
      for (Type bound : ((WildcardType) type).getUpperBounds()) {
        collect(bound, out);
      }
    }
  }
}
