package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.internal.yaml.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads the charts that real Helm produced (fixtures) and compares them with the files (§7.2). */
class FixtureChartsTest {
  static final Path FIXTURES = Path.of("../../shared/fixtures");
  static final Path MYCHART = FIXTURES.resolve("charts/mychart");

  @Test
  @DisplayName("the mychart directory loads with metadata, values, templates and files as on disk")
  void loadsFixtureDirectory() throws IOException {
    // Given the chart directory made by `helm create`
    // When
    Chart chart = Charts.load(MYCHART);

    // Then metadata equals Chart.yaml
    Map<String, Object> yaml = chartYaml(Files.readString(MYCHART.resolve("Chart.yaml")));
    assertThat(chart.metadata().apiVersion()).isEqualTo(yaml.get("apiVersion"));
    assertThat(chart.metadata().name()).isEqualTo(yaml.get("name"));
    assertThat(chart.metadata().version()).isEqualTo(yaml.get("version"));
    assertThat(chart.metadata().appVersion()).isEqualTo(yaml.get("appVersion"));
    assertThat(chart.metadata().description()).isEqualTo(yaml.get("description"));
    assertThat(chart.metadata().type().wireName()).isEqualTo(yaml.get("type"));
    // values: the raw bytes are kept and parse to the same tree
    byte[] valuesOnDisk = Files.readAllBytes(MYCHART.resolve("values.yaml"));
    assertThat(chart.rawValues()).get().extracting(ChartFile::data).isEqualTo(valuesOnDisk);
    assertThat(chart.values()).isEqualTo(
        ChartYaml.readValues(new String(valuesOnDisk, StandardCharsets.UTF_8), "values.yaml"));
    assertThat(chart.values().get("image.repository")).contains("nginx");
    // templates: every file under templates/, sorted by path
    List<String> onDisk = new ArrayList<>();
    try (Stream<Path> s = Files.walk(MYCHART.resolve("templates"))) {
      s.filter(Files::isRegularFile)
          .forEach(p -> onDisk.add(MYCHART.relativize(p).toString().replace('\\', '/')));
    }
    onDisk.sort(null);
    assertThat(chart.templates()).extracting(ChartFile::name).containsExactlyElementsOf(onDisk);
    for (ChartFile t : chart.templates()) {
      assertThat(t.data()).isEqualTo(Files.readAllBytes(MYCHART.resolve(t.name())));
    }
    // files: only .helmignore (Chart.yaml, values.yaml and templates are not files)
    assertThat(chart.files()).extracting(ChartFile::name).containsExactly(".helmignore");
    assertThat(chart.subcharts()).isEmpty();
    assertThat(chart.lock()).isEmpty();
    assertThat(chart.schema()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mychart-0.1.0.tgz", "mychart-0.2.0.tgz"})
  @DisplayName("a package made by `helm package` loads with what its tar entries hold")
  void loadsFixturePackages(String name) throws IOException {
    // Given
    Path tgz = FIXTURES.resolve("packaging/repo").resolve(name);
    Map<String, byte[]> entries = tarEntries(tgz);

    // When
    Chart chart = Charts.load(tgz);

    // Then
    Map<String, Object> yaml = chartYaml(
        new String(entries.get("mychart/Chart.yaml"), StandardCharsets.UTF_8));
    assertThat(chart.metadata().name()).isEqualTo(yaml.get("name"));
    assertThat(chart.metadata().version()).isEqualTo(yaml.get("version"))
        .isEqualTo(name.substring("mychart-".length(), name.length() - ".tgz".length()));
    assertThat(chart.metadata().appVersion()).isEqualTo(yaml.get("appVersion"));
    assertThat(chart.rawValues()).get().extracting(ChartFile::data)
        .isEqualTo(entries.get("mychart/values.yaml"));
    List<String> templates = entries.keySet().stream()
        .filter(k -> k.startsWith("mychart/templates/"))
        .map(k -> k.substring("mychart/".length())).sorted().toList();
    assertThat(chart.templates()).extracting(ChartFile::name).containsExactlyElementsOf(templates);
    for (ChartFile t : chart.templates()) {
      assertThat(t.data()).isEqualTo(entries.get("mychart/" + t.name()));
    }
    assertThat(chart.files()).extracting(ChartFile::name).containsExactly(".helmignore");
  }

  @Test
  @DisplayName("the directory and its Helm package load to the same chart, each file with its own mod time")
  void directoryAndPackageAgree() throws IOException {
    Chart dir = Charts.load(MYCHART);
    Chart tgz = Charts.load(FIXTURES.resolve("packaging/repo/mychart-0.1.0.tgz"));

    assertThat(tgz.metadata()).isEqualTo(dir.metadata());
    assertThat(tgz.values()).isEqualTo(dir.values());
    assertThat(withoutModTimes(tgz.templates())).isEqualTo(withoutModTimes(dir.templates()));
    assertThat(withoutModTimes(tgz.files())).isEqualTo(withoutModTimes(dir.files()));
    // the directory's files carry the file system's times, the package's its entries' times
    Instant packaged = Instant.parse("2026-11-23T19:44:23Z");
    assertThat(tgz.templates()).allSatisfy(t -> assertThat(t.modTime()).contains(packaged));
    assertThat(tgz.modTime()).contains(packaged);
    assertThat(dir.modTime()).contains(
        Files.getLastModifiedTime(MYCHART.resolve("Chart.yaml")).toInstant());
    for (ChartFile t : dir.templates()) {
      assertThat(t.modTime()).contains(
          Files.getLastModifiedTime(MYCHART.resolve(t.name())).toInstant());
    }
  }

  private static List<ChartFile> withoutModTimes(List<ChartFile> files) {
    return files.stream().map(f -> f.withModTime(null)).toList();
  }

  @Test
  @DisplayName("unpacking Helm's package writes exactly its entries under target/mychart/")
  void unpacksFixturePackage(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    Path tgz = FIXTURES.resolve("packaging/repo/mychart-0.1.0.tgz");

    Path dir = ChartArchives.unpack(tgz, tmp);

    Map<String, byte[]> entries = tarEntries(tgz);
    List<String> written = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).forEach(p -> written.add("mychart/" + dir.relativize(p)));
    }
    assertThat(written).containsExactlyInAnyOrderElementsOf(entries.keySet());
    for (String name : written) {
      assertThat(Files.readAllBytes(tmp.resolve(name))).as(name).isEqualTo(entries.get(name));
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> chartYaml(String text) {
    return (Map<String, Object>) Yaml.load(text, "Chart.yaml");
  }

  static Map<String, byte[]> tarEntries(Path tgz) throws IOException {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new java.util.zip.GZIPInputStream(Files.newInputStream(tgz)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        out.put(e.getName(), tar.readAllBytes());
      }
    }
    return out;
  }
}
