package dev.capstan.benchmarks;

import com.marcnuri.helm.Helm;
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
 * The baseline: real Helm (Go, through helm-java's native library) running {@code helm template}
 * on the original Go-template {@code helm create} chart. Each call loads and renders the chart,
 * as helm-java offers no render-only entry point.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EmbeddedHelmBenchmark {
  private Helm helm;

  /** Points helm-java at the fixture chart. */
  @Setup
  public void setUp() {
    Path chart = Fixtures.mychart();
    helm = new Helm(chart);
    String out = helm.template().withName("demo").call();
    if (!out.contains("kind: Deployment")) {
      throw new IllegalStateException("embedded Helm rendered no Deployment:\n" + out);
    }
  }

  /** {@code helm template demo mychart}: load and render. */
  @Benchmark
  public String helmTemplate() {
    return helm.template().withName("demo").call();
  }
}
