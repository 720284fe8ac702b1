package io.github.bt4j.generated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No generated class that the generated Retrofit interfaces hand out or take is empty. The
 * retrofit2 library makes an empty class of a union with a primitive branch ({@code class Ids {}}),
 * which reads nothing and writes {@code {}}; the preparer's union rule is what keeps such classes
 * out.
 */
class ReachableModelsTest {
  @Test
  void noReachableModelClassIsEmpty() {
    Map<Class<?>, String> reachable = ReachableModels.fromApi();
    // The walk must see most of the model package, or the check below proves nothing.
    assertTrue(reachable.size() > 150, "only " + reachable.size() + " reachable model classes");

    List<String> empty = new ArrayList<>();
    reachable.forEach(
        (type, via) -> {
          if (!type.isEnum()
              && !Map.class.isAssignableFrom(type)
              && GeneratedModels.serializedFields(type).isEmpty()) {
            empty.add(type.getSimpleName() + " (reached by " + via + ")");
          }
        });
    assertTrue(
        empty.isEmpty(),
        empty.size() + " reachable generated classes have no fields:\n" + String.join("\n", empty));
  }
}
