package dev.capstan.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.values.ChartValues;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReleaseChart#of} on the fixture chart against the {@code chart} objects that real Helm
 * 4.1.4 and 3.21.0 stored for it (spec §1.4, §10.1).
 *
 * <p>Helm 4 stores each file's modification time. When Helm ran, every file of
 * {@code charts/mychart} had the time {@value #HELM_RUN_MTIME}; the copy in {@code ../shared} has
 * the time it was copied. So the test loads a copy of the chart whose files carry Helm's time
 * again, which is what Capstan would have read from the same directory.
 */
class ReleaseChartFixtureTest {
  private static final Path FIXTURES = Path.of("../../shared/fixtures");
  private static final Path RECORDS = FIXTURES.resolve("helm-records");
  private static final String HELM_RUN_MTIME = "2026-11-23T19:44:23Z";

  @TempDir static Path tmp;
  private static Path chartDir;

  @BeforeAll
  static void copyChartWithHelmsModTimes() throws IOException {
    Path source = FIXTURES.resolve("charts/mychart");
    chartDir = tmp.resolve("mychart");
    FileTime helmTime = FileTime.from(Instant.parse(HELM_RUN_MTIME));
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(source)) {
      s.forEach(all::add);
    }
    for (Path p : all) {
      Path target = chartDir.resolve(source.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.write(target, Files.readAllBytes(p));
        Files.setLastModifiedTime(target, helmTime);
      }
    }
  }

  static Stream<Path> helm4Records() throws IOException {
    return records("helm4");
  }

  static Stream<Path> helm3Records() throws IOException {
    return records("helm3");
  }

  private static Stream<Path> records(String line) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(RECORDS)) {
      s.filter(p -> p.getFileName().toString().endsWith(".raw.json"))
          .filter(p -> p.getParent().getFileName().toString().startsWith(line))
          .sorted().forEach(out::add);
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(12);
    return out.stream();
  }

  /** What install computed the chart with: {@code -f values-web.yaml --set replicaCount=N}. */
  private static Values userValues(Path raw) {
    String file = raw.getFileName().toString();
    if (file.contains(".gone.")) {
      return Values.empty();
    }
    String replicas = file.contains(".web.v3.") ? "3" : "2";
    return ValueSources.builder().valuesFile(RECORDS.resolve("values-web.yaml"))
        .set("replicaCount=" + replicas).build().merge();
  }

  /** Loads the chart and runs what install runs on it before storing: dependency processing. */
  private static ReleaseChart installedChart(Path raw) {
    Chart processed = ChartValues.compute(Charts.load(chartDir), userValues(raw)).chart();
    return ReleaseChart.of(processed);
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static String recordName(Path raw) {
    String f = raw.getFileName().toString();
    return f.substring(0, f.length() - ".raw.json".length());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helm4Records")
  @DisplayName("§1.4 [H4]: the record with Capstan's chart is byte for byte the record Helm 4 wrote")
  void helm4RecordIsByteForByteHelms(Path raw) throws IOException {
    // Given the record Helm 4 wrote
    String helms = read(raw);
    Release decoded = ReleaseCodec.fromJson(helms, recordName(raw));

    // When its chart is replaced by the one Capstan makes from the same chart
    String ours = ReleaseCodec.toJson(decoded.withChart(installedChart(raw)));

    // Then every byte is Helm's, the chart object included
    assertThat(JsonText.member(ours, "chart")).isEqualTo(JsonText.member(helms, "chart"));
    assertThat(ours).isEqualTo(helms);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helm4Records")
  @DisplayName("§1.4 [H4]: the stored chart equals the chart decoded from Helm 4's record")
  void equalsTheDecodedHelm4Chart(Path raw) throws IOException {
    // Given
    ReleaseChart helms = ReleaseCodec.fromJson(read(raw), recordName(raw)).chart();

    // When
    ReleaseChart ours = installedChart(raw);

    // Then
    assertThat(ours).isEqualTo(helms);
    assertThat(ours.modTime()).hasToString(HELM_RUN_MTIME);
    assertThat(ours.schemaModTime()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helm3Records")
  @DisplayName("§10.1: without Helm 4's mod times, the chart object is byte for byte Helm 3's")
  void helm3ChartIsByteForByteWithoutModTimes(Path raw) throws IOException {
    // Given the chart object Helm 3 wrote, which has no modtime or schemamodtime
    String helms = JsonText.member(read(raw), "chart");
    assertThat(helms).doesNotContain("modtime");

    // When Capstan writes the chart (Helm 4's form)
    Release r = Release.of("web", "default", 1, null, installedChart(raw), Values.empty(), "",
        List.of());
    String ours = JsonText.member(ReleaseCodec.toJson(r), "chart");

    // Then only Helm 4's mod time members differ
    assertThat(ours).contains("\"modtime\":\"" + HELM_RUN_MTIME + "\"")
        .contains("\"schemamodtime\":\"0001-01-01T00:00:00Z\"");
    assertThat(JsonText.withoutModTimes(ours)).isEqualTo(helms);
  }
}
