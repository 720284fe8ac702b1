package io.github.bt4j.spec;

import static io.github.bt4j.spec.SpecDocument.map;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the spec's prose (every {@code description} and {@code summary}) into text that a
 * Javadoc comment holds as it is, so that the templates can print it unescaped: one line; a
 * Markdown code span becomes {@code {@code ...}} (or stays in backticks where its braces do not
 * pair, which {@code {@code}} needs); {@code <}, {@code >} and {@code &} outside code become {@code
 * {@literal ...}}; a leading {@code @} cannot start a block tag; and neither {@code *}{@code /}
 * (which would end the comment) nor a backslash before {@code u} (which javac reads as a Unicode
 * escape, even in a comment) survives. Example values, defaults and enums are data, not prose, and
 * are left alone.
 */
final class JavadocText {
  private static final Set<String> PROSE = Set.of("description", "summary");
  private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const");

  private JavadocText() {}

  /** Rewrites every description and summary of {@code spec}; returns how many changed. */
  static int apply(SpecDocument spec) {
    return rewrite(spec.root());
  }

  private static int rewrite(Object node) {
    int changed = 0;
    if (node instanceof Map) {
      for (Map.Entry<String, Object> entry : map(node).entrySet()) {
        if (PROSE.contains(entry.getKey()) && entry.getValue() instanceof String) {
          String text = (String) entry.getValue();
          String javadoc = of(text);
          if (!javadoc.equals(text)) {
            entry.setValue(javadoc);
            changed++;
          }
        } else if (!DATA.contains(entry.getKey())) {
          changed += rewrite(entry.getValue());
        }
      }
    } else if (node instanceof List) {
      for (Object item : (List<?>) node) {
        changed += rewrite(item);
      }
    }
    return changed;
  }

  /** The Javadoc form of one piece of the spec's prose. */
  static String of(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < line.length()) {
      int open = line.indexOf('`', at);
      int close = open < 0 ? -1 : line.indexOf('`', open + 1);
      if (close < 0) {
        out.append(prose(line.substring(at)));
        break;
      }
      out.append(prose(line.substring(at, open)));
      out.append(code(line.substring(open + 1, close)));
      at = close + 1;
    }
    String javadoc = out.toString();
    return javadoc.startsWith("@") ? "{@literal @}" + javadoc.substring(1) : javadoc;
  }

  private static String prose(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '<' || c == '>' || c == '&') {
        out.append("{@literal ").append(c).append('}');
      } else {
        out.append(c);
      }
    }
    return safe(out.toString());
  }

  private static String code(String text) {
    if (text.isEmpty() || !bracesPair(text)) {
      return "`" + prose(text) + "`";
    }
    return "{@code " + safe(text) + "}";
  }

  /** No end of comment, no Unicode escape. */
  private static String safe(String text) {
    return text.replace("*/", "* /").replace("\\u", "\\ u");
  }

  private static boolean bracesPair(String text) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
