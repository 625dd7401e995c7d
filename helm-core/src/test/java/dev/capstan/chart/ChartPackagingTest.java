package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code helm package} layout (§7.2) and round trips through the loader. */
class ChartPackagingTest {
  static final Instant MTIME = Instant.parse("2026-11-23T19:44:00Z");
  @TempDir Path tmp;

  @Test
  @DisplayName("mychart packages with Helm's name, entry order, modes and injected mtime")
  void packagesLikeHelm() throws IOException {
    // Given
    Chart chart = Charts.load(FixtureChartsTest.MYCHART);

    // When
    Path tgz = Charts.save(chart, tmp.resolve("out"), MTIME);

    // Then
    assertThat(tgz.getFileName().toString()).isEqualTo("mychart-0.1.0.tgz");
    List<TarArchiveEntry> ours = entries(tgz);
    List<String> helmOrder = new ArrayList<>();
    for (String line : Files.readAllLines(
        FixtureChartsTest.FIXTURES.resolve("packaging/mychart-0.1.0.tgz.listing.txt"))) {
      if (!line.isBlank()) {
        helmOrder.add(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    assertThat(ours).extracting(TarArchiveEntry::getName).containsExactlyElementsOf(helmOrder);
    assertThat(ours).allSatisfy(e -> {
      assertThat(e.getMode() & 07777).isEqualTo(0644);
      assertThat(e.getModTime().toInstant()).isEqualTo(MTIME);
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
    });
    Map<String, byte[]> helms = FixtureChartsTest.tarEntries(
        FixtureChartsTest.FIXTURES.resolve("packaging/repo/mychart-0.1.0.tgz"));
    Map<String, byte[]> mine = FixtureChartsTest.tarEntries(tgz);
    assertThat(mine.keySet()).containsExactlyElementsOf(helms.keySet());
    helms.forEach((name, data) -> assertThat(mine.get(name)).as(name).isEqualTo(data));
  }

  @Test
  @DisplayName("packaging is deterministic for a given mtime")
  void deterministic() throws IOException {
    Chart chart = Charts.load(FixtureChartsTest.MYCHART);

    byte[] a = Files.readAllBytes(Charts.save(chart, tmp.resolve("a"), MTIME));
    byte[] b = Files.readAllBytes(Charts.save(chart, tmp.resolve("b"), MTIME));

    assertThat(a).isEqualTo(b);
  }

  @Test
  @DisplayName("a chart with lock, schema, files and subcharts round-trips through save and load")
  void roundTrips() throws IOException {
    // Given
    Chart sub = Chart.builder(ChartMetadata.of("sub", "0.2.0"))
        .values(Values.of(Map.of("port", 80.0)))
        .addTemplate(ChartFile.of("templates/svc.yaml", "kind: Service\n"))
        .build();
    ChartMetadata md = new ChartMetadata("v2", "app", "1.2.3", ">=1.20.0-0", "An app",
        ChartType.APPLICATION, List.of("web"), "https://example.test", List.of(),
        List.of(new Maintainer("Ann", "ann@example.test", null)), null, "1.0", false,
        Map.of("category", "Web"),
        List.of(new Dependency("sub", "0.2.0", "file://charts/sub", "sub.enabled", List.of(),
            false, List.of(), null)),
        null, null);
    Chart chart = Chart.builder(md)
        .lock(new ChartLock("2026-01-02T03:04:05Z", "sha256:abc",
            List.of(new Dependency("sub", "0.2.0", "file://charts/sub", null, List.of(), false,
                List.of(), null))))
        .values(ChartYaml.readValues("# comment\nreplicas: 1\n", "values.yaml"))
        .rawValues(ChartFile.of("values.yaml", "# comment\nreplicas: 1\n"))
        .schema("{\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8))
        .addTemplate(ChartFile.of("templates/a.yaml", "kind: A\n"))
        .addFile(ChartFile.of("README.md", "# App\n"))
        .addFile(ChartFile.of("crds/crd.yaml", "kind: CustomResourceDefinition\n"))
        .addSubchart(sub)
        .build();

    // When
    Path tgz = Charts.save(chart, tmp, MTIME);
    Chart back = Charts.load(tgz);

    // Then
    assertThat(back.metadata()).isEqualTo(md);
    assertThat(back.lock()).isEqualTo(chart.lock());
    assertThat(back.values()).isEqualTo(chart.values());
    // every entry comes back with the archive's mod time
    assertThat(back.rawValues()).contains(chart.rawValues().get().withModTime(MTIME));
    assertThat(back.schema()).get().isEqualTo(chart.schema().get());
    assertThat(back.schemaModTime()).contains(MTIME);
    assertThat(back.modTime()).contains(MTIME);
    assertThat(back.templates()).isEqualTo(withModTime(chart.templates(), MTIME));
    assertThat(back.files())
        .containsExactlyInAnyOrderElementsOf(withModTime(chart.files(), MTIME));
    assertThat(back.subcharts()).singleElement().satisfies(s -> {
      assertThat(s.metadata()).isEqualTo(sub.metadata());
      assertThat(s.values()).isEqualTo(sub.values());
      assertThat(s.templates()).isEqualTo(withModTime(sub.templates(), MTIME));
    });
    assertThat(entries(tgz)).extracting(TarArchiveEntry::getName)
        .contains("app/Chart.lock", "app/values.schema.json", "app/charts/sub/Chart.yaml",
            "app/charts/sub/values.yaml", "app/charts/sub/templates/svc.yaml");
  }

  @Test
  @DisplayName("a v1 chart keeps requirements.* as files and writes no dependencies or Chart.lock")
  void v1ChartLayout() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("old"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v1\nname: old\nversion: 1.0.0\n");
    Files.writeString(dir.resolve("requirements.yaml"),
        "dependencies:\n- name: sub\n  repository: file://sub\n");
    Chart chart = Charts.load(dir);

    Path tgz = Charts.save(chart, tmp.resolve("out"), MTIME);

    Map<String, byte[]> entries = FixtureChartsTest.tarEntries(tgz);
    assertThat(entries).containsOnlyKeys("old/Chart.yaml", "old/requirements.yaml");
    assertThat(new String(entries.get("old/Chart.yaml"), StandardCharsets.UTF_8))
        .isEqualTo("apiVersion: v1\nname: old\nversion: 1.0.0\n");
    assertThat(Charts.load(tgz).metadata()).isEqualTo(chart.metadata());
  }

  @Test
  @DisplayName("an invalid schema or version or an unsafe file name is refused")
  void refusesInvalidCharts() {
    Chart base = Chart.builder(ChartMetadata.of("app", "1.0.0")).build();

    assertThatThrownBy(() -> Charts.save(base.toBuilder().schema("{".getBytes()).build(), tmp, MTIME))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageStartingWith("app/values.schema.json: invalid JSON in values.schema.json");
    assertThatThrownBy(() -> Charts.save(
        Chart.builder(ChartMetadata.of("app", "one")).build(), tmp, MTIME))
        .hasMessageContaining("chart.metadata.version \"one\" is invalid");
    assertThatThrownBy(() -> Charts.save(
        base.toBuilder().addFile(ChartFile.of("../escape", "x")).build(), tmp, MTIME))
        .hasMessageContaining("file name is not a clean relative path");
    assertThat(tmp.resolve("app-1.0.0.tgz")).doesNotExist();
  }

  static List<TarArchiveEntry> entries(Path tgz) throws IOException {
    List<TarArchiveEntry> out = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GZIPInputStream(Files.newInputStream(tgz)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<ChartFile> withModTime(List<ChartFile> files, Instant modTime) {
    return files.stream().map(f -> f.withModTime(modTime)).toList();
  }
}
