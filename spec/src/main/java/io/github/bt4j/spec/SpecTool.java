package io.github.bt4j.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * The spec tool's command line.
 *
 * <pre>
 * prepare SPEC ADDITIONS OUT    merge and annotate SPEC for the generators (run by the build)
 * diff OLD NEW                  print the API change report from OLD to NEW
 * update NEW [--spec BUNDLED]   copy NEW over the bundled spec, record it in PROVENANCE.md and
 *                               print the change report; BUNDLED defaults to
 *                               spec/src/main/openapi/openapi.yaml of the enclosing repository
 * </pre>
 */
public final class SpecTool {
  private static final String USAGE =
      String.join(
          "\n",
          "usage: SpecTool prepare SPEC ADDITIONS OUT",
          "       SpecTool diff OLD NEW",
          "       SpecTool update NEW [--spec BUNDLED]");

  private SpecTool() {}

  /** Runs one command; exits with status 2 on a usage error. */
  public static void main(String[] args) throws IOException {
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args.length == 0 ? "" : args[0]) {
        case "prepare":
          prepare(rest);
          break;
        case "diff":
          diff(rest);
          break;
        case "update":
          update(rest);
          break;
        default:
          throw new IllegalArgumentException("unknown command");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("spec tool: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
  }

  private static void prepare(String[] args) throws IOException {
    expectArguments(args, 3);
    SpecDocument spec = SpecDocument.read(Path.of(args[0]));
    SpecDocument additions = SpecDocument.read(Path.of(args[1]));
    Map<String, Integer> counts = new SpecPreparer(spec).prepare(additions);
    spec.write(Path.of(args[2]));
    System.out.println("Prepared the API spec for code generation: " + args[0] + " -> " + args[2]);
    counts.forEach((change, n) -> System.out.println("  " + change + ": " + n));
  }

  private static void diff(String[] args) throws IOException {
    expectArguments(args, 2);
    Path oldSpec = existingFile(args[0], "OLD spec (-Dbraintrust.oldSpec=PATH)");
    Path newSpec = existingFile(args[1], "NEW spec (-Dbraintrust.newSpec=PATH)");
    ChangeReport report = SpecDiff.compare(SpecDocument.read(oldSpec), SpecDocument.read(newSpec));
    System.out.print(ChangeReportPrinter.print(report, oldSpec.toString(), newSpec.toString()));
  }

  private static void update(String[] args) throws IOException {
    Path bundled;
    if (args.length == 3 && args[1].equals("--spec")) {
      bundled = existingFile(args[2], "bundled spec (--spec PATH)");
    } else {
      expectArguments(args, 1);
      bundled = SpecUpdater.findBundledSpec(Path.of(""));
    }
    Path newSpec = existingFile(args[0], "NEW spec (-Dbraintrust.newSpec=PATH)");
    ChangeReport report = SpecUpdater.update(newSpec, bundled, LocalDate.now());
    System.out.print(ChangeReportPrinter.print(report, bundled + " (before)", newSpec.toString()));
    System.out.println();
    System.out.println("Copied " + newSpec + " -> " + bundled + "; PROVENANCE.md updated");
  }

  private static void expectArguments(String[] args, int count) {
    if (args.length != count) {
      throw new IllegalArgumentException("expected " + count + " arguments, got " + args.length);
    }
  }

  /** The file an argument names; Maven passes an empty property as null, an unset one as is. */
  private static Path existingFile(String argument, String what) {
    if (argument == null || argument.isBlank() || argument.startsWith("${")) {
      throw new IllegalArgumentException("missing " + what);
    }
    Path file = Path.of(argument);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(what + " not found: " + file.toAbsolutePath());
    }
    return file;
  }
}
