package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Chart.yaml} reading and writing as Helm does it (§7.1). */
class ChartMetadataParsingTest {

  private static ChartMetadata parse(String yaml) {
    return ChartYaml.toMetadata(ChartYaml.readMap(yaml, "c/Chart.yaml", "Chart.yaml"), null,
        "c/Chart.yaml");
  }

  @Test
  @DisplayName("§7.1 a missing apiVersion means v1")
  void missingApiVersionIsV1() {
    assertThat(parse("name: c\nversion: 1.0.0\n").apiVersion()).isEqualTo("v1");
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @DisplayName("§7.1 YAML numbers in string fields become strings as sigs.k8s.io/yaml converts them")
  @CsvSource(delimiter = '|', value = {
      "version    | 1.10   | 1.1",
      "version    | 2      | 2",
      "appVersion | 1.0    | 1",
      "appVersion | 1.16   | 1.16",
      "appVersion | true   | true",
      "appVersion | '\"1.0\"' | 1.0",
  })
  void numbersBecomeStrings(String key, String yamlValue, String expected) {
    ChartMetadata md = parse("name: c\nversion: 1.0.0\n" + key + ": " + yamlValue + "\n");

    assertThat(key.equals("version") ? md.version() : md.appVersion()).isEqualTo(expected);
  }

  @Test
  @DisplayName("§7.1 strings are sanitised: whitespace becomes a space, control characters go")
  void sanitisesStrings() {
    ChartMetadata md = parse("name: c\nversion: 1.0.0\ndescription: \"a\\tb\\nc\\u0007d\"\n"
        + "keywords: [\"x\\ty\"]\nmaintainers:\n- name: \"Ann\\u0000\"\n  email: a@b.c\n");

    assertThat(md.description()).isEqualTo("a b cd");
    assertThat(md.keywords()).containsExactly("x y");
    assertThat(md.maintainers()).containsExactly(new Maintainer("Ann", "a@b.c", null));
  }

  @Test
  @DisplayName("unknown Chart.yaml keys are ignored, known ones all read")
  void readsAllFields() {
    ChartMetadata md = parse("""
        apiVersion: v2
        name: full
        version: 1.2.3-rc.1
        kubeVersion: ">=1.20.0-0"
        description: Full chart
        type: library
        keywords: [a, b]
        home: https://example.test
        sources: [https://src.test]
        icon: https://icon.test/x.png
        appVersion: "2.0"
        deprecated: true
        annotations:
          category: Database
          "example.com/x": "1"
        dependencies:
        - name: redis
          version: ~17.0.0
          repository: https://charts.test
          condition: redis.enabled
          tags: [cache]
          import-values:
          - data
          - child: a.b
            parent: c
          alias: cache
        futureField: {x: 1}
        """);

    assertThat(md.kubeVersion()).isEqualTo(">=1.20.0-0");
    assertThat(md.type()).isEqualTo(ChartType.LIBRARY);
    assertThat(md.isLibrary()).isTrue();
    assertThat(md.deprecated()).isTrue();
    assertThat(md.annotations()).containsEntry("category", "Database").containsEntry("example.com/x", "1");
    assertThat(md.dependencies()).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("redis");
      assertThat(d.version()).isEqualTo("~17.0.0");
      assertThat(d.effectiveName()).isEqualTo("cache");
      assertThat(d.tags()).containsExactly("cache");
      assertThat(d.importValues()).containsExactly("data", Map.of("child", "a.b", "parent", "c"));
    });
  }

  @Test
  @DisplayName("§7.1 v1 charts take their dependencies from requirements.yaml")
  void v1RequirementsProvideDependencies() {
    Map<String, Object> chart = ChartYaml.readMap("apiVersion: v1\nname: old\nversion: 1.0.0\n",
        "old/Chart.yaml", "Chart.yaml");
    Map<String, Object> req = ChartYaml.readMap(
        "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://../sub\n",
        "old/requirements.yaml", "requirements.yaml");

    ChartMetadata md = ChartYaml.toMetadata(chart, req, "old/Chart.yaml");

    assertThat(md.dependencies()).extracting(Dependency::name).containsExactly("sub");
  }

  @Test
  @DisplayName("a YAML syntax error names the file, line and column")
  void yamlErrorHasPosition() {
    assertThatThrownBy(() -> parse("name: c\nversion: 1.0.0\nbad: x: y\n"))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageStartingWith("c/Chart.yaml:3:7: ")
        .hasMessageContaining("mapping values are not allowed here");
  }

  @Test
  @DisplayName("Save writes mychart's Chart.yaml byte for byte as helm package did")
  void writesChartYamlLikeHelm() throws Exception {
    Chart chart = Charts.load(FixtureChartsTest.MYCHART);
    byte[] helms = FixtureChartsTest.tarEntries(
        FixtureChartsTest.FIXTURES.resolve("packaging/repo/mychart-0.1.0.tgz")).get("mychart/Chart.yaml");

    String ours = ChartYamlWriter.chartYaml(chart.metadata());

    assertThat(ours).isEqualTo(new String(helms, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("strings are quoted only when plain YAML would read them as something else")
  @CsvSource(delimiter = '|', value = {
      "1.16.0                 | 1.16.0",
      "1.0                    | '\"1.0\"'",
      "true                   | '\"true\"'",
      "yes                    | '\"yes\"'",
      "''                     | '\"\"'",
      "https://helm.sh        | https://helm.sh",
      "a: b                   | '''a: b'''",
      "- x                    | '''- x'''",
      "2026-01-02T03:04:05Z   | '\"2026-01-02T03:04:05Z\"'",
      "it's                   | it's",
  })
  void quotesLikeGoYaml(String value, String expected) {
    assertThat(ChartYamlWriter.write(java.util.Map.of("k", value))).isEqualTo("k: " + expected + "\n");
  }

  @Test
  @DisplayName("written Chart.yaml reads back to the same metadata")
  void writtenMetadataRoundTrips() {
    ChartMetadata md = parse("""
        apiVersion: v2
        name: full
        version: 1.2.3
        description: "x: y # z"
        keywords: ["1.0", "true"]
        maintainers: [{name: A, email: a@b.c}]
        annotations: {"b": "2", "a/b": "multi\\nline"}
        dependencies:
        - name: redis
          repository: ""
          import-values: [{child: a, parent: b}]
          alias: cache
          enabled: true
        """);

    ChartMetadata back = parse(ChartYamlWriter.chartYaml(md));

    assertThat(back).isEqualTo(md);
  }

  @Test
  @DisplayName("go-yaml key order: non-letters before letters, digit runs numerically")
  void goYamlKeyOrder() {
    List<String> keys = new java.util.ArrayList<>(List.of("b", "a10", "a2", "A", "a/b", "ab", "a"));
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    keys.forEach(k -> m.put(k, 1L));

    assertThat(ChartYamlWriter.write(m)).isEqualTo("A: 1\na: 1\na/b: 1\na2: 1\na10: 1\nab: 1\nb: 1\n");
  }

  @ParameterizedTest(name = "deprecated: {0} -> {1}")
  @DisplayName("boolean fields accept YAML 1.1 words, as Helm's go-yaml v2 does")
  @CsvSource({"true, true", "yes, true", "on, true", "false, false", "no, false", "Off, false"})
  void yaml11Booleans(String word, boolean expected) {
    assertThat(parse("name: c\nversion: 1.0.0\ndeprecated: " + word + "\n").deprecated())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "type: {0}")
  @DisplayName("§7.1 an absent or empty type reads as application but stays undeclared; Save writes only a declared type")
  @CsvSource(delimiter = '|', value = {
      "''          | APPLICATION | false",
      "'\"\"'    | APPLICATION | false",
      "application | APPLICATION | true",
      "library     | LIBRARY     | true",
  })
  void typeIsDeclaredOnlyWhenGiven(String type, ChartType expected, boolean declared) {
    // Given
    String yaml = "apiVersion: v2\nname: c\nversion: 1.0.0\n"
        + (type.isEmpty() ? "" : "type: " + type + "\n");

    // When
    ChartMetadata md = parse(yaml);

    // Then
    assertThat(md.type()).isEqualTo(expected);
    assertThat(md.typeDeclared()).isEqualTo(declared);
    assertThat(ChartYamlWriter.chartYaml(md).contains("type:")).isEqualTo(declared);
    assertThat(md.withName("d").typeDeclared()).isEqualTo(declared);
    assertThat(md.withDependencies(List.of()).typeDeclared()).isEqualTo(declared);
  }

  @Test
  @DisplayName("metadata made in code declares its type when it names one")
  void codeMadeMetadataDeclaresANamedType() {
    assertThat(ChartMetadata.of("c", "1.0.0").typeDeclared()).isTrue();
    assertThat(new ChartMetadata("v2", "c", "1.0.0", null, null, null, List.of(), null,
        List.of(), List.of(), null, null, false, Map.of(), List.of(), null, null).typeDeclared())
        .isFalse();
    assertThat(new ChartMetadata("v2", "c", "1.0.0", null, null, null, List.of(), null,
        List.of(), List.of(), null, null, false, Map.of(), List.of(), null, null, true)
        .typeDeclared()).as("a null type cannot be declared").isFalse();
  }
}
