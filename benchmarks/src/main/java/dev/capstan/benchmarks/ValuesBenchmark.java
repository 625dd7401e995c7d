package dev.capstan.benchmarks;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.values.ChartValues;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chart loading and values computation on the {@code helm create} chart: what every install and
 * upgrade does before rendering.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Pbench
 * -Dbench.args="ValuesBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValuesBenchmark {
  private Path chartDir;
  private Chart chart;
  private ValueSources sources;
  private Values user;

  /** Loads the chart once for the benchmarks that start from a loaded chart. */
  @Setup
  public void setUp() {
    chartDir = Fixtures.mychart();
    chart = Charts.load(chartDir);
    sources = ValueSources.builder()
        .valuesFile(Fixtures.fixtures().resolve("helm-records/values-web.yaml"))
        .set("replicaCount=2,ingress.enabled=true")
        .setString("image.tag=1.27")
        .build();
    user = sources.merge();
  }

  /** Loading the chart directory: files, Chart.yaml, values.yaml, .helmignore. */
  @Benchmark
  public Chart loadChart() {
    return Charts.load(chartDir);
  }

  /** Reading a values file and parsing --set / --set-string into one user tree. */
  @Benchmark
  public Values mergeUserValues() {
    return sources.merge();
  }

  /** Dependency processing and coalescing of the user values over the chart defaults. */
  @Benchmark
  public ChartValues computeValues() {
    return ChartValues.compute(chart, user);
  }
}
