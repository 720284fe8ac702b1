package io.github.bt4j.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user can reach in the streaming package takes no OkHttp or Okio type: opening a stream
 * over a call and its response is the client's business, done in {@code streaming.internal}.
 */
class StreamingSurfaceTest {

  @Test
  void noPublicMemberOfTheStreamingPackageNamesAnHttpStackType() throws Exception {
    List<Class<?>> types = publicTypes("io.github.bt4j.streaming");
    assertFalse(types.isEmpty(), "the package's classes were found");
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types) {
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m.getModifiers(), type) && !m.isSynthetic()) {
          check(leaks, m);
        }
      }
      for (Executable c : type.getDeclaredConstructors()) {
        if (visible(c.getModifiers(), type)) {
          check(leaks, c);
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f.getModifiers(), type) && f.getGenericType().getTypeName().matches(HTTP)) {
          leaks.add(f.toGenericString());
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  // Members the generated resources still call until they switch to streaming.internal.

  private static final String HTTP = "(?s).*\\b(okhttp3|okio|retrofit2)\\..*";

  private static void check(List<String> leaks, Executable member) {
    String signature =
        member.toGenericString()
            + " "
            + Arrays.toString(member.getGenericParameterTypes())
            + " "
            + Arrays.toString(member.getGenericExceptionTypes());
    if (member instanceof Method m) {
      signature += " " + m.getGenericReturnType().getTypeName();
    }
    if (signature.matches(HTTP)) {
      leaks.add(member.toGenericString());
    }
  }

  private static boolean visible(int modifiers, Class<?> owner) {
    return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && !isFinal(owner));
  }

  private static boolean isFinal(Class<?> type) {
    return Modifier.isFinal(type.getModifiers());
  }

  /** The public types of {@code pkg} (nested ones included), not of its subpackages. */
  static List<Class<?>> publicTypes(String pkg) throws IOException, URISyntaxException {
    Path root =
        Path.of(
            ServerSentEventStream.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path dir = root.resolve(pkg.replace('.', '/'));
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.equals("package-info.class")) {
          continue;
        }
        Class<?> type;
        try {
          type = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass()) {
          types.add(type);
        }
      }
    }
    return types;
  }
}
