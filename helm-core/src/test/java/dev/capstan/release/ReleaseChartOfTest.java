package dev.capstan.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartLock;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.chart.ChartType;
import dev.capstan.chart.Charts;
import dev.capstan.chart.Dependency;
import dev.capstan.values.ChartValues;
import dev.capstan.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape of the chart object that {@link ReleaseChart#of} makes (spec §1.4, §7.2). */
class ReleaseChartOfTest {
  private static final Instant SCHEMA_TIME = Instant.parse("2025-01-02T03:04:05.123456789Z");
  private static final Instant CHART_TIME = Instant.parse("2025-01-02T03:04:06Z");
  private static final byte[] SCHEMA =
      "{\"type\": \"object\"}\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;
  private Path app;

  @BeforeEach
  void writeChart() throws IOException {
    app = tmp.resolve("app");
    write("Chart.yaml", """
        apiVersion: v2
        name: app
        version: 1.0.0
        annotations:
          zeta: z
          alpha: a
        dependencies:
          - name: sub
            version: 1.x
            repository: file://charts/sub
            condition: sub.enabled
            import-values:
              - child: exported
                parent: imported
              - data
          - name: sub
            alias: other
            condition: other.enabled
        """);
    write("Chart.lock", """
        dependencies:
        - name: sub
          repository: file://charts/sub
          version: 1.2.0
        digest: sha256:feed
        generated: "2024-05-01T12:34:56.000000000Z"
        """);
    write("values.yaml", "own: 1\nother:\n  enabled: false\nimported:\n  k: parent-wins\n");
    Files.write(app.resolve("values.schema.json"), SCHEMA);
    Files.setLastModifiedTime(app.resolve("values.schema.json"), FileTime.from(SCHEMA_TIME));
    Files.setLastModifiedTime(app.resolve("Chart.yaml"), FileTime.from(CHART_TIME));
    write("templates/app.yaml", "kind: ConfigMap\n");
    write("README.md", "# app\n");
    write("crds/crd.yaml", "kind: CustomResourceDefinition\n");
    write(".helmignore", "*.bak\n");
    write("charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 1.2.0\n");
    write("charts/sub/values.yaml", """
        port: 80
        exported:
          k: from-child
          other: 3
        exports:
          data:
            d: 1
        """);
    write("charts/sub/templates/sub.yaml", "kind: Service\n");
    write("charts/sub/README.md", "# sub\n");
  }

  private void write(String name, String content) throws IOException {
    Path p = app.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /** What install stores: the chart after dependency processing. */
  private ReleaseChart installed() {
    return ReleaseChart.of(ChartValues.compute(Charts.load(app), Values.empty()).chart());
  }

  private static String json(ReleaseChart chart) {
    Release r = Release.of("r", "default", 1, null, chart, Values.empty(), "", List.of());
    return JsonText.member(ReleaseCodec.toJson(r), "chart");
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("§1.4 subcharts are not stored: only the parent's templates and files")
  void subchartsAreNotStored() {
    // When
    ReleaseChart stored = installed();

    // Then
    assertThat(stored.templates()).extracting(StoredFile::name)
        .containsExactly("templates/app.yaml");
    assertThat(stored.files()).extracting(StoredFile::name)
        .containsExactly(".helmignore", "README.md", "crds/crd.yaml");
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(json(stored)).doesNotContain("\"name\":\"charts/")
        .doesNotContain(b64.encodeToString("kind: Service\n".getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(b64.encodeToString("# sub\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("§1.4 metadata.dependencies holds only enabled entries, the alias as name, enabled and {child, parent} import-values")
  void dependencyMetadataAfterProcessing() {
    // When
    ReleaseChart stored = installed();

    // Then: "other" is disabled by its condition and left out
    assertThat(stored.metadata().get("dependencies")).isEqualTo(List.of(map(
        "name", "sub", "version", "1.x", "repository", "file://charts/sub",
        "condition", "sub.enabled", "enabled", true,
        "import-values", List.of(map("child", "exported", "parent", "imported"),
            map("child", "exports.data", "parent", ".")))));
    assertThat(json(stored)).contains("\"dependencies\":[{\"name\":\"sub\",\"version\":\"1.x\","
        + "\"repository\":\"file://charts/sub\",\"condition\":\"sub.enabled\",\"enabled\":true,"
        + "\"import-values\":[{\"child\":\"exported\",\"parent\":\"imported\"},"
        + "{\"child\":\"exports.data\",\"parent\":\".\"}]}]");
  }

  @Test
  @DisplayName("§1.4 metadata keys are in Go struct order, empty ones left out, annotations sorted, no undeclared type")
  void metadataInGoStructOrder() {
    // When
    ReleaseChart stored = installed();

    // Then
    assertThat(new ArrayList<>(stored.metadata().keySet()))
        .containsExactly("name", "version", "apiVersion", "annotations", "dependencies");
    assertThat(json(stored)).startsWith("{\"metadata\":{\"name\":\"app\",\"version\":\"1.0.0\","
        + "\"apiVersion\":\"v2\",\"annotations\":{\"alpha\":\"a\",\"zeta\":\"z\"},");
  }

  @Test
  @DisplayName("§1.4 metadata with every field set follows Go's struct order")
  void fullMetadataOrder() {
    // Given
    ChartMetadata md = new ChartMetadata("v2", "full", "1.0.0", ">=1.20.0-0", "d",
        ChartType.LIBRARY, List.of("k"), "https://h", List.of("https://s"),
        List.of(new dev.capstan.chart.Maintainer(null, "e@x", null)), "https://i", "2.0", true,
        Map.of("a", "b"), List.of(new Dependency("x", null, null, null, List.of(), false,
            List.of(), null)), "legacy.cond", "legacy-tag");

    // When
    ReleaseChart stored = ReleaseChart.of(Chart.builder(md).build());

    // Then
    assertThat(new ArrayList<>(stored.metadata().keySet())).containsExactly("name", "home",
        "sources", "version", "description", "keywords", "maintainers", "icon", "apiVersion",
        "condition", "tags", "appVersion", "deprecated", "annotations", "kubeVersion",
        "dependencies", "type");
    assertThat(stored.metadata().get("maintainers")).isEqualTo(List.of(map("email", "e@x")));
    assertThat(stored.metadata().get("dependencies"))
        .as("name and repository are not omitempty").isEqualTo(List.of(map("name", "x",
            "repository", "")));
    assertThat(stored.metadata().get("type")).isEqualTo("library");
  }

  @Test
  @DisplayName("§1.4 the lock is Helm's Lock: generated written as Go writes a time, every key present")
  void lockAsHelmWritesIt() {
    // When
    ReleaseChart stored = installed();

    // Then
    assertThat(stored.lock()).isEqualTo(map("generated", "2024-05-01T12:34:56Z",
        "digest", "sha256:feed", "dependencies", List.of(map("name", "sub", "version", "1.2.0",
            "repository", "file://charts/sub"))));
    assertThat(json(stored)).contains("\"lock\":{\"generated\":\"2024-05-01T12:34:56Z\","
        + "\"digest\":\"sha256:feed\",\"dependencies\":[");
  }

  @Test
  @DisplayName("§1.4 a chart without a lock stores lock null")
  void noLockIsNull() throws IOException {
    // Given
    Files.delete(app.resolve("Chart.lock"));

    // When
    ReleaseChart stored = installed();

    // Then
    assertThat(stored.lock()).isNull();
    assertThat(json(stored)).contains("\"lock\":null");
  }

  @Test
  @DisplayName("§1.4 [H4] the schema's bytes are kept, with values.schema.json's and Chart.yaml's mod times")
  void schemaBytesAndModTimesKept() {
    // When
    ReleaseChart stored = installed();

    // Then
    assertThat(stored.schema()).isEqualTo(SCHEMA);
    assertThat(stored.schemaModTime()).isEqualTo(OffsetDateTime.ofInstant(SCHEMA_TIME,
        ZoneOffset.UTC));
    assertThat(stored.modTime()).isEqualTo(OffsetDateTime.ofInstant(CHART_TIME, ZoneOffset.UTC));
    assertThat(json(stored)).contains("\"schemamodtime\":\"2025-01-02T03:04:05.123456789Z\"")
        .endsWith(",\"modtime\":\"2025-01-02T03:04:06Z\"}");
  }

  @Test
  @DisplayName("§1.4 values are the processed chart's: subchart defaults coalesced, imports merged under the parent's own")
  void valuesAfterImportValues() {
    // When
    ReleaseChart stored = installed();

    // Then
    Map<String, Object> v = stored.values().asMap();
    assertThat(v.get("own")).isEqualTo(1.0);
    assertThat(v.get("imported")).isEqualTo(map("k", "parent-wins", "other", 3.0));
    assertThat(v.get("d")).isEqualTo(1.0);
    assertThat(v.get("sub")).isInstanceOfSatisfying(Map.class,
        sub -> assertThat(sub).containsEntry("port", 80.0));
    assertThat(v).doesNotContainKey("exports");
  }

  @Test
  @DisplayName("§1.4 [H4] of(chart, zone) writes the same instants at the zone's offset")
  void zoneGivesTheOffset() {
    // Given
    Chart chart = ChartValues.compute(Charts.load(app), Values.empty()).chart();

    // When
    ReleaseChart berlin = ReleaseChart.of(chart, ZoneId.of("Europe/Berlin"));

    // Then
    assertThat(berlin.modTime()).hasToString("2025-01-02T04:04:06+01:00");
    assertThat(berlin.modTime().toInstant()).isEqualTo(CHART_TIME);
    assertThat(berlin.templates().get(0).modTime().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(json(berlin)).endsWith(",\"modtime\":\"2025-01-02T04:04:06+01:00\"}");
  }

  @Test
  @DisplayName("§1.4 [H4] a chart made in code has no mod times: modtime left out, schemamodtime zero")
  void codeMadeChartHasNoModTimes() {
    // Given
    Chart chart = Chart.builder(ChartMetadata.of("c", "1.0.0"))
        .values(Values.of(Map.of("a", 1)))
        .addTemplate(ChartFile.of("templates/t.yaml", "kind: ConfigMap\n"))
        .build();

    // When
    ReleaseChart stored = ReleaseChart.of(chart);

    // Then
    assertThat(stored.modTime()).isNull();
    assertThat(stored.templates().get(0).modTime()).isNull();
    assertThat(json(stored)).isEqualTo("{\"metadata\":{\"name\":\"c\",\"version\":\"1.0.0\","
        + "\"apiVersion\":\"v2\",\"type\":\"application\"},\"lock\":null,\"templates\":[{\"name\":"
        + "\"templates/t.yaml\",\"data\":\"a2luZDogQ29uZmlnTWFwCg==\"}],\"values\":{\"a\":1},"
        + "\"schema\":null,\"schemamodtime\":\"0001-01-01T00:00:00Z\",\"files\":null}");
  }

  @Test
  @DisplayName("§1.4 no values.yaml and no dependencies store values null; an empty values.yaml stores {}")
  void valuesNullOnlyWithoutValuesFile() throws IOException {
    // Given
    Path bare = tmp.resolve("bare");
    Files.createDirectories(bare);
    Files.writeString(bare.resolve("Chart.yaml"), "apiVersion: v2\nname: bare\nversion: 1.0.0\n");

    // When
    ReleaseChart without = ReleaseChart.of(Charts.load(bare));
    Files.writeString(bare.resolve("values.yaml"), "# nothing\n");
    ReleaseChart empty = ReleaseChart.of(Charts.load(bare));

    // Then
    assertThat(without.values()).isNull();
    assertThat(without.templates()).isNull();
    assertThat(without.files()).isNull();
    assertThat(json(without)).contains("\"templates\":null,\"values\":null,\"schema\":null")
        .contains("\"files\":null").doesNotContain("\"type\"");
    assertThat(empty.values()).isEqualTo(Values.empty());
    assertThat(json(empty)).contains("\"values\":{}");
  }

  @Test
  @DisplayName("§1.4 unprocessed import-values are written as Go holds them: map keys sorted, numbers float64")
  void rawImportValuesAsGoHoldsThem() {
    // Given a dependency as Chart.yaml gave it, not processed
    Map<String, Object> iv = new LinkedHashMap<>();
    iv.put("parent", "p");
    iv.put("child", 7);
    ChartMetadata md = ChartMetadata.of("c", "1.0.0").withDependencies(List.of(
        new Dependency("d", "1.0.0", "https://r", null, List.of("t"), false,
            List.of(iv, "name"), null)));

    // When
    ReleaseChart stored = ReleaseChart.of(Chart.builder(md).build());

    // Then
    assertThat(json(stored)).contains("\"dependencies\":[{\"name\":\"d\",\"version\":\"1.0.0\","
        + "\"repository\":\"https://r\",\"tags\":[\"t\"],"
        + "\"import-values\":[{\"child\":7,\"parent\":\"p\"},\"name\"]}]");
    assertThat(stored.metadata().get("dependencies")).asList().singleElement()
        .isEqualTo(map("name", "d", "version", "1.0.0", "repository", "https://r",
            "tags", List.of("t"), "import-values", List.of(map("child", 7.0, "parent", "p"),
                "name")));
  }

  @Test
  @DisplayName("§1.4 a lock whose generated is not an RFC 3339 time is refused, since Helm could not read the record")
  void badLockTimeRefused() {
    // Given
    Chart chart = Chart.builder(ChartMetadata.of("c", "1.0.0"))
        .lock(new ChartLock("yesterday", "sha256:1", List.of()))
        .build();

    // When / Then
    assertThatThrownBy(() -> ReleaseChart.of(chart))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"yesterday\" is not an RFC 3339 time");
  }

  @Test
  @DisplayName("§1.4 a decoded record's chart re-encoded through ReleaseChart.of's output round-trips")
  void storedChartRoundTrips() {
    // Given
    ReleaseChart stored = installed();
    Release r = Release.of("r", "default", 1, null, stored, Values.empty(), "", List.of());

    // When
    Release back = ReleaseCodec.decode(ReleaseCodec.encode(r), "sh.helm.release.v1.r.v1");

    // Then
    assertThat(back.chart()).isEqualTo(stored);
  }
}
