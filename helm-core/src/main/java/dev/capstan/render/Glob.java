package dev.capstan.render;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A glob pattern with {@code /} as the separator, with the syntax of the gobwas/glob library that
 * Helm's {@code .Files.Glob} uses: {@code *} (any run of characters except {@code /}), {@code **}
 * (any run, {@code /} included), {@code ?} (one character except {@code /}), {@code [abc]},
 * {@code [a-z]}, {@code [!abc]}, {@code {a,b}} alternatives (nestable) and {@code \} escapes.
 */
final class Glob {
  private final Pattern regex;

  private Glob(Pattern regex) {
    this.regex = regex;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException when the pattern is malformed (an unclosed {@code [} or
   *     {@code {}, a trailing {@code \})
   */
  static Glob compile(String pattern) {
    StringBuilder re = new StringBuilder();
    int[] pos = {0};
    translate(pattern, pos, re, false);
    if (pos[0] != pattern.length()) {
      throw new IllegalArgumentException("unexpected '" + pattern.charAt(pos[0]) + "' in glob "
          + pattern);
    }
    try {
      return new Glob(Pattern.compile(re.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid glob " + pattern + ": " + e.getDescription(), e);
    }
  }

  /** Whether {@code name} matches the whole pattern. */
  boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  private static void translate(String p, int[] pos, StringBuilder re, boolean inAlternative) {
    while (pos[0] < p.length()) {
      char c = p.charAt(pos[0]);
      if (inAlternative && (c == ',' || c == '}')) {
        return;
      }
      pos[0]++;
      switch (c) {
        case '*' -> {
          if (pos[0] < p.length() && p.charAt(pos[0]) == '*') {
            pos[0]++;
            re.append(".*");
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> charClass(p, pos, re);
        case '{' -> {
          re.append("(?:");
          boolean first = true;
          while (true) {
            if (!first) {
              re.append('|');
            }
            first = false;
            translate(p, pos, re, true);
            if (pos[0] >= p.length()) {
              throw new IllegalArgumentException("unclosed '{' in glob " + p);
            }
            char end = p.charAt(pos[0]++);
            if (end == '}') {
              break;
            }
          }
          re.append(')');
        }
        case '\\' -> {
          if (pos[0] >= p.length()) {
            throw new IllegalArgumentException("trailing '\\' in glob " + p);
          }
          re.append(Pattern.quote(String.valueOf(p.charAt(pos[0]++))));
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
  }

  private static void charClass(String p, int[] pos, StringBuilder re) {
    int close = p.indexOf(']', pos[0]);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed '[' in glob " + p);
    }
    String body = p.substring(pos[0], close);
    pos[0] = close + 1;
    boolean negate = body.startsWith("!");
    if (negate) {
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("empty character class in glob " + p);
    }
    StringBuilder cls = new StringBuilder(negate ? "[^/" : "[");
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch == '-' && i > 0 && i < body.length() - 1) {
        cls.append('-');
      } else if (Character.isLetterOrDigit(ch)) {
        cls.append(ch);
      } else {
        cls.append('\\').append(ch);
      }
    }
    re.append(cls).append(']');
  }
}
