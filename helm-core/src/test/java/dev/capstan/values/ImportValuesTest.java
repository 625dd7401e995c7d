package dev.capstan.values;

import static dev.capstan.values.DependencyTestCharts.chart;
import static dev.capstan.values.DependencyTestCharts.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Chart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §4.1 import-values, after Helm 4's TestProcessDependencyImportValues and friends. */
class ImportValuesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @DisplayName("§4.1 import-values, both forms, deepest first, the parent's own values winning")
  @CsvSource(delimiter = '|', value = {
      // imported from subchart1 (map form)
      "imported-chart1.SC1bool               | true",
      "imported-chart1.SC1float              | 3.14",
      "imported-chart1.SC1int                | 100",
      "imported-chart1.SC1string             | dollywood",
      "imported-chart1.SC1extra1             | 11",
      "imported-chart1.SPextra1              | helm rocks",
      // subcharta -> subchart1 -> parent, two levels
      "imported-chartA.SCAbool               | false",
      "imported-chartA.SCAfloat              | 3.1",
      "imported-chartA.SCAint                | 55",
      "imported-chartA.SCAstring             | jabba",
      "imported-chartA.SPextra3              | 1.337",
      "imported-chartA.SC1extra2             | 1.337",
      "imported-chartA.SCAnested1.SCAnested2 | true",
      // subcharta and subchartb both imported into the same table
      "imported-chartA-B.SCAbool             | false",
      "imported-chartA-B.SCAfloat            | 3.1",
      "imported-chartA-B.SCAint              | 55",
      "imported-chartA-B.SCAstring           | jabba",
      "imported-chartA-B.SCBbool             | true",
      "imported-chartA-B.SCBfloat            | 7.77",
      "imported-chartA-B.SCBint              | 33",
      "imported-chartA-B.SCBstring           | boba",
      "imported-chartA-B.SPextra5            | k8s",
      "imported-chartA-B.SC1extra5           | tiller",
      // the parent's values win over imported ones
      "overridden-chart1.SC1bool             | false",
      "overridden-chart1.SC1float            | 3.141592",
      "overridden-chart1.SC1int              | 99",
      "overridden-chart1.SC1string           | pollywog",
      "overridden-chart1.SPextra2            | 42",
      "overridden-chartA.SCAbool             | true",
      "overridden-chartA.SCAfloat            | 41.3",
      "overridden-chartA.SCAint              | 808",
      "overridden-chartA.SCAstring           | jabberwocky",
      "overridden-chartA.SPextra4            | true",
      "overridden-chartA-B.SCAbool           | true",
      "overridden-chartA-B.SCAfloat          | 41.3",
      "overridden-chartA-B.SCAint            | 808",
      "overridden-chartA-B.SCAstring         | jabberwocky",
      "overridden-chartA-B.SCBbool           | false",
      "overridden-chartA-B.SCBfloat          | 1.99",
      "overridden-chartA-B.SCBint            | 77",
      "overridden-chartA-B.SCBstring         | jango",
      "overridden-chartA-B.SPextra6          | 111",
      "overridden-chartA-B.SCAextra1         | 23",
      "overridden-chartA-B.SCBextra1         | 13",
      "overridden-chartA-B.SC1extra6         | 77",
      // the exports form (string), and a map-form import into the root
      "SCBexported1B                         | 1965",
      "SC1extra7                             | true",
      "SCBexported2A                         | blaster",
      "global.SC1exported2.all.SC1exported3  | SC1expstr"})
  void subpopImports(String path, String expected) {
    // When
    Chart processed = Dependencies.process(DependencySubpop.parent(), Values.empty());

    // Then: the processed chart's values carry the imports
    Object actual = processed.values().get(path).orElseThrow(
        () -> new AssertionError("no value at " + path + " in " + processed.values()));
    String text = actual instanceof Double d ? CoalescingFormat.goFloat(d) : String.valueOf(actual);
    assertThat(text).isEqualTo(expected);
  }

  @Test
  @DisplayName("§4.1 dependency processing merges (does not coalesce): parent nulls are kept")
  void nullsKeptInProcessedValues() {
    Chart processed = Dependencies.process(DependencySubpop.parent(), Values.empty());

    assertThat(processed.values().asMap()).containsEntry("ensurenull", null);
  }

  @Test
  @DisplayName("§4.1 a missing child table is skipped with a warning; the rest still imports")
  void missingChildTableSkipped() {
    Chart parent = chart("parent")
        .dependencies("""
            - name: child
              version: 0.1.0
              import-values:
                - {child: nothing.here, parent: a}
                - notExported
                - {child: data, parent: b.c}
            """)
        .sub(chart("child").values("data: {x: 1}\n"))
        .build();

    java.util.List<String> warnings = new java.util.ArrayList<>();
    Chart processed = Dependencies.process(parent, Values.empty(), warnings::add);

    assertThat(processed.values().get("b.c.x")).contains(1.0);
    assertThat(processed.values().asMap()).doesNotContainKey("a");
    assertThat(warnings).containsExactly(
        "ImportValues missing table from chart chart=child error=\"\\\"nothing\\\" is not a table\"",
        "ImportValues missing table error=\"\\\"exports\\\" is not a table\"");
  }

  @Test
  @DisplayName("§4.1 precedence: user > parent values > imported > subchart defaults")
  void multiLevelPrecedence() {
    // Given: after Helm's three-level-dependent-chart: app charts importing from a library
    String lib = "exports: {defaults: {service: {port: 9090}}}\n";
    Chart umbrella = chart("umbrella")
        .values("app1: {service: {port: 3456}}\n")
        .dependencies("""
            - {name: app1, version: 0.1.0}
            - {name: app2, version: 0.1.0}
            - {name: app3, version: 0.1.0}
            """)
        .sub(chart("app1").values("service: {port: 1234}\n"))
        .sub(chart("app2").values("service: {port: 8080}\n")
            .dependencies("- {name: library, version: 0.1.0, import-values: [defaults]}")
            .sub(chart("library").values(lib)))
        .sub(chart("app3")
            .dependencies("- {name: library, version: 0.1.0, import-values: [defaults]}")
            .sub(chart("library").values(lib)))
        .build();

    // When
    ChartValues result = ChartValues.compute(umbrella, Values.empty());
    ChartValues withUser = ChartValues.compute(umbrella, yaml("app3: {service: {port: 1}}"));

    // Then
    assertThat(result.values().get("app1.service.port")).contains(3456.0);
    assertThat(result.values().get("app2.service.port")).contains(8080.0);
    assertThat(result.values().get("app3.service.port")).contains(9090.0);
    assertThat(withUser.values().get("app3.service.port")).contains(1.0);
  }

  @Test
  @DisplayName("§4.1 imports from a subchart shared by two aliases reach both aliases")
  void importsIntoAliases() {
    // Given: after Helm's chart-with-import-from-aliased-dependencies
    Chart parent = chart("parent")
        .dependencies("""
            - name: child
              version: 0.1.0
              alias: foo
              import-values: [{child: defaults, parent: foo-defaults}]
            - name: child
              version: 0.1.0
              alias: bar
              import-values: [{child: defaults, parent: bar-defaults}]
            """)
        .sub(chart("child")
            .dependencies("- name: grandchild\n  version: 0.1.0\n  import-values: "
                + "[{child: defaults, parent: defaults}]")
            .sub(chart("grandchild").values("defaults: {defaultValue: '42'}\n")))
        .build();

    // When
    ChartValues result = ChartValues.compute(parent, Values.empty());

    // Then
    for (String path : new String[] {"foo-defaults.defaultValue", "bar-defaults.defaultValue",
        "foo.defaults.defaultValue", "bar.defaults.defaultValue",
        "foo.grandchild.defaults.defaultValue", "bar.grandchild.defaults.defaultValue"}) {
      assertThat(result.values().get(path)).as(path).contains("42");
    }
  }

  @Test
  @DisplayName("§4.1 imports come only from enabled subcharts")
  void importsOnlyFromEnabled() {
    Chart parent = chart("parent")
        .values("prod: {enabled: true}\ndev: {enabled: false}\n")
        .dependencies("""
            - {name: prod, version: 0.1.0, condition: prod.enabled, import-values: [{child: cfg, parent: cfg}]}
            - {name: dev, version: 0.1.0, condition: dev.enabled, import-values: [{child: cfg, parent: cfg}]}
            """)
        .sub(chart("prod").values("cfg: {nameOverride: parent-chart-prod}\n"))
        .sub(chart("dev").values("cfg: {nameOverride: parent-chart-dev}\n"))
        .build();

    ChartValues result = ChartValues.compute(parent, Values.empty());

    assertThat(result.chart().subcharts()).extracting(Chart::name).containsExactly("prod");
    assertThat(result.values().get("cfg.nameOverride")).contains("parent-chart-prod");
  }
}
