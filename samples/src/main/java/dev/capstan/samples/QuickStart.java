package dev.capstan.samples;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.Manifest;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.RenderedChart;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The quick start: loads the starter chart (Helm's {@code helm create} chart with Pebble
 * templates), merges user values the way {@code --set} does and renders it the way
 * {@code helm template demo samples/charts/mychart --set ...} does.
 *
 * <p>Run it with {@code ./mvnw -q -B -pl samples -am package -DskipTests -Pquickstart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Entry point; the first argument is a chart directory or {@code .tgz}. */
  public static void main(String[] args) {
    Path chartPath = Path.of(args.length > 0 ? args[0] : "samples/charts/mychart");
    run(chartPath, System.out);
  }

  static void run(Path chartPath, PrintStream out) {
    Chart chart = Charts.load(chartPath);
    out.printf("Loaded chart %s %s (app %s)%n", chart.name(), chart.metadata().version(),
        chart.metadata().appVersion());

    // What `--set replicaCount=3,image.tag=1.27.1 --set ingress.enabled=true` gives.
    Values user = ValueSources.builder()
        .set("replicaCount=3,image.tag=1.27.1")
        .set("ingress.enabled=true")
        .build()
        .merge();

    RenderedChart rendered = ChartRenderer.builder().build()
        .render(chart, ReleaseOptions.install("demo", "default"), user);
    out.println();
    out.println("RESOURCES (in Helm's install order):");
    for (Manifest m : rendered.manifests()) {
      out.printf("  %-22s %s%n", m.kind(), m.name());
    }
    out.println();
    out.println("MANIFEST (as helm template prints it):");
    out.print(rendered.templateText(false, false, List.of()));
    out.println();
    out.println("NOTES:");
    out.println(rendered.notes());
  }
}
