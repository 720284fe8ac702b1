package io.github.bt4j.logging.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application server loads the library in a web application's class loader and calls the writer
 * from threads it keeps across redeployments: encoding an event there must leave nothing of the
 * library on the thread, or the whole class loader stays in memory after the application is
 * undeployed.
 */
class EventEncoderClassLoaderTest {

  @Test
  void encodingOnALongLivedThreadDoesNotKeepTheLibrarysClassLoader() throws Exception {
    WeakReference<ClassLoader> loader = encodeOnceInAnIsolatedLoader();

    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
    }

    assertNull(loader.get(), "the library's class loader is still reachable from this thread");
  }

  /** Encodes one event with classes loaded apart from the test's, on this (long-lived) thread. */
  private static WeakReference<ClassLoader> encodeOnceInAnIsolatedLoader() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("test-classes")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    try (URLClassLoader isolated =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> gsonType = isolated.loadClass("com.google.gson.Gson");
      Class<?> encoderType = isolated.loadClass(EventEncoder.class.getName());
      Class<?> kindType = isolated.loadClass(EventKind.class.getName());
      assertTrue(encoderType.getClassLoader() == isolated, "the encoder must come from the loader");

      Object encoder =
          encoderType.getConstructor(gsonType).newInstance(gsonType.getConstructor().newInstance());
      Map<String, Object> event = new HashMap<>();
      event.put("input", "hello");
      Object kind = kindType.getField("INSERT").get(null);
      encoderType
          .getMethod("encode", Object.class, String.class, kindType)
          .invoke(encoder, event, null, kind);
      return new WeakReference<>(isolated);
    }
  }
}
