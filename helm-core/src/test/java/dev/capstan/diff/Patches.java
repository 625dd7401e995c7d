package dev.capstan.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small applier of unified-diff hunks, strict enough to catch a wrong hunk. */
final class Patches {
  private static final Pattern HUNK =
      Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@\n");

  private Patches() {}

  /**
   * Applies {@code hunks} to {@code old}.
   *
   * @throws AssertionError when a hunk header, a context line, a removed line or a line count does
   *     not match the text
   */
  static String apply(String old, String hunks) {
    List<String> src = UnifiedDiff.lines(old);
    List<String> patch = UnifiedDiff.lines(hunks);
    List<String> out = new ArrayList<>();
    int pos = 0;
    int k = 0;
    while (k < patch.size()) {
      Matcher m = HUNK.matcher(patch.get(k++));
      if (!m.matches()) {
        throw new AssertionError("not a hunk header: " + patch.get(k - 1));
      }
      int aStart = Integer.parseInt(m.group(1));
      int aCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int bStart = Integer.parseInt(m.group(3));
      int bCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      int from = aCount == 0 ? aStart : aStart - 1;
      if (from < pos) {
        throw new AssertionError("hunks overlap or go backwards at -" + aStart);
      }
      while (pos < from) {
        out.add(src.get(pos++));
      }
      if (out.size() != (bCount == 0 ? bStart : bStart - 1)) {
        throw new AssertionError("new start " + bStart + " does not match line " + out.size());
      }
      int seenA = 0;
      int seenB = 0;
      while (k < patch.size() && !patch.get(k).startsWith("@@")) {
        String line = patch.get(k++);
        char op = line.charAt(0);
        String body = line.substring(1);
        if (k < patch.size() && patch.get(k).equals(UnifiedDiff.NO_NEWLINE)) {
          body = body.substring(0, body.length() - 1);
          k++;
        }
        switch (op) {
          case ' ', '-' -> {
            if (pos >= src.size() || !src.get(pos).equals(body)) {
              throw new AssertionError("line " + (pos + 1) + " is not " + body);
            }
            pos++;
            seenA++;
            if (op == ' ') {
              out.add(body);
              seenB++;
            }
          }
          case '+' -> {
            out.add(body);
            seenB++;
          }
          default -> throw new AssertionError("bad line in hunk: " + line);
        }
      }
      if (seenA != aCount || seenB != bCount) {
        throw new AssertionError("hunk -" + aStart + " counts " + seenA + "/" + seenB
            + " lines, header says " + aCount + "/" + bCount);
      }
    }
    while (pos < src.size()) {
      out.add(src.get(pos++));
    }
    return String.join("", out);
  }
}
