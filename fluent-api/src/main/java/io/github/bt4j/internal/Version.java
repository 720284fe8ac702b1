package io.github.bt4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Reads the library version the build wrote into {@code bt4j-version.properties}. */
public final class Version {
  private Version() {}

  public static String current() {
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
