package dev.capstan.render;

import dev.capstan.internal.glob.GoGlob;
import dev.capstan.release.Hook;
import dev.capstan.release.HookEvent;
import dev.capstan.values.ChartValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result of rendering a chart for a release: the computed values, the rendered files, the
 * notes, the hooks and manifests in install order and the chart's CRDs.
 */
public final class RenderedChart {
  private static final Pattern SOURCE = Pattern.compile("# Source: [^/]+/(.+)");

  private final ChartValues values;
  private final Map<String, String> files;
  private final String notes;
  private final SortedManifests sorted;
  private final List<ChartCrd> crds;

  RenderedChart(ChartValues values, Map<String, String> files, String notes, SortedManifests sorted,
      List<ChartCrd> crds) {
    this.values = values;
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    this.notes = notes;
    this.sorted = sorted;
    this.crds = List.copyOf(crds);
  }

  /** The processed chart and the computed values the templates saw. */
  public ChartValues values() {
    return values;
  }

  /**
   * The rendered text of every template that produces output, by output name
   * ({@code mychart/templates/service.yaml}), sorted by name. Partials and notes are not included.
   */
  public Map<String, String> files() {
    return files;
  }

  /** The rendered {@code NOTES.txt} of the chart (and of subcharts if asked), or {@code ""}. */
  public String notes() {
    return notes;
  }

  /** The hooks, sorted in install order by kind (§6). */
  public List<Hook> hooks() {
    return sorted.hooks();
  }

  /** The release manifests, sorted in install order by kind (§5.1). */
  public List<Manifest> manifests() {
    return sorted.manifests();
  }

  /** Hooks and manifests together. */
  public SortedManifests sorted() {
    return sorted;
  }

  /** The files of {@code crds/} directories of the chart and its subcharts, never templated. */
  public List<ChartCrd> crds() {
    return crds;
  }

  /** The release's {@code manifest} text exactly as Helm stores it (CRDs not included). */
  public String manifestText() {
    return sorted.manifestText();
  }

  /**
   * The text {@code helm template} prints for this render: the manifests (after the CRDs when
   * {@code includeCrds}), then the hooks, test hooks left out when {@code skipTests}; with
   * {@code showOnly} patterns ({@code templates/service.yaml}, Go {@code filepath.Match} syntax)
   * only the documents of matching templates, in order.
   *
   * @throws RenderException {@code could not find template <pattern> in chart} when a pattern
   *     matches nothing
   */
  public String templateText(boolean includeCrds, boolean skipTests, List<String> showOnly) {
    Objects.requireNonNull(showOnly, "showOnly");
    StringBuilder manifest = new StringBuilder();
    if (includeCrds) {
      for (ChartCrd crd : crds) {
        manifest.append("---\n# Source: ").append(crd.path()).append('\n').append(crd.content())
            .append('\n');
      }
    }
    manifest.append(manifestText());
    StringBuilder all = new StringBuilder(manifest.toString().strip()).append('\n');
    for (Hook h : sorted.hooks()) {
      if (skipTests && h.events().contains(HookEvent.TEST)) {
        continue;
      }
      SortedManifests.appendDocument(all, h.path(), h.manifest());
    }
    if (showOnly.isEmpty()) {
      return all.toString();
    }
    List<String> docs = ManifestSorter.split(all.toString().strip());
    StringBuilder out = new StringBuilder();
    for (String pattern : showOnly) {
      String p = pattern.replace('\\', '/');
      Optional<GoGlob> glob = GoGlob.compile(p);
      boolean found = false;
      for (String doc : docs) {
        Matcher m = SOURCE.matcher(doc);
        if (!m.find() || glob.isEmpty() || !glob.get().matches(m.group(1))) {
          continue;
        }
        out.append("---\n").append(doc).append('\n');
        found = true;
      }
      if (!found) {
        throw new RenderException("could not find template " + pattern + " in chart");
      }
    }
    return out.toString();
  }
}
