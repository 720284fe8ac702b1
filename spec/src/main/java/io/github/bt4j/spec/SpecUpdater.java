package io.github.bt4j.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the bundled spec with a new release, byte for byte, and records where it came from in
 * the first row of {@code PROVENANCE.md} beside it.
 */
public final class SpecUpdater {
  /** The bundled spec, relative to the repository root. */
  public static final Path BUNDLED_SPEC = Path.of("spec", "src", "main", "openapi", "openapi.yaml");

  private SpecUpdater() {}

  /**
   * Compares {@code bundled} with {@code newSpec}, copies {@code newSpec} over {@code bundled},
   * updates the provenance table beside it (if there is one) and returns the change report.
   */
  public static ChangeReport update(Path newSpec, Path bundled, LocalDate date) throws IOException {
    ChangeReport report = SpecDiff.compare(SpecDocument.read(bundled), SpecDocument.read(newSpec));
    if (!Files.isSameFile(newSpec, bundled)) {
      Files.copy(newSpec, bundled, StandardCopyOption.REPLACE_EXISTING);
    }
    Path provenance = bundled.resolveSibling("PROVENANCE.md");
    if (Files.exists(provenance)) {
      String text = Files.readString(provenance, StandardCharsets.UTF_8);
      String row =
          "| `"
              + bundled.getFileName()
              + "` | the official Braintrust OpenAPI spec | updated from file `"
              + newSpec.getFileName()
              + "` on "
              + date
              + " |";
      Files.writeString(provenance, replaceFirstRow(text, row), StandardCharsets.UTF_8);
    }
    return report;
  }

  /**
   * Replaces the first data row of the first Markdown table in {@code markdown} (the row after the
   * {@code | --- |} line) with {@code row}.
   *
   * @throws IllegalArgumentException if the text has no table with a data row
   */
  static String replaceFirstRow(String markdown, String row) {
    List<String> lines = new ArrayList<>(markdown.lines().toList());
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).matches("\\|(\\s*:?-+:?\\s*\\|)+\\s*") && lines.get(i + 1).startsWith("|")) {
        lines.set(i + 1, row);
        return String.join("\n", lines) + (markdown.endsWith("\n") ? "\n" : "");
      }
    }
    throw new IllegalArgumentException("no Markdown table with a data row found");
  }

  /**
   * The bundled spec of the repository that contains {@code start}: the first {@link #BUNDLED_SPEC}
   * found in {@code start} or one of its parents.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Path findBundledSpec(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(BUNDLED_SPEC))) {
        return dir.resolve(BUNDLED_SPEC);
      }
    }
    throw new IllegalArgumentException(
        "no "
            + BUNDLED_SPEC
            + " in "
            + start.toAbsolutePath()
            + " or its parents; use --spec PATH");
  }
}
