package io.github.bt4j.json.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every field of every generated model is read by one of the strict decoders, not by the fallback
 * that converts through Gson's own (coercing) adapters; and every model carries the state that
 * makes it lossless. A newer spec that brings a field type the decoders do not know fails here
 * first.
 */
class DecoderCoverageTest {
  private static final Path MODELS = Path.of("target", "classes", "io", "github", "bt4j", "models");

  private static List<Class<?>> modelClasses() throws IOException, ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          Class<?> c =
              Class.forName(
                  ModelTypeAdapterFactory.MODEL_PACKAGE + name.substring(0, name.length() - 6));
          if (ModelTypeAdapterFactory.isModel(c)) {
            classes.add(c);
          }
        }
      }
    }
    return classes;
  }

  @Test
  void everyModelFieldHasAStrictDecoder() throws Exception {
    Decoders decoders = new Decoders(SharedGson.gson());
    List<String> fallbacks = new ArrayList<>();
    List<Class<?>> models = modelClasses();
    assertTrue(models.size() > 200, "models found: " + models.size());
    for (Class<?> model : models) {
      boolean hasState = false;
      for (Field field : model.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        if (field.getType() == ModelFields.class) {
          hasState = true;
        } else if (field.isAnnotationPresent(SerializedName.class)
            && decoders
                .forType(field.getGenericType())
                .getClass()
                .getSimpleName()
                .equals("FallbackDecoder")) {
          fallbacks.add(
              model.getSimpleName() + "." + field.getName() + ": " + field.getGenericType());
        }
      }
      assertTrue(hasState, model.getName() + " has no ModelFields");
    }
    assertEquals(List.of(), fallbacks, "fields read through the coercing fallback");
  }
}
