package io.github.bt4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library version the build wrote into the jar's manifest and into {@code
 * bt4j-version.properties}.
 */
public final class Version {
  private Version() {}

  /**
   * The version: from the manifest of the jar this class came from, which the class loader has read
   * already, if that jar is bt4j's (not an application's jar the library was merged into); else
   * from the properties file (classes run from a directory, as in tests).
   *
   * @return the version, or {@code "dev"} if neither says
   */
  public static String current() {
    Package jar = Version.class.getPackage();
    if ("bt4j".equals(jar.getImplementationTitle()) && jar.getImplementationVersion() != null) {
      return jar.getImplementationVersion();
    }
    try (InputStream in =
        Version.class.getResourceAsStream("/io/github/bt4j/bt4j-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
