package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Archive entry names (§7.2): Helm's {@code TestLoadInvalidArchive} table from
 * {@code pkg/chart/v2/loader/load_test.go}, each archive holding one entry with that name.
 */
class ArchivePathRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("hostile entry names fail with Helm's error")
  @CsvSource(delimiter = '|', value = {
      "../../malformed-helm-test          | chart illegally references parent directory",
      "/foo/../../malformed-helm-test     | chart illegally references parent directory",
      "/../../malformed-helm-test         | chart illegally references parent directory",
      "./../../malformed-helm-test        | chart illegally references parent directory",
      "./.                                | chart illegally contains content outside the base directory",
      "/./.                               | chart illegally contains content outside the base directory",
      "missing-leading-slash              | chart illegally contains content outside the base directory",
      "/missing-leading-slash             | Chart.yaml file is missing",
      "//foo                              | chart illegally contains absolute paths",
      "///foo                             | chart illegally contains absolute paths",
      "\\\\foo                            | chart illegally contains absolute paths",
      "\\..\\..\\foo                      | chart illegally references parent directory",
      "\\.\\c:\\\\foo                     | chart contains illegally named files",
      "/./c://foo                         | chart contains illegally named files",
      "\\\\?\\Some\\windows\\magic        | chart illegally contains absolute paths",
  })
  void rejectsLikeHelm(String entry, String helmError) {
    byte[] tgz = TestArchives.archive().file(entry, "hello: world").tgz();

    assertThatThrownBy(() -> Charts.load(new ByteArrayInputStream(tgz), "illegal.tgz"))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageStartingWith("illegal.tgz: ")
        .hasMessageContaining(helmError);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("entries written with Windows separators load with / separators, as in Helm")
  void backslashSeparatorsAreNormalised() {
    byte[] tgz = TestArchives.archive()
        .file("win\\Chart.yaml", "apiVersion: v2\nname: win\nversion: 1.0.0\n")
        .file("win\\templates\\cm.yaml", "kind: ConfigMap\n").tgz();

    Chart chart = Charts.load(new ByteArrayInputStream(tgz), "win.tgz");

    assertThat(chart.templates()).extracting(ChartFile::name).containsExactly("templates/cm.yaml");
  }
}
