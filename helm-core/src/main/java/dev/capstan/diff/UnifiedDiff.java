package dev.capstan.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the hunks of a unified diff between two texts, in the format of GNU {@code diff -u}.
 *
 * <p>A hunk starts with {@code @@ -a,b +c,d @@}: {@code a} is the first old line of the hunk
 * (1-based) and {@code b} the number of old lines it covers, {@code c} and {@code d} the same for
 * the new text. A count of 1 is left out ({@code @@ -3 +3 @@}); a range of no lines gives the line
 * before it ({@code -0,0} for an insertion into an empty text). Each line follows with a prefix:
 * {@code ' '} for context, {@code '-'} removed, {@code '+'} added; removals come before
 * additions. A last line without a line feed is followed by {@code \ No newline at end of file}.
 * Changes separated by no more than twice the context are one hunk.
 */
final class UnifiedDiff {
  static final String NO_NEWLINE = "\\ No newline at end of file\n";

  private UnifiedDiff() {}

  /** The hunks that turn {@code from} into {@code to}, or {@code ""} when the texts are equal. */
  static String hunks(String from, String to, int context) {
    if (from.equals(to)) {
      return "";
    }
    List<String> a = lines(from);
    List<String> b = lines(to);
    LineDiff.Edits edits = LineDiff.diff(a, b);
    List<int[]> blocks = blocks(edits, a.size(), b.size());
    StringBuilder out = new StringBuilder();
    int first = 0;
    while (first < blocks.size()) {
      int last = first;
      while (last + 1 < blocks.size()
          && blocks.get(last + 1)[0] - blocks.get(last)[1] <= 2L * context) {
        last++;
      }
      hunk(out, a, b, blocks, first, last, context);
      first = last + 1;
    }
    return out.toString();
  }

  /** The lines of {@code text}, each with its line feed; the last one may have none. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int eol = text.indexOf('\n', start);
      int end = eol < 0 ? text.length() : eol + 1;
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  /** The changed stretches as {@code {i1, i2, j1, j2}}: old {@code [i1, i2)} became new {@code [j1, j2)}. */
  private static List<int[]> blocks(LineDiff.Edits edits, int n, int m) {
    boolean[] removed = edits.removed();
    boolean[] added = edits.added();
    List<int[]> blocks = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if ((i < n && removed[i]) || (j < m && added[j])) {
        int i0 = i;
        int j0 = j;
        while (i < n && removed[i]) {
          i++;
        }
        while (j < m && added[j]) {
          j++;
        }
        blocks.add(new int[] {i0, i, j0, j});
      } else if (i < n && j < m) {
        i++;
        j++;
      } else {
        throw new IllegalStateException("kept lines do not pair up at " + i + "," + j);
      }
    }
    return blocks;
  }

  private static void hunk(StringBuilder out, List<String> a, List<String> b, List<int[]> blocks,
      int first, int last, int context) {
    int[] head = blocks.get(first);
    int[] tail = blocks.get(last);
    int before = first == 0 ? head[0] : head[0] - blocks.get(first - 1)[1];
    int after = last == blocks.size() - 1 ? a.size() - tail[1] : blocks.get(last + 1)[0] - tail[1];
    int lead = Math.min(context, before);
    int trail = Math.min(context, after);
    int aStart = head[0] - lead;
    int bStart = head[2] - lead;
    int aEnd = tail[1] + trail;
    int bEnd = tail[3] + trail;
    out.append("@@ -").append(range(aStart, aEnd - aStart)).append(" +")
        .append(range(bStart, bEnd - bStart)).append(" @@\n");
    int pos = aStart;
    for (int k = first; k <= last; k++) {
      int[] block = blocks.get(k);
      for (int i = pos; i < block[0]; i++) {
        line(out, ' ', a.get(i));
      }
      for (int i = block[0]; i < block[1]; i++) {
        line(out, '-', a.get(i));
      }
      for (int j = block[2]; j < block[3]; j++) {
        line(out, '+', b.get(j));
      }
      pos = block[1];
    }
    for (int i = pos; i < aEnd; i++) {
      line(out, ' ', a.get(i));
    }
  }

  private static String range(int start, int count) {
    if (count == 1) {
      return Integer.toString(start + 1);
    }
    return (count == 0 ? start : start + 1) + "," + count;
  }

  private static void line(StringBuilder out, char prefix, String line) {
    out.append(prefix);
    if (line.endsWith("\n")) {
      out.append(line);
    } else {
      out.append(line).append('\n').append(NO_NEWLINE);
    }
  }
}
