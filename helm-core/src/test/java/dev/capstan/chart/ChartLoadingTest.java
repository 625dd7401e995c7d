package dev.capstan.chart;

import static dev.capstan.chart.TestArchives.archive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How files are sorted into a chart (§7.2) and library charts (§7.1). */
class ChartLoadingTest {
  @TempDir Path tmp;

  private Path write(String rel, String text) throws Exception {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  @DisplayName("§7.2 subcharts come from charts/<x>/ and charts/<x>.tgz; _ and . entries are skipped; .prov kept as a file")
  void loadsSubcharts() throws Exception {
    // Given
    write("app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
    write("app/charts/dirsub/Chart.yaml", "apiVersion: v2\nname: dirsub\nversion: 0.1.0\n");
    write("app/charts/dirsub/templates/a.yaml", "a");
    write("app/charts/_ignored/Chart.yaml", "broken: [");
    write("app/charts/.hidden/Chart.yaml", "broken: [");
    write("app/charts/tgzsub-0.2.0.tgz.prov", "signature");
    Files.write(tmp.resolve("app/charts/tgzsub-0.2.0.tgz"), archive()
        .file("tgzsub/Chart.yaml", "apiVersion: v2\nname: tgzsub\nversion: 0.2.0\n")
        .file("tgzsub/values.yaml", "x: 1\n").tgz());

    // When
    Chart chart = Charts.load(tmp.resolve("app"));

    // Then
    assertThat(chart.subcharts()).extracting(Chart::name).containsExactly("dirsub", "tgzsub");
    assertThat(chart.subcharts().get(0).templates()).extracting(ChartFile::name)
        .containsExactly("templates/a.yaml");
    assertThat(chart.subcharts().get(1).values().get("x")).contains(1.0);
    assertThat(chart.files()).extracting(ChartFile::name)
        .containsExactly("charts/tgzsub-0.2.0.tgz.prov");
  }

  @Test
  @DisplayName("§7.1 v1 charts: requirements.yaml gives dependencies, requirements.lock the lock; both kept as files")
  void loadsV1Chart() throws Exception {
    write("old/Chart.yaml", "name: old\nversion: 1.0.0\n");
    write("old/requirements.yaml", "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://sub\n");
    write("old/requirements.lock", "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://sub\n"
        + "digest: sha256:abc\ngenerated: \"2026-01-02T03:04:05.123456789Z\"\n");

    Chart chart = Charts.load(tmp.resolve("old"));

    assertThat(chart.metadata().apiVersion()).isEqualTo("v1");
    assertThat(chart.metadata().dependencies()).extracting(Dependency::name).containsExactly("sub");
    assertThat(chart.lock()).get().satisfies(l -> {
      assertThat(l.digest()).isEqualTo("sha256:abc");
      assertThat(l.generated()).isEqualTo("2026-01-02T03:04:05.123456789Z");
      assertThat(l.dependencies()).extracting(Dependency::version).containsExactly("0.1.0");
    });
    assertThat(chart.files()).extracting(ChartFile::name)
        .containsExactly("requirements.lock", "requirements.yaml");
  }

  @Test
  @DisplayName("§7.2 Chart.lock, values.schema.json and a leading UTF-8 BOM")
  void loadsLockSchemaAndStripsBom() throws Exception {
    write("c/Chart.yaml", "\uFEFFapiVersion: v2\nname: c\nversion: 1.0.0\n");
    write("c/Chart.lock", "dependencies: []\ndigest: sha256:1\ngenerated: \"2026-01-01T00:00:00Z\"\n");
    write("c/values.schema.json", "{\"type\":\"object\"}");
    write("c/values.yaml", "\uFEFFreplicas: 2\n---\nextra: true\n");

    Chart chart = Charts.load(tmp.resolve("c"));

    assertThat(chart.lock()).get().extracting(ChartLock::digest).isEqualTo("sha256:1");
    assertThat(chart.schema()).get().extracting(b -> new String(b, StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"object\"}");
    assertThat(chart.values().get("replicas")).contains(2.0);
    assertThat(chart.values().get("extra")).contains(true);
    assertThat(chart.rawValues()).get().extracting(ChartFile::text)
        .isEqualTo("replicas: 2\n---\nextra: true\n");
  }

  @Test
  @DisplayName("a symlink that stays inside the chart is followed, as Helm's walk does")
  void followsInternalSymlinks() throws Exception {
    write("c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
    write("c/shared/cm.yaml", "kind: ConfigMap\n");
    Files.createDirectories(tmp.resolve("c/templates"));
    Files.createSymbolicLink(tmp.resolve("c/templates/cm.yaml"), tmp.resolve("c/shared/cm.yaml"));

    Chart chart = Charts.load(tmp.resolve("c"));

    assertThat(chart.templates()).singleElement()
        .satisfies(t -> assertThat(t.text()).isEqualTo("kind: ConfigMap\n"));
  }

  @Test
  @DisplayName("an archive is recognised by content, whatever its file name")
  void detectsArchiveByContent() throws Exception {
    Path file = tmp.resolve("chart.bin");
    TestArchives.chart("mychart").writeTo(file);

    assertThat(Charts.load(file).name()).isEqualTo("mychart");
  }

  @Test
  @DisplayName("a stream loads like a file and names the source in errors")
  void loadsFromStream() {
    byte[] tgz = TestArchives.chart("mychart").tgz();

    assertThat(Charts.load(new ByteArrayInputStream(tgz), "download.tgz").name()).isEqualTo("mychart");
    assertThatThrownBy(() -> Charts.load(new ByteArrayInputStream(new byte[] {1, 2}), "download.tgz"))
        .hasMessage("download.tgz: does not appear to be a gzipped archive");
  }

  @Test
  @DisplayName("a missing path is reported")
  void missingPath() {
    assertThatThrownBy(() -> Charts.load(tmp.resolve("nope")))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageContaining("nope: no chart directory or archive exists at this path");
  }

  @Test
  @DisplayName("§7.1 a library chart is not installable, with Helm 4's error text")
  void libraryChartsAreNotInstallable() throws Exception {
    write("lib/Chart.yaml", "apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n");
    Chart lib = Charts.load(tmp.resolve("lib"));
    Chart app = Charts.load(FixtureChartsTest.MYCHART);

    assertThatThrownBy(() -> Charts.requireInstallable(lib))
        .isInstanceOf(ChartLoadException.class)
        .hasMessage("library charts are not installable");
    Charts.requireInstallable(app);
    assertThat(app.isLibrary()).isFalse();
  }

  @Test
  @DisplayName("§7.2 a directory's templates and files are in the order of Helm's lexical walk")
  void directoryOrderIsHelmsWalk() throws Exception {
    // Given
    write("app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
    write("app/templates/b.yaml", "b");
    write("app/templates/a-b.yaml", "ab");
    write("app/templates/a/x.yaml", "ax");
    write("app/z.txt", "z");
    write("app/a.txt", "a");
    write("app/a/b.txt", "ab");
    write("app/\u00e9.txt", "e-acute");
    write("app/\ud83d\ude00.txt", "emoji");
    write("app/\uff21.txt", "fullwidth-a");

    // When
    Chart chart = Charts.load(tmp.resolve("app"));

    // Then each directory's entries are sorted by their UTF-8 bytes (code points), as Go sorts
    assertThat(chart.templates()).extracting(ChartFile::name)
        .containsExactly("templates/a/x.yaml", "templates/a-b.yaml", "templates/b.yaml");
    assertThat(chart.files()).extracting(ChartFile::name).containsExactly("a/b.txt", "a.txt",
        "z.txt", "\u00e9.txt", "\uff21.txt", "\ud83d\ude00.txt");
  }

  @Test
  @DisplayName("§7.2 an archive's templates and files keep the archive's entry order, as Helm's LoadFiles does")
  void archiveOrderIsKept() {
    // Given
    byte[] tgz = TestArchives.chart("mychart")
        .file("mychart/templates/b.yaml", "b")
        .file("mychart/templates/a-b.yaml", "ab")
        .file("mychart/templates/a/x.yaml", "ax")
        .file("mychart/z.txt", "z")
        .file("mychart/a.txt", "a")
        .tgz();

    // When
    Chart chart = Charts.load(new ByteArrayInputStream(tgz), "order.tgz");

    // Then
    assertThat(chart.templates()).extracting(ChartFile::name)
        .containsExactly("templates/b.yaml", "templates/a-b.yaml", "templates/a/x.yaml");
    assertThat(chart.files()).extracting(ChartFile::name).containsExactly("z.txt", "a.txt");
  }
}
