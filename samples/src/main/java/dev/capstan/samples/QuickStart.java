package dev.capstan.samples;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.values.ChartValues;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import dev.capstan.values.ValuesSchema;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The quick start: loads a chart, merges user values the way {@code helm install --set ...} does,
 * validates them against the chart's schema and prints the values that templates would see.
 *
 * <p>Run it with {@code ./mvnw -q -B -pl samples -am package -DskipTests -Pquickstart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Entry point; the first argument is a chart directory or {@code .tgz}. */
  public static void main(String[] args) {
    Path chartPath = Path.of(args.length > 0 ? args[0] : "samples/charts/hello");
    run(chartPath, System.out);
  }

  static void run(Path chartPath, PrintStream out) {
    Chart chart = Charts.load(chartPath);
    out.printf("Loaded chart %s %s (app %s) with %d subchart(s)%n", chart.name(),
        chart.metadata().version(), chart.metadata().appVersion(), chart.subcharts().size());

    // What `--set replicaCount=3,image.tag=1.27.1 --set cache.enabled=true` gives.
    Values user = ValueSources.builder()
        .set("replicaCount=3,image.tag=1.27.1")
        .set("cache.enabled=true")
        .build()
        .merge();
    out.println();
    out.println("USER-SUPPLIED VALUES:");
    out.print(user.toYaml());

    // Dependencies enabled by condition, import-values applied, defaults coalesced underneath.
    ChartValues computed = ChartValues.compute(chart, user);
    ValuesSchema.validate(computed.chart(), computed.values());
    out.println();
    out.println("COMPUTED VALUES:");
    out.print(computed.values().toYaml());
  }
}
