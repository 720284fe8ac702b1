package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecFixtures.diff;
import static io.github.bt4j.spec.SpecFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed report, and the {@code diff} command that prints it. */
class ChangeReportPrinterTest {
  private static final String OLD =
      spec(
          "/a: {get: {operationId: getA, parameters: [{name: n, in: query, schema: {type: integer}}],"
              + " responses: {'200': {description: ok}}}}\n"
              + "/gone: {delete: {operationId: deleteGone, responses: {'200': {description: ok}}}}",
          "Kept: {type: object, properties: {x: {type: string}}}\nOld: {type: string}");
  private static final String NEW =
      spec(
          "/a: {get: {operationId: getA, parameters: [{name: n, in: query, schema: {type: string}}],"
              + " responses: {'200': {description: ok}}}}\n"
              + "/new: {post: {operationId: postNew, responses: {'200': {description: ok}}}}",
          "Kept: {type: object, properties: {x: {type: string}, y: {type: string}}}\nNew: {type: string}");

  @Test
  void printsEverySectionAndTheSummary() {
    String expected =
        """
        API change report
          old: v1
          new: v2

        Operations added (1)
          + POST /new (postNew)

        Operations removed (1)
          - DELETE /gone (deleteGone)  [BREAKING]

        Operations changed (1)
          ~ GET /a  [BREAKING]
              query parameter n: type integer -> string  [BREAKING]

        Models added (1)
          + New

        Models removed (1)
          - Old  [BREAKING]

        Models changed (1)
          ~ Kept
              property y: added, optional

        Summary
          operations added:    1
          operations removed:  1
          operations changed:  1
          models added:        1
          models removed:      1
          models changed:      1
          breaking changes:    3
        """;
    assertEquals(expected, ChangeReportPrinter.print(diff(OLD, NEW), "v1", "v2"));
  }

  @Test
  void saysSoWhenNothingChanged() {
    String printed = ChangeReportPrinter.print(diff(OLD, OLD), "v1", "v1");
    assertTrue(printed.contains("\nNo API changes.\n"), printed);
    assertTrue(printed.contains("breaking changes:    0"), printed);
  }

  @Test
  void theDiffCommandPrintsTheReport(@TempDir Path dir) throws IOException {
    Path oldFile = Files.writeString(dir.resolve("old.yaml"), OLD);
    Path newFile = Files.writeString(dir.resolve("new.yaml"), NEW);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      SpecTool.main(new String[] {"diff", oldFile.toString(), newFile.toString()});
    } finally {
      System.setOut(stdout);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(
        ChangeReportPrinter.print(diff(OLD, NEW), oldFile.toString(), newFile.toString()), printed);
  }
}
