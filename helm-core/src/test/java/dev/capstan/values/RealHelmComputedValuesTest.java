package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end against real Helm: the fixture release {@code web} was installed by Helm 3.21 and
 * Helm 4.1.4 with {@code -f values-web.yaml --set replicaCount=N}; {@code helm get values} printed
 * what it stored and computed. Loading the same chart and merging the same inputs must give the
 * same text. (Helm 4's latest revision is a rollback to revision 1, {@code replicaCount=2}; Helm
 * 3's latest is the failed revision 3, {@code replicaCount=3}, and helm-java prints no header.)
 */
class RealHelmComputedValuesTest {
  private static final Path FIXTURES = Path.of("../../shared/fixtures");

  private static Values userValues(int replicaCount) {
    return ValueSources.builder()
        .valuesFile(FIXTURES.resolve("helm-records/values-web.yaml"))
        .set("replicaCount=" + replicaCount)
        .build()
        .merge();
  }

  private static String helmOutput(String helmLine, String file) throws IOException {
    String text = Files.readString(FIXTURES.resolve("helm-records/" + helmLine + "/" + file));
    // The Helm CLI prints a header line (USER-SUPPLIED VALUES: / COMPUTED VALUES:)
    boolean header = text.startsWith("USER-SUPPLIED VALUES:") || text.startsWith("COMPUTED VALUES:");
    return header ? text.substring(text.indexOf('\n') + 1) : text;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"helm4", "helm3"})
  @DisplayName("§4.3: -f and --set merge to the user values that helm get values printed")
  void userSuppliedValuesEqualHelms(String helmLine) throws IOException {
    assertThat(userValues(2).toYaml())
        .isEqualTo(helmOutput(helmLine, "get-values-web-revision-1.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"helm4, 2", "helm3, 3"})
  @DisplayName("§4.1: chart defaults coalesced under user values equal helm get values --all")
  void computedValuesEqualHelms(String helmLine, int replicaCount) throws IOException {
    Chart chart = Charts.load(FIXTURES.resolve("charts/mychart"));

    ChartValues computed = ChartValues.compute(chart, userValues(replicaCount));

    assertThat(computed.values().toYaml()).isEqualTo(helmOutput(helmLine, "get-values-web-all.txt"));
  }
}
