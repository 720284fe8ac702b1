package io.github.bt4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README compiles as written, all of them together in one consumer
 * project (this module's classpath: bt4j and bt4j-testing), so a variable has one type across
 * snippets: the names a snippet uses without declaring ({@code client}, {@code projectId}...) are
 * declared once here, and a snippet that used one with another type would not compile. A snippet
 * that declares classes is compiled as top-level classes, one that declares members inside a class,
 * the others as method bodies. The README's consumer pom is the one a project needs: Java 17, the
 * bt4j artifact of this build.
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

  /** The names snippets use without declaring them, each with its one type. */
  private static final String FREE_NAMES =
      String.join(
          "\n",
          "  BraintrustClient client;",
          "  String projectId, experimentId, datasetId, functionId, id, rowId, json, version;",
          "  okhttp3.OkHttpClient myOkHttpClient;",
          "  List<String> ids = new ArrayList<>();",
          "  List<String> stored = new ArrayList<>();",
          "  List<FailedEvent> deadLetters = new ArrayList<>();");

  private static final List<String> IMPORTS =
      List.of(
          "io.github.bt4j.*",
          "io.github.bt4j.core.*",
          "io.github.bt4j.errors.*",
          "io.github.bt4j.json.*",
          "io.github.bt4j.logging.*",
          "io.github.bt4j.models.*",
          "io.github.bt4j.pagination.*",
          "io.github.bt4j.proxy.*",
          "io.github.bt4j.query.*",
          "io.github.bt4j.resources.*",
          "io.github.bt4j.streaming.*",
          "io.github.bt4j.testing.*",
          "com.google.gson.JsonElement",
          "com.google.gson.JsonObject",
          "com.google.gson.JsonPrimitive",
          "java.math.BigDecimal",
          "java.time.Duration",
          "java.util.ArrayList",
          "java.util.List",
          "java.util.Map",
          "java.util.concurrent.CompletableFuture",
          "org.junit.jupiter.api.Test",
          "org.junit.jupiter.api.extension.ExtendWith",
          "org.junit.jupiter.api.extension.RegisterExtension");

  private static String readme() throws IOException {
    return Files.readString(
        Path.of(System.getProperty("bt4j.repoRoot")).resolve("README.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyJavaSnippetCompilesTogether() throws IOException {
    List<String> snippets = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme());
    while (m.find()) {
      snippets.add(m.group(1));
    }
    assertTrue(snippets.size() >= 15, "snippets found: " + snippets.size());

    Set<String> imports = new TreeSet<>(IMPORTS);
    StringBuilder methods = new StringBuilder();
    StringBuilder classes = new StringBuilder();
    for (int i = 0; i < snippets.size(); i++) {
      StringBuilder body = new StringBuilder();
      for (String line : snippets.get(i).split("\n")) {
        if (line.startsWith("import static ")) {
          imports.add(line.substring("import ".length(), line.length() - 1));
        } else if (line.startsWith("import ")) {
          imports.add(line.substring("import ".length(), line.length() - 1));
        } else {
          body.append(line).append('\n');
        }
      }
      String code = body.toString();
      if (declaresClasses(code) && !code.contains("class ")) {
        // members of a class (a field with its annotation): compiled inside one
        classes
            .append("// README snippet ")
            .append(i + 1)
            .append("\nclass ReadmeMembers")
            .append(i + 1)
            .append(" {\n")
            .append(code)
            .append("}\n\n");
      } else if (declaresClasses(code)) {
        classes.append("// README snippet ").append(i + 1).append('\n').append(code).append('\n');
      } else {
        methods
            .append("  // README snippet ")
            .append(i + 1)
            .append("\n  void snippet")
            .append(i + 1)
            .append("() throws Exception {\n")
            .append(code)
            .append("  }\n\n");
      }
    }
    String source =
        imports.stream()
                .map(i -> i.startsWith("static ") ? "import " + i + ";" : "import " + i + ";")
                .collect(Collectors.joining("\n"))
            + "\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
            + "class ReadmeSnippets {\n"
            + FREE_NAMES
            + "\n\n"
            + methods
            + "}\n\n"
            + classes;
    List<String> errors = compile(source);
    assertEquals(
        List.of(), errors, () -> "the README's snippets, as compiled:\n" + numbered(source));
  }

  @Test
  void theQuickStartPomIsWhatAConsumerNeeds() throws IOException {
    Matcher m = XML_BLOCK.matcher(readme());
    assertTrue(m.find(), "the quick start has a pom");
    String pom = m.group(1);
    assertTrue(pom.contains("<maven.compiler.release>17</maven.compiler.release>"), pom);
    assertTrue(pom.contains("<groupId>io.github.bt4j</groupId>"), pom);
    assertTrue(pom.contains("<artifactId>bt4j</artifactId>"), pom);
    String parent =
        Files.readString(Path.of(System.getProperty("bt4j.repoRoot")).resolve("pom.xml"));
    Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(parent);
    assertTrue(version.find());
    assertTrue(
        pom.contains("<version>" + version.group(1) + "</version>"),
        "the README's pom names this build's version " + version.group(1));
  }

  private static boolean declaresClasses(String code) {
    for (String line : code.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("//")) {
        continue;
      }
      return t.startsWith("@") || t.startsWith("class ") || t.startsWith("public class ");
    }
    return false;
  }

  private static List<String> compile(String source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///ReadmeSnippets.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    Path out;
    try {
      out = Files.createTempDirectory("readme-snippets");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    List<String> options =
        List.of(
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            out.toString(),
            "--release",
            "17",
            "-proc:none");
    javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }

  private static String numbered(String source) {
    String[] lines = source.split("\n");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
