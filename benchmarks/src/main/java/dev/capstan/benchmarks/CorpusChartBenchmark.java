package dev.capstan.benchmarks;

import com.marcnuri.helm.Helm;
import dev.capstan.chart.Charts;
import dev.capstan.render.Capabilities;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.PreparedChart;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.nio.file.Files;
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
 * The largest chart of the shared corpus, kube-prometheus-stack (270 templates with its four
 * subcharts), rendered as {@code helm template demo charts/kube-prometheus-stack --namespace demo
 * --kube-version 1.31.0 --set grafana.adminPassword=benchmark}: by Capstan with the chart prepared once ({@link #corpusRenderOnly}) and
 * loaded from disk each time ({@link #corpusLoadAndRender}), and in the same run by real Helm
 * embedded through helm-java ({@link #corpusHelmTemplate}), which loads and renders each call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CorpusChartBenchmark {
  private static final ReleaseOptions RELEASE = ReleaseOptions.install("demo", "demo");
  private static final String KUBE_VERSION = "1.31.0";
  /**
   * Set on both sides: without it the grafana subchart calls {@code lookup}, which helm-java sends
   * to a cluster (it has no client-only template), and generates a random password.
   */
  private static final String PASSWORD_KEY = "grafana.adminPassword";
  private static final String PASSWORD = "benchmark";

  /** Capstan's side, apart from Helm's so that either runs when the other cannot. */
  @State(Scope.Benchmark)
  public static class Capstan {
    Path chartDir;
    ChartRenderer renderer;
    PreparedChart prepared;
    Values values;

    /** Prepares the chart once and checks that Capstan renders it. */
    @Setup
    public void setUp() {
      chartDir = corpusChart("kube-prometheus-stack");
      renderer = ChartRenderer.builder()
          .capabilities(Capabilities.defaults().withKubeVersion(KUBE_VERSION)).build();
      prepared = renderer.prepare(Charts.load(chartDir));
      values = ValueSources.builder().set(PASSWORD_KEY + "=" + PASSWORD).build().merge();
      String ours = prepared.render(RELEASE, values).templateText(false, false, List.of());
      if (!ours.contains("kind: Prometheus\n")) {
        throw new IllegalStateException("Capstan rendered no Prometheus");
      }
    }
  }

  /** Real Helm's side. */
  @State(Scope.Benchmark)
  public static class RealHelm {
    Helm helm;

    /** Points helm-java at the chart and checks that it renders. */
    @Setup
    public void setUp() {
      helm = new Helm(corpusChart("kube-prometheus-stack"));
      if (!template(helm).contains("kind: Prometheus\n")) {
        throw new IllegalStateException("embedded Helm rendered no Prometheus");
      }
    }
  }

  /** Compute values, render, sort and print the prepared chart. */
  @Benchmark
  public String corpusRenderOnly(Capstan c) {
    return c.prepared.render(RELEASE, c.values).templateText(false, false, List.of());
  }

  /** Load the chart directory and render it with one renderer (templates compiled once). */
  @Benchmark
  public String corpusLoadAndRender(Capstan c) {
    return c.renderer.render(Charts.load(c.chartDir), RELEASE, c.values)
        .templateText(false, false, List.of());
  }

  /** Real Helm's {@code helm template}: load and render, through helm-java. */
  @Benchmark
  public String corpusHelmTemplate(RealHelm h) {
    return template(h.helm);
  }

  private static String template(Helm helm) {
    return helm.template().withName("demo").withNamespace("demo").withKubeVersion(KUBE_VERSION)
        .set(PASSWORD_KEY, PASSWORD).call();
  }

  private static Path corpusChart(String name) {
    for (Path c : new Path[] {Path.of("../shared/charts"), Path.of("../../shared/charts")}) {
      if (Files.isDirectory(c.resolve(name))) {
        return c.resolve(name).toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("shared/charts/" + name + " not found beside the project");
  }
}
