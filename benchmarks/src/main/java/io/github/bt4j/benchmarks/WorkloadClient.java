package io.github.bt4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The client JVM of one run of the floor comparison: measures one side of one workload and prints
 * the {@link Sample} as its last line. It warms up with the workload's warm-up passes, then times
 * its repeats and reports their median (the orchestrator takes the median over runs). With the
 * system property {@value #RECORD_PROPERTY} it records the timed passes with Java Flight Recorder.
 *
 * <p>Arguments: the workload's key, the side ({@code floor} or {@code bt4j}), the server's base URL
 * and the number of units.
 */
public final class WorkloadClient {
  /**
   * The system property naming a file: record the timed passes (not the warm-up) there with Java
   * Flight Recorder, sampling every millisecond, and repeat them more often for enough samples.
   */
  static final String RECORD_PROPERTY = "benchmark.record";

  private static final int RECORDED_REPEATS = 5;

  private WorkloadClient() {}

  /**
   * Runs the measurement; see the class documentation for the arguments.
   *
   * @param args workload, side, base URL, units
   */
  public static void main(String[] args) {
    Workload workload = Workload.of(args[0]);
    Side side = Side.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
    String baseUrl = args[2];
    long units = Long.parseLong(args[3]);
    Sample sample;
    try (ClientWorkload client = workload.client(side, baseUrl, units)) {
      for (int i = 0; i < workload.warmUps; i++) {
        client.pass(Math.min(units, workload.warmUnits));
      }
      String recordTo = System.getProperty(RECORD_PROPERTY);
      Recording recording = recordTo == null ? null : startRecording();
      List<Double> nanos = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      int repeats =
          recording == null ? workload.repeats : Math.max(RECORDED_REPEATS, workload.repeats);
      for (int i = 0; i < repeats; i++) {
        long cpuBefore = cpuNanos();
        nanos.add((double) client.pass(units));
        cpu.add((double) (cpuNanos() - cpuBefore));
      }
      if (recording != null) {
        recording.stop();
        recording.dump(Path.of(recordTo));
        recording.close();
      }
      sample =
          client.extras(Sample.timed(units, (long) Stats.median(nanos), (long) Stats.median(cpu)));
    } catch (Exception | Error e) {
      e.printStackTrace();
      sample = Sample.failed(e);
    }
    System.out.println(sample.line());
    System.out.flush();
    // The library's writer and pools may keep non-daemon threads a while; the run is over.
    System.exit(0);
  }

  private static Recording startRecording() throws IOException, ParseException {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
    recording.start();
    return recording;
  }

  /** The CPU time this JVM has used so far, all threads, in nanoseconds. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
