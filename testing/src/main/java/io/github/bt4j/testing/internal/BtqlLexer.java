package io.github.bt4j.testing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL and BTQL text into tokens: words, {@code "quoted names"}, {@code 'strings'} (a doubled
 * quote escapes one), numbers and symbols. {@code --} starts a comment to the end of the line.
 */
final class BtqlLexer {
  /** The kinds of token. */
  enum Kind {
    WORD,
    QUOTED_NAME,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  /** One token and where it starts in the text. */
  record Token(Kind kind, String text, int position) {
    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How error messages show the token. */
    String describe() {
      return kind == Kind.END ? "the end of the query" : "'" + text + "' at " + position;
    }
  }

  private static final List<String> SYMBOLS =
      List.of(
          "=>", "!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ",", ".", "*", "+", "-", "/", ":",
          "|", ";");

  private BtqlLexer() {}

  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("--", i)) {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length() : eol;
      } else if (c == '\'' || c == '"') {
        i = quoted(text, i, c, tokens);
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
      } else {
        i = symbol(text, i, tokens);
      }
    }
    tokens.add(new Token(Kind.END, "", text.length()));
    return tokens;
  }

  private static int quoted(String text, int start, char quote, List<Token> tokens) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          value.append(quote);
          i += 2;
          continue;
        }
        Kind kind = quote == '\'' ? Kind.STRING : Kind.QUOTED_NAME;
        tokens.add(new Token(kind, value.toString(), start));
        return i + 1;
      }
      value.append(c);
      i++;
    }
    throw ApiError.badRequest("unterminated " + quote + " quote starting at " + start);
  }

  private static int symbol(String text, int i, List<Token> tokens) {
    for (String s : SYMBOLS) {
      if (text.startsWith(s, i)) {
        tokens.add(new Token(Kind.SYMBOL, s, i));
        return i + s.length();
      }
    }
    throw ApiError.badRequest("unexpected character '" + text.charAt(i) + "' at " + i);
  }
}
