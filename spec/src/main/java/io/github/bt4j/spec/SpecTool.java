package io.github.bt4j.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The spec tool's command line.
 *
 * <pre>
 * prepare SPEC ADDITIONS OUT   merge and annotate SPEC for the generators (run by the build)
 * </pre>
 */
public final class SpecTool {
  private SpecTool() {}

  /** Runs one command; exits with status 2 on a usage error. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      usage();
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "prepare":
        prepare(rest);
        break;
      default:
        usage();
    }
  }

  private static void prepare(String[] args) throws IOException {
    if (args.length != 3) {
      usage();
      return;
    }
    SpecDocument spec = SpecDocument.read(Path.of(args[0]));
    SpecDocument additions = SpecDocument.read(Path.of(args[1]));
    Map<String, Integer> counts = new SpecPreparer(spec).prepare(additions);
    spec.write(Path.of(args[2]));
    System.out.println("[spec] prepared " + args[0] + " -> " + args[2]);
    counts.forEach((rule, n) -> System.out.println("[spec]   " + rule + ": " + n));
  }

  private static void usage() {
    System.err.println("usage: SpecTool prepare SPEC ADDITIONS OUT");
    System.exit(2);
  }
}
