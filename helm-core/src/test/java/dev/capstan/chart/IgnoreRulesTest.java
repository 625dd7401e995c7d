package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code .helmignore} semantics (§7.2), re-expressed from Helm's {@code pkg/ignore/rules_test.go}. */
class IgnoreRulesTest {

  @Test
  @DisplayName("comments and blank lines are skipped; each other line is one rule")
  void parsesRules() {
    IgnoreRules rules = IgnoreRules.parse("#ignore\n\n\t#ignore\nfoo\nbar/*\nbaz/bar/foo.txt\n\none/more\n",
        "c/.helmignore");

    assertThat(rules.size()).isEqualTo(4);
    assertThat(rules.ignores("foo", false)).isTrue();
    assertThat(rules.ignores("bar/x", false)).isTrue();
    assertThat(rules.ignores("one/more", false)).isTrue();
    assertThat(rules.ignores("one/other", false)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"foo/**/bar", "[z-", "**"})
  @DisplayName("malformed rules fail with the file and line named")
  void rejectsMalformedRules(String rule) {
    assertThatThrownBy(() -> IgnoreRules.parse("# first\n" + rule + "\n", "c/.helmignore"))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageStartingWith("c/.helmignore:2: ")
        .hasMessageContaining(rule.contains("**") ? IgnoreRules.DOUBLE_STAR : "syntax error in pattern");
  }

  @Test
  @DisplayName("the default rule is templates/.?*")
  void addsDefaultRule() {
    IgnoreRules rules = IgnoreRules.defaults();

    assertThat(rules.size()).isEqualTo(1);
    assertThat(rules.ignores("templates/.dotfile", false)).isTrue();
    assertThat(rules.ignores("templates/a.yaml", false)).isFalse();
    assertThat(rules.ignores("templates/.", true)).isFalse();
  }

  @ParameterizedTest(name = "pattern {0} on {1} (dir={2}) -> {3}")
  @DisplayName("Helm's TestIgnore table")
  @CsvSource(delimiter = '|', value = {
      // Glob tests
      "helm.txt       | helm.txt           | false | true",
      "helm.*         | helm.txt           | false | true",
      "helm.*         | rudder.txt         | false | false",
      "*.txt          | tiller.txt         | false | true",
      "*.txt          | cargo/a.txt        | false | true",
      "cargo/*.txt    | cargo/a.txt        | false | true",
      "cargo/*.*      | cargo/a.txt        | false | true",
      "cargo/*.txt    | mast/a.txt         | false | false",
      "ru[c-e]?er.txt | rudder.txt         | false | true",
      "templates/.?*  | templates/.dotfile | false | true",
      // "." is never ignored (helm#1776)
      ".*             | .                  | true  | false",
      ".*             | ./                 | true  | false",
      ".*             | .joonix            | false | true",
      ".*             | helm.txt           | false | false",
      ".*             | ''                 | true  | false",
      // Directory tests
      "cargo/         | cargo              | true  | true",
      "cargo/         | cargo/             | true  | true",
      "cargo/         | mast/              | true  | false",
      "helm.txt/      | helm.txt           | false | false",
      // Negation tests: Helm ignores whatever a negated rule does not match
      "!helm.txt      | helm.txt           | false | false",
      "!helm.txt      | tiller.txt         | false | true",
      "!*.txt         | cargo              | true  | true",
      "!cargo/        | mast/              | true  | true",
      // Absolute path tests
      "/a.txt         | a.txt              | false | true",
      "/a.txt         | cargo/a.txt        | false | false",
      "/cargo/a.txt   | cargo/a.txt        | false | true",
  })
  void helmIgnoreTable(String pattern, String name, boolean isDir, boolean expected) {
    IgnoreRules rules = IgnoreRules.parse(pattern, ".helmignore");

    assertThat(rules.ignores(name, isDir)).isEqualTo(expected);
  }

  @Test
  @DisplayName("a directory load skips ignored files and whole ignored directories")
  void directoryLoadAppliesHelmignore(@TempDir Path dir) throws Exception {
    // Given
    Path c = Files.createDirectory(dir.resolve("demo"));
    Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 1.0.0\n");
    Files.writeString(c.resolve(".helmignore"), "*.bak\nsecret/\n/notes.txt\n");
    Files.createDirectories(c.resolve("templates/sub"));
    Files.createDirectories(c.resolve("secret"));
    Files.createDirectories(c.resolve("docs"));
    Files.writeString(c.resolve("templates/a.yaml"), "a");
    Files.writeString(c.resolve("templates/a.yaml.bak"), "a");
    Files.writeString(c.resolve("templates/.hidden"), "h");
    Files.writeString(c.resolve("templates/sub/.kept"), "k");
    Files.writeString(c.resolve("secret/key"), "k");
    Files.writeString(c.resolve("notes.txt"), "n");
    Files.writeString(c.resolve("docs/notes.txt"), "n");

    // When
    Chart chart = Charts.load(c);

    // Then
    assertThat(chart.templates()).extracting(ChartFile::name)
        .containsExactly("templates/a.yaml", "templates/sub/.kept");
    assertThat(chart.files()).extracting(ChartFile::name)
        .containsExactly(".helmignore", "docs/notes.txt");
  }
}
