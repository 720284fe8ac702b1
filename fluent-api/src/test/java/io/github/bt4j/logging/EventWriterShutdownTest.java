package io.github.bt4j.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.logging.ScriptedServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a JVM that exits with undelivered events tells its user. */
class EventWriterShutdownTest {
  private static final Pattern REPORT = Pattern.compile("(\\d+) events? not delivered to ");

  @Test
  void theShutdownHookReportsUndeliveredEventsWhereTheyAreSeen(@TempDir Path dir) throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    // A server too slow for the exit: it holds every request until the test ends.
    try (ScriptedServer server =
        new ScriptedServer(
            request -> {
              never.await();
              return Reply.stored(request);
            })) {
      Path err = dir.resolve("stderr.txt");
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ShutdownReportProgram.class.getName(),
                  server.baseUrl())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(err.toFile())
              .start();
      boolean exited = child.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        child.destroyForcibly();
      }
      assertTrue(exited, "the program exits within its close timeout");
      String text = Files.readString(err, StandardCharsets.UTF_8);
      int reported = 0;
      Matcher m = REPORT.matcher(text);
      while (m.find()) {
        reported += Integer.parseInt(m.group(1));
      }
      assertEquals(500, reported, "every undelivered event is reported on stderr:\n" + text);
      assertTrue(text.contains("(CLOSED)"), text);
      assertTrue(text.contains("{\"id\":\""), "with the events' content");
      never.countDown();
    }
  }
}
