package io.github.bt4j.generated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The generated Retrofit interfaces, one per tag of the spec ({@code LogsApi}, {@code
 * ProjectsApi}...), found on the class path (a directory in a reactor build, a jar otherwise), so
 * that a tag a newer spec adds is covered with no list to update.
 */
public final class GeneratedApis {
  private static final String PACKAGE = "io/github/bt4j/generated/api/";

  private GeneratedApis() {}

  /** Every generated interface, by name. */
  public static List<Class<?>> interfaces() {
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = GeneratedApis.class.getClassLoader().getResources(PACKAGE);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if (root.getProtocol().equals("jar")) {
          try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
              String entry = e.nextElement().getName();
              if (entry.startsWith(PACKAGE) && entry.indexOf('/', PACKAGE.length()) < 0) {
                names.add(entry.substring(PACKAGE.length()));
              }
            }
          }
        } else {
          try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            files.forEach(f -> names.add(f.getFileName().toString()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> found = new ArrayList<>();
    for (String file : names) {
      if (file.endsWith("Api.class") && !file.contains("$")) {
        try {
          found.add(Class.forName("io.github.bt4j.generated.api." + file.replace(".class", "")));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no generated API interface on the class path");
    }
    return found;
  }

  /** The methods of every generated interface: one per operation of the spec. */
  public static List<Method> methods() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> api : interfaces()) {
      methods.addAll(List.of(api.getMethods()));
    }
    return methods;
  }
}
