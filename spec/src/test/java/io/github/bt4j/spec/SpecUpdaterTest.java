package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bt4j.spec.ChangeReport.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SpecUpdater}: the copy, the provenance row and finding the bundled spec. */
class SpecUpdaterTest {
  private static final String PROVENANCE =
      "# Provenance\n\n| file | what | source |\n| --- | --- | --- |\n"
          + "| `openapi.yaml` | the spec | commit abc |\n| `LICENSE` | its licence | upstream |\n\nText.\n";

  @Test
  void replacesOnlyTheFirstDataRow() {
    String updated = SpecUpdater.replaceFirstRow(PROVENANCE, "| new | row | here |");
    assertEquals(
        PROVENANCE.replace("| `openapi.yaml` | the spec | commit abc |", "| new | row | here |"),
        updated);
  }

  @Test
  void refusesTextWithoutATable() {
    assertThrows(
        IllegalArgumentException.class, () -> SpecUpdater.replaceFirstRow("# none\n", "| x |"));
  }

  @Test
  void updateCopiesTheNewSpecRecordsItAndReportsTheChanges(@TempDir Path dir) throws IOException {
    Path bundled = dir.resolve("bundle/openapi.yaml");
    Files.createDirectories(bundled.getParent());
    Files.writeString(bundled, spec("/a: {get: {responses: {'200': {description: ok}}}}", ""));
    Files.writeString(bundled.resolveSibling("PROVENANCE.md"), PROVENANCE);
    Path newSpec = dir.resolve("openapi-2027-01-01.yaml");
    String newText = spec("/b: {get: {responses: {'200': {description: ok}}}}", "");
    Files.writeString(newSpec, newText);

    ChangeReport report = SpecUpdater.update(newSpec, bundled, LocalDate.of(2027, 1, 2));

    assertEquals(newText, Files.readString(bundled));
    assertEquals(
        PROVENANCE.replace(
            "| `openapi.yaml` | the spec | commit abc |",
            "| `openapi.yaml` | the official Braintrust OpenAPI spec"
                + " | updated from file `openapi-2027-01-01.yaml` on 2027-01-02 |"),
        Files.readString(bundled.resolveSibling("PROVENANCE.md")));
    assertEquals(List.of(new Change("GET /b", "GET /b", false)), report.operationsAdded());
    assertEquals(List.of(new Change("GET /a", "GET /a", true)), report.operationsRemoved());
  }

  @Test
  void findsTheBundledSpecFromAnyFolderOfTheRepository(@TempDir Path repo) throws IOException {
    Path bundled = repo.resolve(SpecUpdater.BUNDLED_SPEC);
    Files.createDirectories(bundled.getParent());
    Files.writeString(bundled, "openapi: 3.0.3\n");
    Path nested = Files.createDirectories(repo.resolve("spec/src"));
    assertEquals(bundled, SpecUpdater.findBundledSpec(nested));
    assertEquals(bundled, SpecUpdater.findBundledSpec(repo));
  }

  @Test
  void saysWhenThereIsNoBundledSpec(@TempDir Path empty) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpecUpdater.findBundledSpec(empty));
    assertEquals(true, e.getMessage().contains("--spec"), e.getMessage());
  }
}
