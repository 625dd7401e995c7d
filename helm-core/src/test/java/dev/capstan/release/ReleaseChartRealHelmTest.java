package dev.capstan.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.testing.RealHelm;
import dev.capstan.values.ChartValues;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ReleaseChart#of} against the {@code chart} object that real Helm 4.1.4 puts into a
 * release ({@code helm install --dry-run=client -o json} prints the release it would store, in
 * the same {@code json.Marshal} form), for a chart with everything §1.4 and §7.2 name: subcharts
 * from a directory and an archive, an alias, a disabled dependency, import-values in both forms,
 * a lock, a schema, other files in nested directories, a {@code .prov}, a {@code .helmignore},
 * a BOM, no {@code type}, sanitised and numeric metadata, annotations to sort and escape.
 *
 * <p>Helm writes mod times at the machine's local offset, so Capstan is asked for the same zone.
 */
class ReleaseChartRealHelmTest {
  @TempDir static Path tmp;
  private static RealHelm helm;
  private static Path chartDir;
  private static Path packaged;

  @BeforeAll
  static void setUp() throws Exception {
    helm = RealHelm.fetch(tmp.resolve("helm"));
    Path tgzSource = tmp.resolve("src/tgzsub");
    write(tgzSource, "Chart.yaml", "apiVersion: v2\nname: tgzsub\nversion: 0.2.1\n");
    write(tgzSource, "values.yaml", "fromTgz: true\n");
    write(tgzSource, "templates/cm.yaml", cm("tgzsub"));

    chartDir = tmp.resolve("umbrella");
    Files.createDirectories(chartDir.resolve("charts"));
    helm.helm("package", tgzSource.toString(), "-d", chartDir.resolve("charts").toString())
        .requireSuccess();
    write(chartDir, "Chart.yaml", """
        apiVersion: v2
        name: umbrella
        version: 1.2.3
        description: "An umbrella\\tchart"
        home: https://example.test
        sources: [https://example.test/src]
        keywords: [web, "1.0"]
        maintainers:
          - name: Ann
            email: ann@example.test
          - url: https://example.test/bob
        icon: https://example.test/icon.svg
        appVersion: 1.10
        deprecated: true
        kubeVersion: ">=1.20.0-0"
        annotations:
          zeta: last
          alpha: "tags <b> & more"
          Beta: upper
        dependencies:
          - name: sub1
            version: ~1.0.0
            repository: file://charts/sub1
            condition: sub1.enabled
            import-values:
              - child: exported
                parent: fromSub
              - data
          - name: sub1
            alias: again
            version: ">=1.0.0"
            tags: [front]
          - name: sub2
            version: 2.x
            repository: https://charts.example.test
            condition: sub2.enabled
          - name: tgzsub
            version: ~0.2.0
            repository: https://charts.example.test
        """);
    write(chartDir, "Chart.lock", """
        dependencies:
        - name: sub1
          repository: file://charts/sub1
          version: 1.0.3
        - name: sub2
          repository: https://charts.example.test
          version: 2.1.0
        - name: tgzsub
          repository: https://charts.example.test
          version: 0.2.1
        digest: sha256:0123456789abcdef
        generated: "2024-05-01T12:34:56.100+02:00"
        """);
    write(chartDir, "values.yaml", """
        # defaults
        replicas: 1
        big: 1e6
        nothing: null
        nested:
          list: [1, two, {three: 3}]
          empty: {}
        tags:
          front: true
        sub1:
          enabled: true
        sub2:
          enabled: false
        fromSub:
          k: parent-wins
        """);
    write(chartDir, "values.schema.json", "{\"type\": \"object\"}\n");
    write(chartDir, "templates/NOTES.txt", "Thanks for installing {{ .Release.Name }}.\n");
    write(chartDir, "templates/_helpers.tpl", "{{- define \"u.name\" -}}u{{- end -}}\n");
    write(chartDir, "templates/cm.yaml", cm("umbrella"));
    write(chartDir, "templates/x/y.yaml", cm("umbrella-xy"));
    write(chartDir, "templates/x-y.yaml", cm("umbrella-x-y"));
    write(chartDir, ".helmignore", "ignored.txt\n*.bak\n");
    write(chartDir, "ignored.txt", "not loaded\n");
    write(chartDir, "old.bak", "not loaded\n");
    Files.write(chartDir.resolve("README.md"),
        ("\uFEFF# Umbrella\n").getBytes(StandardCharsets.UTF_8));
    write(chartDir, "a.txt", "a\n");
    write(chartDir, "a/b.txt", "a/b\n");
    write(chartDir, "files/config.json", "{\"k\": 1}\n");
    write(chartDir, "charts/tgzsub-0.2.1.tgz.prov", "signature\n");
    write(chartDir, "charts/_notes.txt", "skipped subchart entry\n");
    Path sub1 = chartDir.resolve("charts/sub1");
    write(sub1, "Chart.yaml", "apiVersion: v2\nname: sub1\nversion: 1.0.3\n");
    write(sub1, "values.yaml", """
        x: 1
        exported:
          k: from-child
          other: 3
        exports:
          data:
            d: 1
        """);
    write(sub1, "templates/cm.yaml", cm("sub1"));
    write(sub1, "README.md", "sub1 readme\n");
    Path sub2 = chartDir.resolve("charts/sub2");
    write(sub2, "Chart.yaml", "apiVersion: v2\nname: sub2\nversion: 2.1.0\n");
    write(sub2, "templates/cm.yaml", cm("sub2"));

    Path out = tmp.resolve("packaged");
    helm.helm("package", chartDir.toString(), "-d", out.toString()).requireSuccess();
    packaged = out.resolve("umbrella-1.2.3.tgz");
  }

