package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Values of real upstream charts of the shared corpus ({@code ../shared/charts}) as real Helm
 * 4.1.4 computed them ({@code ../shared/charts-expected}, and {@code toJson .Values} renders of
 * the same charts).
 */
class CorpusValuesTest {
  private static final Path CHARTS = Path.of("../../shared/charts");
  private static final Path EXPECTED = Path.of("../../shared/charts-expected");

  @Test
  @DisplayName("§4.1 podinfo: the chart default resources.limits (null) stays a null key")
  void podinfoNullLimitsKept() {
    Chart chart = Charts.load(CHARTS.resolve("podinfo"));

    Values v = ChartValues.compute(chart, Values.empty()).values();

    assertThat(v.table("resources").asMap()).containsKey("limits").containsEntry("limits", null);
  }

  @Test
  @DisplayName("§4.4 external-dns without flags: its null policy default fails its schema with "
      + "Helm's message (bare.error.txt)")
  void externalDnsNullPolicyFailsSchema() throws IOException {
    Chart chart = Charts.load(CHARTS.resolve("external-dns"));
    String helm = Files.readString(EXPECTED.resolve("external-dns/bare.error.txt"));

    // Helm prints "Error: " + the message + one more newline
    assertThatThrownBy(() -> ChartValues.computeAndValidate(chart, Values.empty()))
        .isInstanceOf(SchemaValidationException.class)
        .hasMessage(helm.substring("Error: ".length(), helm.length() - 1));
  }
}
