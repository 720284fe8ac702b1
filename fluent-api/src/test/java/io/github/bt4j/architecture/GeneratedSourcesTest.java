package io.github.bt4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bt4j.testsupport.SourceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the generators write (this module's resources and the generated client's interface and
 * models) reads like hand-written code: no HTML entities in the Javadoc (the spec's prose is
 * printed as it is, see the spec tool's JavadocText), and no import that the file does not use.
 */
class GeneratedSourcesTest {
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?;\\s*$", Pattern.MULTILINE);
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

  @Test
  void noHtmlEntities() {
    List<String> found = new ArrayList<>();
    for (Path file : generatedSources()) {
      found.addAll(
          SourceFiles.matches(file.getFileName().toString(), SourceFiles.read(file), ENTITY));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void everyImportIsUsedOnceAndNamed() {
    List<String> found = new ArrayList<>();
    for (Path file : generatedSources()) {
      found.addAll(importProblems(file.getFileName().toString(), SourceFiles.read(file)));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theImportCheckFindsWhatItLooksFor() {
    String source =
        String.join(
            "\n",
            "package p;",
            "import java.util.List;",
            "import java.util.List;",
            "import java.util.Map;",
            "import retrofit2.http.*;",
            "class A { List<String> a; }");
    assertEquals(
        List.of(
            "A.java: import java.util.List; twice",
            "A.java: import java.util.Map; unused",
            "A.java: import retrofit2.http.*; is a wildcard"),
        importProblems("A.java", source));
  }

  /** An import not used outside the import lines, imported twice, or a wildcard. */
  private static List<String> importProblems(String name, String source) {
    List<String> problems = new ArrayList<>();
    String body = IMPORT.matcher(source).replaceAll("");
    Set<String> seen = new HashSet<>();
    Matcher m = IMPORT.matcher(source);
    while (m.find()) {
      String line = m.group().trim();
      if (!seen.add(line)) {
        problems.add(name + ": " + line + " twice");
      } else if (m.group(3) != null) {
        problems.add(name + ": " + line + " is a wildcard");
      } else {
        String simpleName = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
        if (!Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b").matcher(body).find()) {
          problems.add(name + ": " + line + " unused");
        }
      }
    }
    return problems;
  }

  private static List<Path> generatedSources() {
    Path repo = Path.of(System.getProperty("bt4j.repoRoot"));
    List<Path> files = new ArrayList<>();
    for (String module : List.of("fluent-api", "generated-client")) {
      Path generated = repo.resolve(module).resolve("target/generated-sources");
      assertTrue(Files.isDirectory(generated), "nothing generated at " + generated);
      files.addAll(SourceFiles.javaFiles(generated));
    }
    assertTrue(files.size() > 100, "generated files found: " + files.size());
    return files;
  }
}
