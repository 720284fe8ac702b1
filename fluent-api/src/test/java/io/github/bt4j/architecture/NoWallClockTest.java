package io.github.bt4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bt4j.testsupport.SourceFiles;
import io.github.bt4j.testsupport.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
    for (Path file : SourceFiles.javaFiles(Specs.repoRoot().resolve("fluent-api/src/test/java"))) {
      if (!file.getFileName().toString().equals("NoWallClockTest.java")) {
        found.addAll(clockReads(file.getFileName().toString(), SourceFiles.read(file)));
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
    return SourceFiles.matches(name, source, CLOCK_READ);
  }
}
