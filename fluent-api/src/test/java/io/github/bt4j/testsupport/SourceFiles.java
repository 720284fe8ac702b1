package io.github.bt4j.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Java sources read as text, for the tests that check what sources say. */
public final class SourceFiles {
  private SourceFiles() {}

  /**
   * Every {@code .java} file below {@code dir}, in path order.
   *
   * @param dir the folder to walk
   * @return the files
   */
  public static List<Path> javaFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file's text.
   *
   * @param file the file, in UTF-8
   * @return its text
   */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every match of {@code pattern} in {@code source}, line by line.
   *
   * @param name the file name the results start with
   * @param source the text to search
   * @param pattern what to look for within one line
   * @return one {@code name:line: match} per match, in order
   */
  public static List<String> matches(String name, String source, Pattern pattern) {
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = pattern.matcher(lines[i]);
      while (m.find()) {
        found.add(name + ":" + (i + 1) + ": " + m.group());
      }
    }
    return found;
  }
}
