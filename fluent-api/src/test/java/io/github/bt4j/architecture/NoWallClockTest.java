package io.github.bt4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bt4j.testsupport.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test of this module reads the wall clock: a test that measures how long something took is
 * flaky on a loaded machine and slow on an idle one. Tests gate a scripted server, wait on a latch
 * with a generous bound, or run on a fake clock ({@code FakeTime}) instead.
 */
class NoWallClockTest {
  private static final Pattern CLOCK_READ =
      Pattern.compile(
          "System\\s*\\.\\s*(nanoTime|currentTimeMillis)\\s*\\(|Instant\\s*\\.\\s*now\\s*\\(\\s*\\)");

  @Test
  void noTestReadsTheWallClock() {
    List<String> found = new ArrayList<>();
    for (Path file : testSources()) {
      if (!file.getFileName().toString().equals("NoWallClockTest.java")) {
        found.addAll(clockReads(file.getFileName().toString(), read(file)));
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    String source =
        String.join(
            "\n",
            "long start = System.nanoTime();",
            "long ms = System.currentTimeMillis();",
            "Instant t = Instant.now();",
            "Instant u = clock.instant();",
            "Duration d = Duration.ofNanos(1);");
    assertEquals(
        List.of(
            "A.java:1: System.nanoTime(",
            "A.java:2: System.currentTimeMillis(",
            "A.java:3: Instant.now()"),
        clockReads("A.java", source));
  }

  private static List<String> clockReads(String name, String source) {
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = CLOCK_READ.matcher(lines[i]);
      while (m.find()) {
        found.add(name + ":" + (i + 1) + ": " + m.group());
      }
    }
    return found;
  }

  private static List<Path> testSources() {
    try (Stream<Path> files = Files.walk(Specs.repoRoot().resolve("fluent-api/src/test/java"))) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
