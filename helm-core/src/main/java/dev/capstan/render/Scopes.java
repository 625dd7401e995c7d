package dev.capstan.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.chart.Dependency;
import dev.capstan.chart.Maintainer;
import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.template.ApiVersionsObject;
import dev.capstan.internal.template.FilesObject;
import dev.capstan.internal.template.VersionObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in objects of §7.3 for every chart of a tree (Helm's {@code recAllTpls}): each chart
 * sees its own metadata, files and values table, and its subcharts' scopes under
 * {@code Subcharts}.
 */
final class Scopes {
  private Scopes() {}

  /**
   * One template: its full source name, its output name, its chart's scope, its text and the
   * engine that renders it.
   */
  record Job(String source, String output, String basePath, Map<String, Object> scope,
      ChartFile file, TemplateEngine engine) {}

  static Map<String, Object> release(ReleaseOptions r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", r.name());
    m.put("Namespace", r.namespace());
    m.put("IsUpgrade", r.upgrade());
    m.put("IsInstall", !r.upgrade());
    m.put("Revision", (long) r.revision());
    m.put("Service", "Helm");
    return Collections.unmodifiableMap(m);
  }

  static Map<String, Object> capabilities(Capabilities c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("KubeVersion", VersionObject.kube(c.kubeVersion(), c.kubeMajor(), c.kubeMinor()));
    m.put("APIVersions", new ApiVersionsObject(c.apiVersions()));
    m.put("HelmVersion", VersionObject.helm(Capabilities.HELM_VERSION, "", "", "", "v1.35"));
    return Collections.unmodifiableMap(m);
  }

  /** The {@code .Chart} object: Chart.yaml fields under their Go names, plus {@code IsRoot}. */
  static Map<String, Object> chart(ChartMetadata md, boolean root) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", md.name());
    m.put("Home", nz(md.home()));
    m.put("Sources", md.sources());
    m.put("Version", md.version());
    m.put("Description", nz(md.description()));
    m.put("Keywords", md.keywords());
    List<Object> maintainers = new ArrayList<>();
    for (Maintainer mt : md.maintainers()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("Name", nz(mt.name()));
      mm.put("Email", nz(mt.email()));
      mm.put("URL", nz(mt.url()));
      maintainers.add(Collections.unmodifiableMap(mm));
    }
    m.put("Maintainers", List.copyOf(maintainers));
    m.put("Icon", nz(md.icon()));
    m.put("APIVersion", nz(md.apiVersion()));
    m.put("Condition", nz(md.condition()));
    m.put("Tags", nz(md.tags()));
    m.put("AppVersion", nz(md.appVersion()));
    m.put("Deprecated", md.deprecated());
    m.put("Annotations", md.annotations());
    m.put("KubeVersion", nz(md.kubeVersion()));
    List<Object> deps = new ArrayList<>();
    for (Dependency d : md.dependencies()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("Name", d.name());
      dm.put("Version", nz(d.version()));
      dm.put("Repository", nz(d.repository()));
      dm.put("Condition", nz(d.condition()));
      dm.put("Tags", d.tags());
      dm.put("Enabled", d.enabled());
      dm.put("ImportValues", d.importValues());
      dm.put("Alias", nz(d.alias()));
      deps.add(Collections.unmodifiableMap(dm));
    }
    m.put("Dependencies", List.copyOf(deps));
    m.put("Type", md.typeDeclared() ? md.type().wireName() : "");
    m.put("IsRoot", root);
    return Collections.unmodifiableMap(m);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * Builds the scope of {@code chart} and its subcharts and appends one job per template to
   * render. Library charts contribute only their partials (which define, but print nothing).
   */
  static Map<String, Object> collect(Chart chart, String fullPath, boolean root,
      Map<String, Object> values, Map<String, Object> release, Map<String, Object> capabilities,
      Engines engines, List<Job> jobs) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("Chart", chart(chart.metadata(), root));
    scope.put("Files", new FilesObject(TemplateFiles.of(chart.files())));
    scope.put("Release", release);
    scope.put("Capabilities", capabilities);
    scope.put("Values", values);
    Map<String, Object> subcharts = new LinkedHashMap<>();
    scope.put("Subcharts", Collections.unmodifiableMap(subcharts));
    for (Chart sub : chart.subcharts()) {
      Object table = values.get(sub.name());
      @SuppressWarnings("unchecked")
      Map<String, Object> subValues = table instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
      subcharts.put(sub.name(), collect(sub, fullPath + "/charts/" + sub.name(), false, subValues,
          release, capabilities, engines, jobs));
    }
    Map<String, Object> frozen = Collections.unmodifiableMap(scope);
    for (var t : chart.templates()) {
      String source = fullPath + "/" + t.name();
      TemplateEngine engine = engines.forPath(t.name(), source);
      String output = fullPath + "/" + engine.outputName(t.name());
      if (chart.isLibrary() && !basename(output).startsWith("_")) {
        continue;
      }
      jobs.add(new Job(source, output, fullPath + "/templates", frozen, t, engine));
    }
    return frozen;
  }

  static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /**
   * The values as Go templates see them: maps iterate in sorted key order, as Go's range over a
   * map does. A fresh, modifiable copy for each render, since Helm lets templates change values
   * ({@code set}, {@code unset}, {@code merge}) for the rest of that render only.
   */
  @SuppressWarnings("unchecked")
  static Object sortedValues(Object v) {
    if (v instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>(GoJson.KEY_ORDER);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sorted.put(String.valueOf(e.getKey()), sortedValues(e.getValue()));
      }
      return new LinkedHashMap<>(sorted);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(sortedValues(o));
      }
      return out;
    }
    return v;
  }
}
