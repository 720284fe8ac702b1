package io.github.bt4j.logging;

import io.github.bt4j.BraintrustClient;
import java.time.Duration;
import java.util.Map;

/**
 * Run in a JVM of its own by {@link EventWriterShutdownTest}: logs 500 events to the server given
 * as the argument, with the default failure handler and shutdown hook, and returns from {@code
 * main} without closing the writer, as an application that relies on the hook does.
 */
public final class ShutdownReportProgram {
  private ShutdownReportProgram() {}

  /** Logs the events and exits. */
  public static void main(String[] args) {
    BraintrustClient client = BraintrustClient.builder().apiKey("sk-test").baseUrl(args[0]).build();
    var logs =
        EventWriter.projectLogs(
            client,
            WriterTestSupport.PROJECT,
            WriterOptions.builder().closeTimeout(Duration.ofSeconds(1)).build());
    for (int i = 0; i < 500; i++) {
      logs.log(Map.of("input", i));
    }
  }
}
