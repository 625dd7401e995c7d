package dev.capstan.render.corpus;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The shared corpus of real charts ({@code ../shared/charts}) and real Helm 4.1.4 output
 * ({@code ../shared/charts-expected}), and Capstan's rendering of it as {@code helm template}.
 */
final class Corpus {
  /**
   * One expected output.
   *
   * @param chart the chart's directory name
   * @param variant the variant's name
   * @param args the {@code helm template} arguments
   * @param expected the expected output file, or {@code null} when Helm failed
   * @param expectedError Helm's error message without {@code Error: }, or {@code null}
   * @param deterministic whether two runs of Helm printed the same bytes
   */
  record Variant(String chart, String variant, List<String> args, Path expected,
      String expectedError, boolean deterministic) {
    String id() {
      return chart + "/" + variant;
    }
  }

  /** What Capstan did with one variant: its output text, or the message it failed with. */
  record Outcome(String text, String error) {}

  private final Path shared;
  private final Map<String, Chart> charts = new ConcurrentHashMap<>();
  private final Map<String, ChartRenderer> renderers = new ConcurrentHashMap<>();

  Corpus(Path shared) {
    this.shared = shared;
  }

  /** {@code ../shared} seen from a module's directory, where Maven runs tests. */
  static Path locateShared() {
    for (Path p : List.of(Path.of("../../shared"), Path.of("../shared"))) {
      if (Files.isDirectory(p.resolve("charts-expected"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("the shared corpus was not found at ../../shared or ../shared"
        + " (from " + Path.of("").toAbsolutePath() + ")");
  }

  Path shared() {
    return shared;
  }

  /**
   * Every variant of {@code index.json}, then, for each chart with a {@code bare.error.txt}, the
   * variant {@code bare} (no extra flags) that real Helm refused, with its error.
   */
  @SuppressWarnings("unchecked")
  List<Variant> variants() throws IOException {
    Path expectedDir = shared.resolve("charts-expected");
    String json = Files.readString(expectedDir.resolve("index.json"), StandardCharsets.UTF_8);
    Map<String, Object> index = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(json);
    List<Variant> out = new ArrayList<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) index.get("charts")) {
      String chart = (String) c.get("chart");
      for (Map<String, Object> v : (List<Map<String, Object>>) c.get("variants")) {
        out.add(new Variant(chart, (String) v.get("name"), (List<String>) v.get("args"),
            shared.resolve((String) v.get("expected")), null,
            Boolean.TRUE.equals(v.get("deterministic"))));
      }
      Path bare = expectedDir.resolve(chart).resolve("bare.error.txt");
      if (Files.isRegularFile(bare)) {
        String err = Files.readString(bare, StandardCharsets.UTF_8).strip();
        if (err.startsWith("Error: ")) {
          err = err.substring("Error: ".length());
        }
        // the CLI's hint after a template error, not part of the error itself
        err = err.replace("Use --debug flag to render out invalid YAML", "").strip();
        out.add(new Variant(chart, "bare", List.of("demo", "charts/" + chart, "--namespace", "demo",
            "--kube-version", "1.31.0"), null, err, true));
      }
    }
    return out;
  }

  /** Renders {@code args} as {@code helm template} would, from {@code shared/}. */
  Outcome render(List<String> args) {
    try {
      HelmTemplateArgs a = HelmTemplateArgs.parse(args);
      Chart chart = charts.computeIfAbsent(a.chart(), c -> Charts.load(shared.resolve(c)));
      Values values = a.valueSources(shared).merge();
      String key = a.capabilities().kubeVersion() + "|" + a.capabilities().apiVersions() + "|"
          + a.skipSchemaValidation();
      ChartRenderer renderer = renderers.computeIfAbsent(key, k -> renderer(a));
      String text = renderer.render(chart, ReleaseOptions.install(a.release(), a.namespace()), values)
          .templateText(a.includeCrds(), a.skipTests(), a.showOnly());
      return new Outcome(text, null);
    } catch (RuntimeException e) {
      String m = e.getMessage();
      return new Outcome(null, m == null ? e.toString() : m);
    }
  }

  /** A renderer with the default engines (Pebble for {@code *.peb}, Go templates for the rest). */
  private static ChartRenderer renderer(HelmTemplateArgs a) {
    return ChartRenderer.builder().capabilities(a.capabilities())
        .validateSchema(!a.skipSchemaValidation()).build();
  }
}
