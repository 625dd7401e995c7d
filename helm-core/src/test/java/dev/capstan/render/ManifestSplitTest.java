package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManifestSplitTest {
  /** Helm's separator, {@code (?:^|\s*\n)---\s*}, with RE2's {@code \s}. */
  private static final Pattern HELM = Pattern.compile("(?:^|[\\t\\n\\f\\r ]*\\n)---[\\t\\n\\f\\r ]*");

  private static List<String> helmSplit(String content) {
    List<String> docs = new ArrayList<>();
    for (String d : HELM.split(content, -1)) {
      if (!d.isBlank()) {
        docs.add(d.strip());
      }
    }
    return docs;
  }

  @Test
  @DisplayName("the hand-written split gives what Helm's separator regex gives, on 20,000 random texts")
  void sameAsHelmRegex() {
    Random random = new Random(42);
    String[] atoms = {"-", "---", "\n", " ", "\t", "a", "kind: X", "\r\n", "----"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(12);
      for (int j = 0; j < len; j++) {
        sb.append(atoms[random.nextInt(atoms.length)]);
      }
      String text = sb.toString();
      assertThat(ManifestSorter.split(text)).as("%s", text.replace("\n", "\\n")).isEqualTo(helmSplit(text));
    }
  }

  @Test
  @DisplayName("documents are split on --- lines and trimmed; empty ones are dropped")
  void typical() {
    assertThat(ManifestSorter.split("---\na: 1\n---\nb: 2\n  ---x\n---\n\n"))
        .containsExactly("a: 1", "b: 2\n  ---x");
    // As with Helm's regex, a separator's trailing blank lines are consumed, so a "---" right
    // after them is not a separator but text of the next document.
    assertThat(ManifestSorter.split("a: 1\n---\n\n---\nb: 2")).containsExactly("a: 1", "---\nb: 2");
  }
}
