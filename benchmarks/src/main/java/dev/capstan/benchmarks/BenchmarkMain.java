package dev.capstan.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks given on the command line (JMH's own options and include patterns), then
 * prints each result in its unit, with its parameters and, for sample-time benchmarks, the median,
 * p90 and p99; then the ratios that the project tracks, each measured in the same run: Capstan
 * against real Helm embedded through helm-java, and the release codec against plain gzip+base64 of
 * the same JSON bytes.
 */
public final class BenchmarkMain {
  /** Ratios to report: label, then the numerator and denominator benchmark method names. */
  private static final List<String[]> RATIOS = List.of(
      new String[] {"load+render / embedded helm template", "loadAndRender", "helmTemplate"},
      new String[] {"load+compile+render / embedded helm", "loadCompileAndRender", "helmTemplate"},
      new String[] {"render only / embedded helm template", "renderOnly", "helmTemplate"},
      new String[] {"kube-prometheus-stack render / embedded helm", "corpusRenderOnly",
          "corpusHelmTemplate"},
      new String[] {"kube-prometheus-stack load+render / embedded", "corpusLoadAndRender",
          "corpusHelmTemplate"},
      new String[] {"release encode+decode / plain gzip+base64", "encodeDecode",
          "plainGzipBase64RoundTrip"});

  private BenchmarkMain() {}

  /** Entry point; arguments are JMH's. */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    Map<String, Double> score = new LinkedHashMap<>();
    System.out.println();
    System.out.println("benchmark                                  score");
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      String name = label.substring(label.lastIndexOf('.') + 1);
      List<String> params = new ArrayList<>();
      for (String key : r.getParams().getParamsKeys()) {
        params.add(key + "=" + r.getParams().getParam(key));
      }
      String shown = params.isEmpty() ? name : name + " [" + String.join(", ", params) + "]";
      double ops = r.getPrimaryResult().getScore();
      score.put(name, ops);
      System.out.printf(Locale.ROOT, "%-40s %12.3f ± %.3f %s%n", shown, ops,
          r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit());
      if (r.getParams().getMode() == Mode.SampleTime) {
        var stats = r.getPrimaryResult().getStatistics();
        System.out.printf(Locale.ROOT, "%-40s p50 %.3f  p90 %.3f  p99 %.3f %s (%d samples)%n",
            "", stats.getPercentile(50), stats.getPercentile(90), stats.getPercentile(99),
            r.getPrimaryResult().getScoreUnit(), stats.getN());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] ratio : RATIOS) {
      Double a = score.get(ratio[1]);
      Double b = score.get(ratio[2]);
      if (a != null && b != null) {
        lines.add(String.format(Locale.ROOT, "%-40s %8.1fx", ratio[0], a / b));
      }
    }
    if (!lines.isEmpty()) {
      System.out.println();
      System.out.println("ratio (higher is better for Capstan)");
      lines.forEach(System.out::println);
    }
  }
}
