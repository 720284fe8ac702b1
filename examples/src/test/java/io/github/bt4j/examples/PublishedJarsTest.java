package io.github.bt4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every published jar (main, sources and javadoc) carries the project's licence, and those built
 * from the bundled spec a notice naming the spec and its licence (the same text). This module is
 * built after the published ones, so their jars are in their modules' target directories when these
 * tests run.
 */
class PublishedJarsTest {
  private static final Path ROOT = Path.of(System.getProperty("bt4j.repoRoot", ".."));
  private static final String VERSION = System.getProperty("bt4j.version");

  @Test
  void everyPublishedJarCarriesTheLicence() throws IOException {
    String licence = Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8);
    assertTrue(licence.contains("Apache License"), "LICENSE at the root is the Apache licence");
    for (Path jar : publishedJars()) {
      assertEquals(licence, entry(jar, "META-INF/LICENSE"), jar + ": META-INF/LICENSE");
    }
  }

  @Test
  void jarsBuiltFromTheSpecNameItAndItsLicence() throws IOException {
    String specLicence =
        Files.readString(ROOT.resolve("spec/src/main/openapi/LICENSE"), StandardCharsets.UTF_8);
    String licence = Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8);
    assertEquals(
        licence.strip(),
        specLicence.strip(),
        "the notice says the spec's licence is the same text as META-INF/LICENSE: if the spec's"
            + " licence changes, its jars must carry it again");
    String notice =
        Files.readString(ROOT.resolve("spec/src/main/openapi/NOTICE"), StandardCharsets.UTF_8);
    for (Path jar : publishedJars()) {
      if (!jar.getFileName().toString().startsWith("bt4j-testing")) {
        assertEquals(
            notice,
            entry(jar, "META-INF/braintrust-openapi/NOTICE"),
            jar + ": META-INF/braintrust-openapi/NOTICE");
      }
    }
  }

  @Test
  void theLibraryReadsItsVersionFromItsJarsManifest() throws Exception {
    Path jar = ROOT.resolve("fluent-api/target/bt4j-" + VERSION + ".jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      assertEquals("bt4j", main.getValue("Implementation-Title"), jar + ": Implementation-Title");
      assertEquals(VERSION, main.getValue("Implementation-Version"), jar + ": Version");
    }
    // The library loaded from its jar alone reads that version.
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> version = loader.loadClass("io.github.bt4j.internal.Version");
      assertEquals(VERSION, version.getMethod("current").invoke(null));
    }
  }

  private static List<Path> publishedJars() {
    List<Path> jars = new ArrayList<>();
    String[][] modules = {
      {"fluent-api", "bt4j"}, {"generated-client", "bt4j-generated"}, {"testing", "bt4j-testing"}
    };
    for (String[] module : modules) {
      for (String classifier : List.of("", "-sources", "-javadoc")) {
        Path jar =
            ROOT.resolve(module[0])
                .resolve("target")
                .resolve(module[1] + "-" + VERSION + classifier + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built (run mvn verify from the root)");
        jars.add(jar);
      }
    }
    return jars;
  }

  private static String entry(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      assertTrue(entry != null, jar + " has no " + name);
      return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
