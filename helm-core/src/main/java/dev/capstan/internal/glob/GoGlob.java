package dev.capstan.internal.glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shell pattern with the semantics of Go's {@code path/filepath.Match} on a Unix system (§7.2):
 * {@code *} matches any run of characters other than {@code /}, {@code ?} one such character,
 * {@code [...]} a character class ({@code ^} negates, {@code a-z} ranges), and {@code \} escapes
 * the next character. A malformed pattern is rejected as Go rejects it.
 */
public final class GoGlob {
  private final Pattern regex;

  private GoGlob(Pattern regex) {
    this.regex = regex;
  }

  /** Compiles {@code pattern}, or returns empty when Go would answer {@code ErrBadPattern}. */
  public static Optional<GoGlob> compile(String pattern) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> {
          re.append("[^/]*");
          i++;
        }
        case '?' -> {
          re.append("[^/]");
          i++;
        }
        case '\\' -> {
          if (i + 1 >= n) {
            return Optional.empty();
          }
          re.append(Pattern.quote(String.valueOf(pattern.charAt(i + 1))));
          i += 2;
        }
        case '[' -> {
          int end = parseClass(pattern, i + 1, re);
          if (end < 0) {
            return Optional.empty();
          }
          i = end;
        }
        default -> {
          re.append(Pattern.quote(String.valueOf(c)));
          i++;
        }
      }
    }
    return Optional.of(new GoGlob(Pattern.compile(re.toString(), Pattern.DOTALL)));
  }

  /** Appends a regex for the Go class starting after '['; returns the index after ']' or -1. */
  private static int parseClass(String p, int start, StringBuilder re) {
    int i = start;
    int n = p.length();
    boolean negated = false;
    if (i < n && p.charAt(i) == '^') {
      negated = true;
      i++;
    }
    List<String> alternatives = new ArrayList<>();
    while (true) {
      if (i >= n) {
        return -1;
      }
      if (p.charAt(i) == ']' && !alternatives.isEmpty()) {
        i++;
        break;
      }
      int[] lo = escapedChar(p, i);
      if (lo == null) {
        return -1;
      }
      i = lo[1];
      int hi = lo[0];
      if (i < n && p.charAt(i) == '-') {
        int[] h = escapedChar(p, i + 1);
        if (h == null) {
          return -1;
        }
        hi = h[0];
        i = h[1];
      }
      // Go accepts an inverted range; it matches nothing.
      alternatives.add(hi < lo[0] ? "(?!)"
          : "[\\x{" + Integer.toHexString(lo[0]) + "}-\\x{" + Integer.toHexString(hi) + "}]");
    }
    String any = String.join("|", alternatives);
    re.append(negated ? "(?:(?!" + any + ").)" : "(?:" + any + ")");
    return i;
  }

  /** Reads one possibly escaped class character: {codePoint, nextIndex}, or null when malformed. */
  private static int[] escapedChar(String p, int i) {
    int n = p.length();
    if (i >= n) {
      return null;
    }
    char c = p.charAt(i);
    if (c == '-' || c == ']') {
      return null;
    }
    if (c == '\\') {
      i++;
      if (i >= n) {
        return null;
      }
    }
    int cp = p.codePointAt(i);
    return new int[] {cp, i + Character.charCount(cp)};
  }

  /** Whether {@code name} matches the whole pattern. */
  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }
}
