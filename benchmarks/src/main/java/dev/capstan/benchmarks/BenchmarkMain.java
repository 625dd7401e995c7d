package dev.capstan.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks given on the command line (JMH's own options and include patterns), then
 * prints each result in operations per second and the ratios that the project tracks, each measured
 * in the same run: Capstan against real Helm embedded through helm-java, and the release codec
 * against plain gzip+base64 of the same JSON bytes.
 */
public final class BenchmarkMain {
  /** Ratios to report: label, then the numerator and denominator benchmark method names. */
  private static final List<String[]> RATIOS = List.of(
      new String[] {"load+render / embedded helm template", "loadAndRender", "helmTemplate"},
      new String[] {"load+compile+render / embedded helm", "loadCompileAndRender", "helmTemplate"},
      new String[] {"render only / embedded helm template", "renderOnly", "helmTemplate"},
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
      double ops = r.getPrimaryResult().getScore();
      score.put(name, ops);
      System.out.printf(Locale.ROOT, "%-40s %12.1f ± %.1f %s%n", name, ops,
          r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit());
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
