package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.chart.Dependency;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.testing.RealHelm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Dependency processing and coalescing against real Helm 4.1.4 (§4.1): a chart tree with
 * conditions, tags, an alias, both import-values forms, globals and a nested subchart. Every
 * chart of the tree has a Go template that dumps its {@code .Values} as JSON, so {@code helm
 * template} shows exactly which charts Helm enabled and what each one saw; {@code helm install
 * --dry-run=client -o json} shows the processed chart that a release stores (§1.4).
 */
class RealHelmDependencyValuesTest {
  @TempDir static Path tmp;
  private static RealHelm helm;
  private static Path chartDir;

  private static final String DUMP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: dump-{{ .Chart.Name }}
      data:
        values: {{ toJson .Values | quote }}
      """;

  @BeforeAll
  static void setUp() throws Exception {
    helm = RealHelm.fetch(tmp.resolve("helm"));
    chartDir = tmp.resolve("parent");
    write("Chart.yaml", """
        apiVersion: v2
        name: parent
        version: 1.0.0
        dependencies:
          - name: sub1
            version: ~1.0.0
            condition: sub1.enabled,featureOn
          - name: sub1
            alias: again
            version: ">=1.0.0"
            import-values:
              - child: exported
                parent: fromAgain
              - data
          - name: sub2
            version: 1.x
            tags: [front]
          - name: sub3
            version: "*"
            condition: sub3.enabled
            tags: [back]
        """);
    write("values.yaml", """
        featureOn: true
        tags:
          front: false
          back: true
        global:
          env: prod
          shared:
            a: 1
        sub1:
          x: 1
        sub3:
          enabled: false
        fromAgain:
          k: parent-wins
        """);
    write("templates/dump.yaml", DUMP);
    write("charts/sub1/Chart.yaml", "apiVersion: v2\nname: sub1\nversion: 1.0.3\n");
    write("charts/sub1/values.yaml", """
        x: 0
        y: 2
        drop: me
        global:
          env: dev
          own: z
          shared:
            b: 2
        exported:
          k: from-child
          other: 3
        exports:
          data:
            d: 1
        """);
    write("charts/sub1/templates/dump.yaml", DUMP);
    write("charts/sub2/Chart.yaml", "apiVersion: v2\nname: sub2\nversion: 1.4.0\n");
    write("charts/sub2/values.yaml", "z: 9\n");
    write("charts/sub2/templates/dump.yaml", DUMP);
    write("charts/sub3/Chart.yaml", """
        apiVersion: v2
        name: sub3
        version: 0.1.0
        dependencies:
          - name: deep
            version: 2.0.0
            condition: deep.on
        """);
    write("charts/sub3/values.yaml", "list: [1, 2]\ndeep:\n  on: true\n  depth: 1\n");
    write("charts/sub3/templates/dump.yaml", DUMP);
    write("charts/sub3/charts/deep/Chart.yaml", "apiVersion: v2\nname: deep\nversion: 2.0.0\n");
    write("charts/sub3/charts/deep/values.yaml", "depth: 0\nglobal:\n  env: deep\n");
    write("charts/sub3/charts/deep/templates/dump.yaml", DUMP);
  }

  private static void write(String name, String content) throws IOException {
    Path p = chartDir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /** The --set flags of each case, as one comma-separated expression ("" for none). */
  @ParameterizedTest(name = "--set {0}")
  @ValueSource(strings = {"", "sub3.enabled=true,sub1.drop=null,global.shared.c=3",
      "featureOn=false,tags.front=true,sub1.enabled=true,sub3.list={9}"})
  @DisplayName("§4.1: enabled charts and every chart's .Values equal what real Helm renders")
  void valuesSeenByEveryChartEqualHelms(String set) throws Exception {
    // Given Helm's view: chart name -> the .Values it rendered with
    List<String> args = new ArrayList<>(List.of("template", "demo", chartDir.toString()));
    if (!set.isEmpty()) {
      args.addAll(List.of("--set", set));
    }
    Map<String, Values> helms = dumps(helm.helm(args.toArray(String[]::new)).requireSuccess().out());

    // When Capstan processes the same chart and values
    Values user = set.isEmpty() ? Values.empty() : ValueSources.builder().set(set).build().merge();
    ChartValues computed = ChartValues.compute(Charts.load(chartDir), user);

    // Then the same charts are enabled, and each sees the same values
    Map<String, Values> ours = new LinkedHashMap<>();
    collect(computed.chart(), computed.values(), ours);
    assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(helms.keySet());
    for (String chart : helms.keySet()) {
      // JSON cannot carry --set's int64 apart from float64: compare both as JSON numbers
      assertThat(Values.fromJson(ours.get(chart).toJson(), chart)).as("values seen by %s", chart)
          .isEqualTo(helms.get(chart));
    }
  }

  @ParameterizedTest(name = "--set {0}")
  @ValueSource(strings = {"", "sub3.enabled=true"})
  @DisplayName("§1.4: the processed chart's values and dependency list equal what a Helm release stores")
  void processedChartEqualsWhatHelmStores(String set) throws Exception {
    List<String> args = new ArrayList<>(List.of("install", "demo", chartDir.toString(),
        "--dry-run=client", "-o", "json"));
    if (!set.isEmpty()) {
      args.addAll(List.of("--set", set));
    }
    JsonNode release = new ObjectMapper().readTree(helm.helm(args.toArray(String[]::new))
        .requireSuccess().out());
    JsonNode storedChart = release.get("chart");

    Values user = set.isEmpty() ? Values.empty() : ValueSources.builder().set(set).build().merge();
    Chart processed = ChartValues.compute(Charts.load(chartDir), user).chart();

    assertThat(processed.values())
        .isEqualTo(Values.fromJson(storedChart.get("values").toString(), "helm chart.values"));
    List<Map<String, Object>> deps = new ArrayList<>();
    for (Dependency d : processed.metadata().dependencies()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.name());
      m.put("version", d.version());
      m.put("repository", d.repository() == null ? "" : d.repository());
      if (d.condition() != null) {
        m.put("condition", d.condition());
      }
      if (!d.tags().isEmpty()) {
        m.put("tags", d.tags());
      }
      m.put("enabled", d.enabled());
      if (!d.importValues().isEmpty()) {
        m.put("import-values", d.importValues());
      }
      if (d.alias() != null) {
        m.put("alias", d.alias());
      }
      deps.add(m);
    }
    Object helmDeps = Yaml.load(storedChart.get("metadata").get("dependencies").toString(), "deps");
    assertThat(deps).isEqualTo(helmDeps);
  }

  /** Walks the processed chart tree: each chart sees the sub-table under its (alias) name. */
  private static void collect(Chart chart, Values values, Map<String, Values> out) {
    out.put(chart.name(), values);
    for (Chart sub : chart.subcharts()) {
      collect(sub, values.table(sub.name()), out);
    }
  }

  private static Map<String, Values> dumps(String rendered) {
    Map<String, Values> out = new LinkedHashMap<>();
    for (Object doc : Yaml.loadAll(rendered, "helm template output")) {
      if (doc instanceof Map<?, ?> m && "ConfigMap".equals(m.get("kind"))) {
        String name = (String) ((Map<?, ?>) m.get("metadata")).get("name");
        String json = (String) ((Map<?, ?>) m.get("data")).get("values");
        out.put(name.substring("dump-".length()), Values.fromJson(json, name));
      }
    }
    return out;
  }
}