  private static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
        + "-{{ .Release.Name }}\ndata:\n  x: \"1\"\n";
  }

  private static void write(Path root, String name, String content) throws IOException {
    Path p = root.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /** Runs the dry-run install and returns the exact text of the release's chart object. */
  private static String helmsChart(Path chart, String set) throws Exception {
    List<String> args = new ArrayList<>(List.of("install", "demo", chart.toString(),
        "--dry-run=client", "-o", "json"));
    if (!set.isEmpty()) {
      args.addAll(List.of("--set", set));
    }
    return JsonText.member(helm.helm(args.toArray(String[]::new)).requireSuccess().out().strip(),
        "chart");
  }

  private static String capstansChart(Path chart, String set) {
    Values user = set.isEmpty() ? Values.empty() : ValueSources.builder().set(set).build().merge();
    Chart processed = ChartValues.compute(Charts.load(chart), user).chart();
    ReleaseChart stored = ReleaseChart.of(processed, ZoneId.systemDefault());
    Release r = Release.of("demo", "default", 1, null, stored, user, "", List.of());
    return JsonText.member(ReleaseCodec.toJson(r), "chart");
  }

  @ParameterizedTest(name = "--set {0}")
  @ValueSource(strings = {"", "sub2.enabled=true,tags.front=false,sub1.enabled=false"})
  @DisplayName("§1.4: a chart directory is stored byte for byte as Helm 4 stores it")
  void directoryChartIsByteForByteHelms(String set) throws Exception {
    // Given
    String helms = helmsChart(chartDir, set);

    // When
    String ours = capstansChart(chartDir, set);

    // Then
    assertThat(ours).isEqualTo(helms);
  }

  @ParameterizedTest(name = "--set {0}")
  @ValueSource(strings = {"", "sub2.enabled=true"})
  @DisplayName("§1.4, §7.2: a packaged chart is stored byte for byte as Helm 4 stores it (entry order, entry mod times)")
  void packagedChartIsByteForByteHelms(String set) throws Exception {
    // Given
    String helms = helmsChart(packaged, set);

    // When
    String ours = capstansChart(packaged, set);

    // Then
    assertThat(ours).isEqualTo(helms);
  }

  @Test
  @DisplayName("§1.4: a chart of only Chart.yaml stores null values, templates and files, and no type")
  void minimalChartIsByteForByteHelms() throws Exception {
    // Given a Helm 2 style chart: no apiVersion, no type, nothing but Chart.yaml
    Path minimal = tmp.resolve("minimal");
    write(minimal, "Chart.yaml", "name: minimal\nversion: 0.0.1\n");
    String helms = helmsChart(minimal, "");

    // When
    String ours = capstansChart(minimal, "");

    // Then
    assertThat(ours).isEqualTo(helms)
        .contains("\"templates\":null,\"values\":null,\"schema\":null")
        .contains("\"files\":null").contains("\"apiVersion\":\"v1\"").doesNotContain("\"type\"");
  }

  @Test
  @DisplayName("§7.2: an archive's own entry order and sub-second entry times are what Helm stores")
  void unsortedArchiveIsByteForByteHelms() throws Exception {
    // Given an archive whose entries are not in walk order, with PAX sub-second mod times
    Path tgz = tmp.resolve("unsorted-0.1.0.tgz");
    FileTime t = FileTime.from(Instant.parse("2025-03-04T05:06:07.1234567Z"));
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new GZIPOutputStream(Files.newOutputStream(tgz)))) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      String[][] entries = {
          {"unsorted/templates/b.yaml", cm("b")},
          {"unsorted/z.txt", "z\n"},
          {"unsorted/Chart.yaml", "apiVersion: v2\nname: unsorted\nversion: 0.1.0\n"},
          {"unsorted/templates/a/x.yaml", cm("ax")},
          {"unsorted/a.txt", "a\n"},
          {"unsorted/values.yaml", "k: v\n"},
      };
      for (String[] e : entries) {
        byte[] data = e[1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(e[0]);
        entry.setSize(data.length);
        entry.setLastModifiedTime(t);
        entry.addPaxHeader("mtime", t.toInstant().getEpochSecond() + ".1234567");
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    String helms = helmsChart(tgz, "");

    // When
    String ours = capstansChart(tgz, "");

    // Then
    assertThat(ours).isEqualTo(helms).contains("\"modtime\":\"2025-03-04T05:06:07.1234567Z\"");
    assertThat(ours.indexOf("templates/b.yaml")).isLessThan(ours.indexOf("templates/a/x.yaml"));
    assertThat(ours.indexOf("z.txt")).isLessThan(ours.indexOf("a.txt"));
  }
}
