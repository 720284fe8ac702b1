package io.github.bt4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the client JVM of one run, on this JVM's class path, with the workload's heap and any
 * further {@code options} (a flight recording), and collects what it measured. Its standard error
 * goes to ours; its standard output is read for the result line.
 */
final class ClientJvm {
  private static final long TIMEOUT_MINUTES = 10;

  private ClientJvm() {}

  /** Runs {@link WorkloadClient} for one side of {@code workload} and returns its sample. */
  static Sample measure(
      Workload workload, Side side, String baseUrl, long units, List<String> options)
      throws IOException, InterruptedException {
    Process process =
        start(
            workload.clientHeap,
            options,
            WorkloadClient.class,
            workload.key,
            side.label(),
            baseUrl,
            Long.toString(units));
    Sample sample = null;
    try (BufferedReader out = reader(process)) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(Sample.PREFIX)) {
          sample = Sample.parse(line);
        } else {
          System.out.println("    | " + line);
        }
      }
    }
    finish(process);
    return sample != null
        ? sample
        : Sample.failed(new IllegalStateException("the client JVM printed no result"));
  }

  /**
   * Starts {@link ColdStartClient} for {@code side} and returns the time from starting the process
   * to its line saying the insert was acknowledged.
   */
  static Sample coldStart(Side side, String baseUrl, List<String> options)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = start("", options, ColdStartClient.class, side.label(), baseUrl);
    Long acknowledged = null;
    long cpu = 0;
    try (BufferedReader out = reader(process)) {
      for (String line; (line = out.readLine()) != null; ) {
        if (acknowledged == null && line.equals("ACK 1")) {
          acknowledged = System.nanoTime() - start;
        } else if (line.startsWith("CPU ")) {
          cpu = Long.parseLong(line.substring(4));
        } else {
          System.out.println("    | " + line);
        }
      }
    }
    finish(process);
    return acknowledged != null
        ? Sample.timed(0, acknowledged, cpu)
        : Sample.failed(new IllegalStateException("the cold-start client saw no acknowledgement"));
  }

  private static Process start(String heap, List<String> options, Class<?> main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!heap.isEmpty()) {
      command.add(heap);
    }
    command.addAll(options);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void finish(Process process) throws InterruptedException {
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
  }
}
