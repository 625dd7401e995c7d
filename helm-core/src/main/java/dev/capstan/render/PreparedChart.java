package dev.capstan.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.Charts;
import dev.capstan.chart.Compatibility;
import dev.capstan.values.ChartValues;
import dev.capstan.values.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chart whose templates are compiled, ready to render many times from any thread. Made by
 * {@link ChartRenderer#prepare}.
 *
 * <p>Which subcharts take part depends on the values (conditions, tags, aliases); each distinct
 * set of templates is compiled once and kept.
 */
public final class PreparedChart {
  private static final String NOTES = "NOTES.txt";
  private static final int MAX_VARIANTS = 64;

  private final ChartRenderer renderer;
  private final Chart chart;
  private final Map<String, Map<TemplateEngine, CompiledTemplates>> compiled =
      new ConcurrentHashMap<>();

  PreparedChart(ChartRenderer renderer, Chart chart) {
    this.renderer = renderer;
    this.chart = chart;
    ChartValues defaults = ChartValues.compute(chart, Values.empty());
    compiledFor(jobs(defaults, ReleaseOptions.install("prepare", "default")));
  }

  /** The chart as loaded. */
  public Chart chart() {
    return chart;
  }

  /** Renders with the renderer's lookup; see {@link #render(ReleaseOptions, Values, Lookup)}. */
  public RenderedChart render(ReleaseOptions release, Values userValues) {
    return render(release, userValues, renderer.lookup);
  }

  /**
   * Renders the chart for {@code release} with the user-supplied values, as Helm's install and
   * upgrade do: library charts refused, the chart's {@code kubeVersion} checked, values computed
   * (§4.1) and validated against the schemas, every template rendered, notes set aside, documents
   * split, hooks separated and sorted in install order.
   *
   * @throws dev.capstan.chart.ChartLoadException for a library chart
   * @throws dev.capstan.chart.KubeVersionException when the chart does not support the Kubernetes
   *     version of the capabilities
   * @throws dev.capstan.values.ValuesException when the values are invalid (schema, types)
   * @throws TemplateException when a template fails; the message names the template and the line
   */
  public RenderedChart render(ReleaseOptions release, Values userValues, Lookup lookup) {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(userValues, "userValues");
    Objects.requireNonNull(lookup, "lookup");
    Charts.requireInstallable(chart);
    Compatibility.requireKubeVersion(chart.metadata(), renderer.capabilities.kubeVersion());
    ChartValues cv = renderer.validateSchema ? ChartValues.computeAndValidate(chart, userValues)
        : ChartValues.compute(chart, userValues);
    List<Scopes.Job> jobs = jobs(cv, release);
    Map<TemplateEngine, CompiledTemplates> engines = compiledFor(jobs);
    Map<String, String> files = new TreeMap<>();
    for (Scopes.Job job : jobs) {
      if (Scopes.basename(job.output()).startsWith("_")) {
        continue;
      }
      Map<String, Object> scope = new HashMap<>(job.scope());
      scope.put("Template", Map.of("Name", job.output(), "BasePath", job.basePath()));
      files.put(job.output(), engines.get(job.engine()).render(job.source(), scope, lookup));
    }
    String rootNotes = cv.chart().name() + "/templates/" + NOTES;
    StringBuilder notes = new StringBuilder();
    files.entrySet().removeIf(e -> {
      if (!e.getKey().endsWith(NOTES)) {
        return false;
      }
      if (renderer.subchartNotes || e.getKey().equals(rootNotes)) {
        if (notes.length() > 0) {
          notes.append('\n');
        }
        notes.append(e.getValue());
      }
      return true;
    });
    SortedManifests sorted = ManifestSorter.sort(files, KindSortOrder.INSTALL);
    List<ChartCrd> crds = new ArrayList<>();
    collectCrds(cv.chart(), cv.chart().name(), crds);
    return new RenderedChart(cv, files, notes.toString(), sorted, crds);
  }

  private List<Scopes.Job> jobs(ChartValues cv, ReleaseOptions release) {
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) Scopes.sortedValues(cv.values().asMap());
    List<Scopes.Job> jobs = new ArrayList<>();
    Scopes.collect(cv.chart(), cv.chart().name(), true, values, Scopes.release(release),
        renderer.capabilitiesScope, renderer.engines, jobs);
    return jobs;
  }

  private Map<TemplateEngine, CompiledTemplates> compiledFor(List<Scopes.Job> jobs) {
    StringBuilder key = new StringBuilder();
    for (Scopes.Job j : jobs) {
      key.append(j.source()).append('\n');
    }
    Map<TemplateEngine, CompiledTemplates> found = compiled.get(key.toString());
    if (found != null) {
      return found;
    }
    Map<TemplateEngine, List<TemplateSource>> byEngine = new IdentityHashMap<>();
    for (Scopes.Job j : jobs) {
      byEngine.computeIfAbsent(j.engine(), e -> new ArrayList<>())
          .add(new TemplateSource(j.source(), j.file().text()));
    }
    Map<TemplateEngine, CompiledTemplates> result = new IdentityHashMap<>();
    for (Map.Entry<TemplateEngine, List<TemplateSource>> e : byEngine.entrySet()) {
      result.put(e.getKey(), renderer.compile(e.getKey(), e.getValue()));
    }
    if (compiled.size() < MAX_VARIANTS) {
      compiled.putIfAbsent(key.toString(), result);
    }
    return result;
  }

  private static void collectCrds(Chart chart, String fullPath, List<ChartCrd> out) {
    for (ChartFile f : chart.files()) {
      String lower = f.name().toLowerCase(Locale.ROOT);
      if (f.name().startsWith("crds/")
          && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"))) {
        out.add(new ChartCrd(fullPath + "/" + f.name(), f.text()));
      }
    }
    for (Chart sub : chart.subcharts()) {
      collectCrds(sub, fullPath + "/charts/" + sub.name(), out);
    }
  }
}
