package io.github.bt4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The library's packages depend on each other one way only: {@code jdeps} (the JDK's own dependency
 * tool) lists the package dependencies of the main classes of this module and of the generated
 * client, and no set of packages may reach itself.
 */
class PackageCyclesTest {
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(io\\.github\\.bt4j[\\w.]*)\\s+->\\s+(io\\.github\\.bt4j[\\w.]*)\\s");

  @Test
  void noPackageReachesItselfThroughOthers() {
    Map<String, Set<String>> edges = packageDependencies();
    assertTrue(edges.size() > 15, "packages found: " + edges.keySet());
    assertEquals(List.of(), cycles(edges), "package cycles");
  }

  private static Map<String, Set<String>> packageDependencies() {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps"));
    Path repo = Path.of(System.getProperty("bt4j.repoRoot"));
    List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none"));
    for (String module : List.of("fluent-api", "generated-client")) {
      Path classes = repo.resolve(module).resolve("target/classes");
      assertTrue(Files.isDirectory(classes), "no classes at " + classes);
      args.add(classes.toString());
    }
    StringWriter out = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(new String[0]));
    assertEquals(0, status, "jdeps failed:\n" + out);
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return edges;
  }

  /** The strongly connected sets of more than one package (Tarjan's algorithm). */
  private static List<Set<String>> cycles(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> found = new ArrayList<>();
    Set<String> nodes = new TreeSet<>(edges.keySet());
    edges.values().forEach(nodes::addAll);
    for (String node : nodes) {
      if (!index.containsKey(node)) {
        connect(node, edges, index, low, stack, onStack, found);
      }
    }
    return found;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> edges,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, edges, index, low, stack, onStack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }
}
