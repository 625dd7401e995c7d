package dev.capstan.semver;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites hyphen ranges ({@code 1.2 - 1.4.5}) into {@code >= 1.2, <= 1.4.5 }, exactly as
 * Masterminds' {@code rewriteRange} does with its regular expression
 * {@code \s*(V)\s+-\s+(V)\s*}: every leftmost, non-overlapping match in the whole text is found
 * first, then each matched text is replaced at its first occurrence.
 *
 * <p>The matches are found in linear time without a backtracking regular expression. A version
 * {@code V} is {@code v? P (.P)? (.P)? (-I)? (+I)?} with parts {@code P = [0-9xX*|]+} and
 * identifiers {@code I = [0-9A-Za-z-]+ (. [0-9A-Za-z-]+)*}. Its pieces are delimited, so each
 * version is parsed greedily, and the first version of a match must end where its run of
 * non-space characters ends (whitespace must follow it). The match therefore starts at the
 * leftmost position of such a run from which the rest of the run is a version.
 */
final class HyphenRanges {
  private HyphenRanges() {
  }

  static String rewrite(String text) {
    int n = text.length();
    List<String[]> found = new ArrayList<>();
    int from = 0;
    int runStart = skipSpace(text, 0);
    while (runStart < n) {
      int runEnd = runStart;
      while (runEnd < n && !isSpace(text.charAt(runEnd))) {
        runEnd++;
      }
      int matchEnd = -1;
      int dash = skipSpace(text, runEnd);
      if (dash > runEnd && dash < n && text.charAt(dash) == '-') {
        int second = skipSpace(text, dash + 1);
        int secondEnd = second > dash + 1 ? versionEnd(text, second) : -1;
        if (secondEnd >= 0) {
          int first = leftmostVersionSuffix(text, Math.max(runStart, from), runEnd);
          if (first >= 0) {
            int start = first;
            while (start > from && isSpace(text.charAt(start - 1))) {
              start--;
            }
            matchEnd = skipSpace(text, secondEnd);
            found.add(new String[] {text.substring(start, matchEnd),
                text.substring(first, runEnd), text.substring(second, secondEnd)});
          }
        }
      }
      if (matchEnd >= 0) {
        from = matchEnd;
        runStart = skipSpace(text, matchEnd);
      } else {
        runStart = skipSpace(text, runEnd);
      }
    }
    String out = text;
    for (String[] r : found) {
      int at = out.indexOf(r[0]);
      if (at >= 0) {
        out = out.substring(0, at) + ">= " + r[1] + ", <= " + r[2] + " "
            + out.substring(at + r[0].length());
      }
    }
    return out;
  }

  /** Parses a version greedily from {@code i}; returns where it ends, or -1 when there is none. */
  static int versionEnd(String s, int i) {
    int n = s.length();
    if (i < n && s.charAt(i) == 'v' && i + 1 < n && isPart(s.charAt(i + 1))) {
      i++;
    }
    if (i >= n || !isPart(s.charAt(i))) {
      return -1;
    }
    i = skipPart(s, i);
    for (int k = 0; k < 2 && i + 1 < n && s.charAt(i) == '.' && isPart(s.charAt(i + 1)); k++) {
      i = skipPart(s, i + 1);
    }
    if (i + 1 < n && s.charAt(i) == '-' && isIdentifier(s.charAt(i + 1))) {
      i = skipIdentifiers(s, i + 1);
    }
    if (i + 1 < n && s.charAt(i) == '+' && isIdentifier(s.charAt(i + 1))) {
      i = skipIdentifiers(s, i + 1);
    }
    return i;
  }

  private static int skipPart(String s, int i) {
    while (i < s.length() && isPart(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipIdentifiers(String s, int i) {
    int n = s.length();
    while (i < n && isIdentifier(s.charAt(i))) {
      i++;
    }
    while (i + 1 < n && s.charAt(i) == '.' && isIdentifier(s.charAt(i + 1))) {
      i++;
      while (i < n && isIdentifier(s.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  /**
   * Returns the smallest {@code q} in {@code [lo, end)} such that {@code s[q, end)} is exactly a
   * version, or -1. {@code s[lo, end)} holds no whitespace. One right-to-left pass.
   */
  static int leftmostVersionSuffix(String s, int lo, int end) {
    // Build metadata: at most one '+', and what follows the last one must be identifiers.
    int lastPlus = s.lastIndexOf('+', end - 1);
    if (lastPlus < lo) {
      return leftmostBody(s, lo, end, end);
    }
    int secondPlus = s.lastIndexOf('+', lastPlus - 1);
    int withMeta = -1;
    if (identifiersExactly(s, lastPlus + 1, end)) {
      withMeta = leftmostBody(s, Math.max(lo, secondPlus + 1), lastPlus, lastPlus);
    }
    return withMeta >= 0 ? withMeta : leftmostBody(s, lastPlus + 1, end, end);
  }

  /**
   * The smallest {@code q} in {@code [lo, limit)} with {@code s[q, bodyEnd)} matching
   * {@code v? P(.P){0,2} (-I)?}, or -1.
   */
  private static int leftmostBody(String s, int lo, int limit, int bodyEnd) {
    int best = -1;
    boolean lastIsDot = bodyEnd > 0 && s.charAt(bodyEnd - 1) == '.';
    // identifiers s[j, bodyEnd): allowed characters and no ".." so far
    boolean idsChain = true;
    boolean idsOkNext = false;
    // the numeric part s[q, spanEnd), where spanEnd is the next '-' (or bodyEnd)
    int spanEnd = bodyEnd;
    boolean preOk = true;
    boolean numChain = true;
    int dots = 0;
    boolean numOkNext = false;
    for (int q = bodyEnd - 1; q >= lo; q--) {
      char c = s.charAt(q);
      boolean next = q + 1 < bodyEnd;
      idsChain = idsChain && (isIdentifier(c) || c == '.')
          && !(c == '.' && next && s.charAt(q + 1) == '.');
      boolean idsOk = idsChain && c != '.' && !lastIsDot;
      boolean numOk = false;
      boolean valid = false;
      if (c == '-') {
        spanEnd = q;
        preOk = next && idsOkNext;
        numChain = true;
        dots = 0;
      } else {
        numChain = numChain && (isPart(c) || c == '.')
            && !(c == '.' && q + 1 < spanEnd && s.charAt(q + 1) == '.');
        if (c == '.') {
          dots++;
        }
        numOk = numChain && c != '.' && s.charAt(spanEnd - 1) != '.' && dots <= 2;
        valid = preOk && (numOk || (c == 'v' && numOkNext));
      }
      if (valid && q < limit) {
        best = q;
      }
      idsOkNext = idsOk;
      numOkNext = numOk;
    }
    return best;
  }

  private static boolean identifiersExactly(String s, int from, int end) {
    return from < end && skipIdentifiers(s, from) == end && isIdentifier(s.charAt(from));
  }

  private static boolean isPart(char c) {
    return (c >= '0' && c <= '9') || c == 'x' || c == 'X' || c == '*' || c == '|';
  }

  private static boolean isIdentifier(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
