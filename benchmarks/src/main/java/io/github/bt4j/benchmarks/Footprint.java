package io.github.bt4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime jars a consumer gets: writes a throwaway consumer project that depends only on the
 * given artifacts, has Maven resolve it ({@code dependency:tree} and {@code
 * dependency:build-classpath}, so with the published poms' own exclusions and versions, not this
 * build's dependency management), and sums the jars.
 */
final class Footprint {
  private final Path workDir;
  private final Path maven;
  private final String localRepository;
  private final boolean offline;
  private final String dependencyPluginVersion;

  /** A jar on the consumer's class path. */
  record Jar(String name, long bytes, boolean ours) {}

  /** What a consumer got: its class path and Maven's dependency tree. */
  record Consumer(List<Jar> jars, String tree) {
    long total() {
      return jars.stream().mapToLong(Jar::bytes).sum();
    }

    long thirdParty() {
      return jars.stream().filter(j -> !j.ours()).mapToLong(Jar::bytes).sum();
    }
  }

  /**
   * @param workDir where the consumer projects are written
   * @param mavenHome the Maven installation to run
   * @param localRepository the local repository to resolve from
   * @param offline whether Maven runs offline
   * @param dependencyPluginVersion the maven-dependency-plugin version to use
   */
  Footprint(
      Path workDir,
      String mavenHome,
      String localRepository,
      boolean offline,
      String dependencyPluginVersion) {
    this.workDir = workDir;
    this.maven =
        mavenHome == null
            ? Path.of("mvn")
            : Path.of(mavenHome, "bin", windows() ? "mvn.cmd" : "mvn");
    this.localRepository = localRepository;
    this.offline = offline;
    this.dependencyPluginVersion = dependencyPluginVersion;
  }

  /**
   * Resolves a consumer named {@code name} depending on {@code coordinates} ({@code
   * group:artifact:version} each).
   */
  Consumer consumer(String name, List<String> coordinates)
      throws IOException, InterruptedException {
    Path dir = workDir.resolve(name);
    Files.createDirectories(dir);
    StringBuilder dependencies = new StringBuilder();
    for (String gav : coordinates) {
      String[] p = gav.split(":");
      dependencies
          .append("    <dependency><groupId>")
          .append(p[0])
          .append("</groupId><artifactId>")
          .append(p[1])
          .append("</artifactId><version>")
          .append(p[2])
          .append("</version></dependency>\n");
    }
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
            + "  <modelVersion>4.0.0</modelVersion>\n"
            + "  <groupId>consumer</groupId><artifactId>"
            + name
            + "</artifactId><version>1</version>\n"
            + "  <dependencies>\n"
            + dependencies
            + "  </dependencies>\n"
            + "  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
            + "<artifactId>maven-dependency-plugin</artifactId><version>"
            + dependencyPluginVersion
            + "</version></plugin></plugins></build>\n"
            + "</project>\n",
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(maven.toString(), "-B", "-q"));
    if (offline) {
      command.add("-o");
    }
    if (localRepository != null) {
      command.add("-Dmaven.repo.local=" + localRepository);
    }
    command.addAll(
        List.of(
            "-f",
            dir.resolve("pom.xml").toString(),
            "dependency:tree",
            "-DoutputFile=" + dir.resolve("tree.txt"),
            "dependency:build-classpath",
            "-DincludeScope=runtime",
            "-Dmdep.outputFile=" + dir.resolve("classpath.txt")));
    Process mvn =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("maven.log").toFile())
            .start();
    if (mvn.waitFor() != 0) {
      throw new IOException(
          "resolving the consumer failed; see " + dir.resolve("maven.log") + ": " + command);
    }
    List<Jar> jars = new ArrayList<>();
    String classpath = Files.readString(dir.resolve("classpath.txt")).trim();
    for (String entry : classpath.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      jars.add(
          new Jar(
              jar.getFileName().toString(),
              Files.size(jar),
              entry.replace('\\', '/').contains("/io/github/bt4j/")));
    }
    return new Consumer(jars, Files.readString(dir.resolve("tree.txt")).trim());
  }

  private static boolean windows() {
    return System.getProperty("os.name").startsWith("Windows");
  }
}
