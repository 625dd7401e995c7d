package dev.capstan.values;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.chart.Dependency;
import dev.capstan.internal.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds charts and values for the values tests from YAML text, typed as Helm types them (every
 * YAML number is a float64, i.e. a {@link Double}).
 */
final class DependencyTestCharts {
  private DependencyTestCharts() {}

  /** Values from YAML, numbers as doubles. */
  static Values yaml(String text) {
    return Values.fromYaml(text, "test values");
  }

  /** A plain mutable map from YAML, numbers as doubles, for Values.of with nulls inside. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String text) {
    Object doc = load(text);
    return doc == null ? new LinkedHashMap<>() : (Map<String, Object>) floats(doc);
  }

  /** Reads YAML as Helm (go-yaml v2) does. */
  private static Object load(String text) {
    return Yaml.load(text, "test values");
  }

  private static Object floats(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), floats(val)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(floats(x)));
      return out;
    }
    if (v instanceof Number n && !(v instanceof Double)) {
      return n.doubleValue();
    }
    return v;
  }

  /** Starts a chart named {@code name}, version {@code 0.1.0}. */
  static ChartSpec chart(String name) {
    return new ChartSpec(name);
  }

  /** A fluent test chart: name, version, values.yaml, Chart.yaml dependencies, subcharts, schema. */
  static final class ChartSpec {
    private final String name;
    private String version = "0.1.0";
    private Values values = Values.empty();
    private final List<Dependency> deps = new ArrayList<>();
    private final List<Chart> subs = new ArrayList<>();
    private byte[] schema;

    private ChartSpec(String name) {
      this.name = name;
    }

    ChartSpec version(String v) {
      this.version = v;
      return this;
    }

    ChartSpec values(String valuesYaml) {
      this.values = yaml(valuesYaml);
      return this;
    }

    ChartSpec schema(String json) {
      this.schema = json.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The {@code dependencies:} list of Chart.yaml, as YAML. */
    @SuppressWarnings("unchecked")
    ChartSpec dependencies(String depsYaml) {
      for (Object o : (List<Object>) Yaml.load(depsYaml, "Chart.yaml")) {
        Map<String, Object> d = (Map<String, Object>) o;
        deps.add(new Dependency((String) d.get("name"), (String) d.get("version"),
            (String) d.getOrDefault("repository", ""), (String) d.get("condition"),
            (List<String>) d.get("tags"), false,
            (List<Object>) d.get("import-values"), (String) d.get("alias")));
      }
      return this;
    }

    ChartSpec sub(ChartSpec sub) {
      subs.add(sub.build());
      return this;
    }

    Chart build() {
      return Chart.builder(ChartMetadata.of(name, version).withDependencies(deps))
          .values(values)
          .schema(schema)
          .subcharts(subs)
          .build();
    }
  }

  /** Every chart in the tree as a dotted path of names, sorted, as Helm's extractChartNames. */
  static List<String> chartPaths(Chart c) {
    List<String> out = new ArrayList<>();
    collect(c, "", out);
    out.sort(null);
    return out;
  }

  private static void collect(Chart c, String prefix, List<String> out) {
    String path = prefix.isEmpty() ? c.name() : prefix + "." + c.name();
    out.add(path);
    for (Chart s : c.subcharts()) {
      collect(s, path, out);
    }
  }
}
