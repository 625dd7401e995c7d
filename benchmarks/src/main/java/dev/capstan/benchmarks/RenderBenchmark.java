package dev.capstan.benchmarks;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.PreparedChart;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.values.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Capstan's equivalent of {@code helm template demo mychart} on the Pebble port of the starter
 * chart: loading from disk and rendering each time with one renderer, which compiles a chart's
 * templates once and reuses them for identical templates ({@link #loadAndRender}); the same with a
 * new renderer each time, compiling every time ({@link #loadCompileAndRender}); and rendering a
 * prepared chart ({@link #renderOnly}). Both produce the full template text, as
 * {@link EmbeddedHelmBenchmark#helmTemplate} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {
  private static final ReleaseOptions RELEASE = ReleaseOptions.install("demo", "default");

  private Path chartDir;
  private ChartRenderer renderer;
  private PreparedChart prepared;

  /** Loads and prepares the chart once for the render-only case. */
  @Setup
  public void setUp() {
    chartDir = Fixtures.pebbleMychart();
    renderer = ChartRenderer.builder().build();
    prepared = renderer.prepare(Charts.load(chartDir));
    String out = renderOnly();
    if (!out.contains("kind: Deployment")) {
      throw new IllegalStateException("Capstan rendered no Deployment:\n" + out);
    }
  }

  /** Load the chart directory, compile its templates, compute values, render, sort, print. */
  @Benchmark
  public String loadAndRender() {
    Chart chart = Charts.load(chartDir);
    return renderer.render(chart, RELEASE, Values.empty()).templateText(false, false, List.of());
  }

  /**
   * As {@link #loadAndRender} with a new renderer each time, so the templates are compiled every
   * time: the first render of a chart in a process.
   */
  @Benchmark
  public String loadCompileAndRender() {
    Chart chart = Charts.load(chartDir);
    return ChartRenderer.builder().build().render(chart, RELEASE, Values.empty())
        .templateText(false, false, List.of());
  }

  /** Compute values, render, sort and print with templates compiled once. */
  @Benchmark
  public String renderOnly() {
    return prepared.render(RELEASE, Values.empty()).templateText(false, false, List.of());
  }
}
