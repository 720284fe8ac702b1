package io.github.bt4j.generated;

import static io.github.bt4j.spec.SpecDocument.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.testsupport.Specs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * The user's contract: the 69 operations of the spec the user supplied (listed in {@code
 * contract/user-operations.tsv}) exist in the bundled spec with the same method, path and
 * operationId, and in the generated Retrofit interfaces as a method with the matching Retrofit
 * annotation.
 */
class UserContractTest {
  private static final Map<String, Class<? extends Annotation>> RETROFIT =
      Map.of(
          "GET", GET.class,
          "POST", POST.class,
          "PUT", PUT.class,
          "PATCH", PATCH.class,
          "DELETE", DELETE.class);

  record Operation(String method, String path, String operationId) {}

  static List<Operation> userOperations() throws IOException {
    List<Operation> out = new ArrayList<>();
    try (InputStream in =
        UserContractTest.class.getResourceAsStream("/contract/user-operations.tsv")) {
      assertNotNull(in, "contract/user-operations.tsv is missing");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        assertEquals(3, parts.length, "not METHOD<TAB>path<TAB>operationId: " + line);
        out.add(new Operation(parts[0], parts[1], parts[2]));
      }
    }
    return out;
  }

  /**
   * The Java method name the generator derives from an operationId: characters other than letters,
   * digits and {@code _} are dropped ({@code proxy{path+}} becomes {@code proxypath}), words after
   * {@code _} are capitalised and the first letter is lower-cased.
   */
  static String methodName(String operationId) {
    StringBuilder out = new StringBuilder();
    for (String word : operationId.replaceAll("[^A-Za-z0-9_]", "").split("_+")) {
      if (!word.isEmpty()) {
        out.append(
            out.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
    }
    return Character.toLowerCase(out.charAt(0)) + out.substring(1);
  }

  /**
   * The path Retrofit sees: relative to the base URL, with a greedy {@code {x+}} made {@code {x}}.
   */
  static String retrofitPath(String path) {
    return path.substring(1).replaceAll("\\{([A-Za-z0-9_]+)\\+}", "{$1}");
  }

  @Test
  void theContractListsSixtyNineDistinctOperations() throws IOException {
    List<Operation> ops = userOperations();
    assertEquals(69, ops.size());
    Set<String> ids = new LinkedHashSet<>();
    ops.forEach(op -> ids.add(op.operationId()));
    assertEquals(69, ids.size(), "operationIds repeat");
  }

  @Test
  void everyUserOperationIsInTheBundledSpec() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Object> paths = Specs.bundled().paths();
    for (Operation op : userOperations()) {
      Object item = paths.get(op.path());
      Object operation =
          item instanceof Map ? map(item).get(op.method().toLowerCase(Locale.ROOT)) : null;
      if (!(operation instanceof Map)) {
        problems.add(op + ": no such method and path in the bundled spec");
      } else if (!op.operationId().equals(map(operation).get("operationId"))) {
        problems.add(op + ": the bundled spec calls it " + map(operation).get("operationId"));
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyUserOperationIsAGeneratedApiMethod() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Operation op : userOperations()) {
      problems.addAll(checkApiMethod(op));
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theNameRuleHoldsForTheGreedyProxyOperation() {
    // Not one of the user's operations, but the one whose operationId is not a Java name.
    assertEquals("proxypath", methodName("proxy{path+}"));
    assertTrue(
        checkApiMethod(new Operation("POST", "/v1/proxy/{path+}", "proxy{path+}")).isEmpty());
  }

  private static List<String> checkApiMethod(Operation op) {
    String name = methodName(op.operationId());
    Class<? extends Annotation> annotation = RETROFIT.get(op.method());
    List<Method> candidates = new ArrayList<>();
    for (Method m : GeneratedApis.methods()) {
      if (m.getName().equals(name)) {
        candidates.add(m);
      }
    }
    if (candidates.size() != 1) {
      return List.of(
          op + ": the generated interfaces have " + candidates.size() + " methods named " + name);
    }
    Method method = candidates.get(0);
    Annotation a = method.getAnnotation(annotation);
    String value;
    if (a != null) {
      value = retrofitValue(a);
    } else {
      // A DELETE with a body is declared @HTTP(method = "DELETE", hasBody = true).
      retrofit2.http.HTTP http = method.getAnnotation(retrofit2.http.HTTP.class);
      if (http == null || !http.method().equals(op.method())) {
        return List.of(op + ": " + name + " is not annotated @" + annotation.getSimpleName());
      }
      value = http.path();
    }
    String expected = retrofitPath(op.path());
    return value.equals(expected)
        ? List.of()
        : List.of(op + ": " + name + " is @" + annotation.getSimpleName() + "(\"" + value + "\")");
  }

  private static String retrofitValue(Annotation a) {
    try {
      return (String) a.annotationType().getMethod("value").invoke(a);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
