package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartFile;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateFilesTest {
  private final TemplateFiles files = TemplateFiles.of(List.of(
      ChartFile.of("config/app.properties", "a=1\nb=2\n"),
      ChartFile.of("config/nested/log.xml", "<log/>"),
      ChartFile.of("README.md", "# readme"),
      ChartFile.of("bin/data.bin", new byte[] {0, 1, 2, (byte) 255})));

  @Test
  @DisplayName("§7.3: get and getBytes return content, and empty for a missing file")
  void getAndGetBytes() {
    assertThat(files.get("README.md")).isEqualTo("# readme");
    assertThat(files.get("missing.txt")).isEmpty();
    assertThat(files.getBytes("bin/data.bin")).containsExactly(0, 1, 2, 255);
    assertThat(files.getBytes("missing.txt")).isEmpty();
  }

  @Test
  @DisplayName("§7.3: lines drops one trailing newline and splits on \\n")
  void lines() {
    assertThat(files.lines("config/app.properties")).containsExactly("a=1", "b=2");
    assertThat(files.lines("README.md")).containsExactly("# readme");
    assertThat(files.lines("missing")).isEmpty();
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @CsvSource(delimiter = '|', value = {
      "config/*|config/app.properties",
      "config/**|config/app.properties;config/nested/log.xml",
      "**.xml|config/nested/log.xml",
      "*.md|README.md",
      "*|README.md",
      "config/*.{properties,xml}|config/app.properties",
      "config/**.{properties,xml}|config/app.properties;config/nested/log.xml",
      "bin/dat?.bin|bin/data.bin",
      "[A-Z]*.md|README.md",
      "[!R]*.md|''",
      "config/[ab]pp.properties|config/app.properties",
      "[invalid|config/app.properties;config/nested/log.xml;README.md;bin/data.bin",
  })
  @DisplayName("§7.3: glob uses gobwas syntax with / as separator; an invalid pattern matches all")
  void glob(String pattern, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(";"));
    assertThat(files.glob(pattern).names()).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  @DisplayName("§7.3: asConfig maps base names to text; asSecrets to base64; keys sorted")
  void asConfigAndAsSecrets() {
    TemplateFiles config = files.glob("config/**");
    assertThat(config.asConfig()).isEqualTo("""
        app.properties: |
          a=1
          b=2
        log.xml: <log/>""");
    assertThat(files.glob("bin/*").asSecrets()).isEqualTo("data.bin: AAEC/w==");
    assertThat(files.glob("nothing/*").asConfig()).isEqualTo("{}");
  }
}
