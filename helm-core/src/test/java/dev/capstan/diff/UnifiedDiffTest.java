package dev.capstan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class UnifiedDiffTest {
  @Test
  @DisplayName("one changed line in a three-line text is one hunk with the other lines as context")
  void oneChangedLine() {
    // Given two texts that differ in their middle line
    String from = "a\nb\nc\n";
    String to = "a\nB\nc\n";

    // When diffed with 3 lines of context
    String hunks = UnifiedDiff.hunks(from, to, 3);

    // Then the hunk covers all three lines, removal before addition
    assertThat(hunks).isEqualTo("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  }

  @Test
  @DisplayName("equal texts, and two empty texts, give no hunks")
  void equalTexts() {
    assertThat(UnifiedDiff.hunks("a\nb\n", "a\nb\n", 3)).isEmpty();
    assertThat(UnifiedDiff.hunks("", "", 3)).isEmpty();
  }

  @Test
  @DisplayName("lines added to an empty text start at -0,0; a text emptied ends at +0,0")
  void emptySides() {
    assertThat(UnifiedDiff.hunks("", "x\ny\n", 3)).isEqualTo("@@ -0,0 +1,2 @@\n+x\n+y\n");
    assertThat(UnifiedDiff.hunks("x\n", "", 3)).isEqualTo("@@ -1 +0,0 @@\n-x\n");
  }

  @Test
  @DisplayName("a last line without a line feed is marked, and differs from the same line with one")
  void noNewlineAtEnd() {
    assertThat(UnifiedDiff.hunks("a\nb", "a\nb\n", 3))
        .isEqualTo("@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    assertThat(UnifiedDiff.hunks("a\n", "a\nz", 3))
        .isEqualTo("@@ -1 +1,2 @@\n a\n+z\n\\ No newline at end of file\n");
  }

  @Test
  @DisplayName("when every line changed, all removals come before all additions")
  void allLinesChanged() {
    assertThat(UnifiedDiff.hunks("a\nb\n", "c\nd\n", 3))
        .isEqualTo("@@ -1,2 +1,2 @@\n-a\n-b\n+c\n+d\n");
  }

  @Test
  @DisplayName("changes further apart than twice the context are separate hunks, closer ones one")
  void hunkSplitting() {
    // Given ten lines where the 2nd and the 9th change
    String from = numbered(10, -1, null);
    String to = numbered(10, 2, "two").replace("9\n", "nine\n");

    // When diffed with 1 and with 3 lines of context
    String narrow = UnifiedDiff.hunks(from, to, 1);
    String wide = UnifiedDiff.hunks(from, to, 3);

    // Then the six equal lines between them split the hunks at context 1 but not at context 3
    assertThat(narrow).isEqualTo("@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n"
        + "@@ -8,3 +8,3 @@\n 8\n-9\n+nine\n 10\n");
    assertThat(wide).isEqualTo("@@ -1,10 +1,10 @@\n 1\n-2\n+two\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n"
        + "+nine\n 10\n");
  }

  @Test
  @DisplayName("with no context, an insertion names the line it follows and a count of 0")
  void zeroContext() {
    assertThat(UnifiedDiff.hunks("a\nb\n", "a\nx\nb\n", 0)).isEqualTo("@@ -1,0 +2 @@\n+x\n");
    assertThat(UnifiedDiff.hunks("a\nx\nb\n", "a\nb\n", 0)).isEqualTo("@@ -2 +1,0 @@\n-x\n");
  }

  @Test
  @DisplayName("property: for random line lists, applying the hunks to the old text gives the new")
  void hunksApplyToGiveTheNewText() {
    Random random = new Random(20261123);
    for (int round = 0; round < 3_000; round++) {
      // Given random texts over a small alphabet (many repeated lines), sometimes unterminated
      String from = randomText(random);
      String to = random.nextInt(4) == 0 ? mutate(random, from) : randomText(random);
      int context = random.nextInt(5);

      // When diffed
      String hunks = UnifiedDiff.hunks(from, to, context);

      // Then the hunks turn the old text into the new one exactly
      assertThat(Patches.apply(from, hunks))
          .as("from %s to %s, context %d", show(from), show(to), context).isEqualTo(to);
    }
  }

  @Test
  @DisplayName("property: the edit script is a shortest one (as long as the LCS allows)")
  void editScriptIsMinimal() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      // Given random line lists
      List<String> a = UnifiedDiff.lines(randomText(random));
      List<String> b = UnifiedDiff.lines(randomText(random));

      // When diffed
      LineDiff.Edits edits = LineDiff.diff(a, b);

      // Then the number of edits is n + m - 2 * LCS, computed by dynamic programming
      int count = 0;
      for (boolean r : edits.removed()) {
        count += r ? 1 : 0;
      }
      for (boolean x : edits.added()) {
        count += x ? 1 : 0;
      }
      assertThat(count).as("%s -> %s", a, b).isEqualTo(a.size() + b.size() - 2 * lcs(a, b));
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  @DisplayName("10,000-line texts with a few changes, or with every line changed, diff correctly")
  void longTexts() {
    // Given a 10,000-line text, a copy with three changes and a text of other lines
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      base.append("  key").append(i).append(": value ").append(i % 97).append('\n');
    }
    String from = base.toString();
    String fewChanges = from.replace("  key10: value 10\n", "  key10: changed\n")
        .replace("  key5000: value 53\n", "")
        .replace("  key9999: value 8\n", "  key9999: value 8\n  added: line\n");
    String allChanged = from.replace("value", "other");

    // When diffed
    String few = UnifiedDiff.hunks(from, fewChanges, 3);
    String all = UnifiedDiff.hunks(from, allChanged, 3);

    // Then the patches are small where the change is small, and both apply
    assertThat(few.lines().filter(l -> l.startsWith("@@"))).hasSize(3);
    assertThat(few.lines().filter(l -> l.startsWith("-") || l.startsWith("+"))).hasSize(4);
    assertThat(Patches.apply(from, few)).isEqualTo(fewChanges);
    assertThat(all).startsWith("@@ -1,10000 +1,10000 @@\n");
    assertThat(Patches.apply(from, all)).isEqualTo(allChanged);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  @DisplayName("long texts of the same lines in a different order stay correct")
  void longReordering() {
    // Given 2,000 lines of two repeated values, then the same lines sorted
    Random random = new Random(3);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      lines.add(random.nextBoolean() ? "x\n" : "y\n");
    }
    String from = String.join("", lines);
    lines.sort(null);
    String to = String.join("", lines);

    // When diffed, then the hunks apply
    assertThat(Patches.apply(from, UnifiedDiff.hunks(from, to, 2))).isEqualTo(to);
  }

  private static String numbered(int n, int replace, String with) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append(i == replace ? with : Integer.toString(i)).append('\n');
    }
    return sb.toString();
  }

  private static String randomText(Random random) {
    String[] alphabet = {"a", "b", "c", "d", "  e: 1", ""};
    int n = random.nextInt(random.nextInt(5) == 0 ? 40 : 12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet[random.nextInt(alphabet.length)]).append('\n');
    }
    if (n > 0 && random.nextInt(4) == 0) {
      sb.setLength(sb.length() - 1);
    }
    return sb.toString();
  }

  private static String mutate(Random random, String text) {
    List<String> lines = new ArrayList<>(UnifiedDiff.lines(text));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
      switch (random.nextInt(3)) {
        case 0 -> lines.add(at, "new" + e + "\n");
        case 1 -> {
          if (!lines.isEmpty()) {
            lines.remove(at);
          }
        }
        default -> {
          if (!lines.isEmpty()) {
            lines.set(at, "changed" + e + "\n");
          }
        }
      }
    }
    return String.join("", lines);
  }

  private static int lcs(List<String> a, List<String> b) {
    int[][] t = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1
            : Math.max(t[i + 1][j], t[i][j + 1]);
      }
    }
    return t[0][0];
  }

  private static String show(String s) {
    return "\"" + s.replace("\n", "\\n") + "\"";
  }
}
