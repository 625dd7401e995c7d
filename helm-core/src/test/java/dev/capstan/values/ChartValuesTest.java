package dev.capstan.values;

import static dev.capstan.values.DependencyTestCharts.chart;
import static dev.capstan.values.DependencyTestCharts.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** §4.1 + §4.4: the values a chart renders with, as Helm's install computes them. */
class ChartValuesTest {

  private static Chart webWithDatabase() {
    return chart("web")
        .values("replicas: 1\ndatabase: {enabled: true}\nglobal: {env: prod}\n")
        .dependencies("- {name: postgresql, version: '>=12.0.0', alias: database, "
            + "condition: database.enabled}")
        .sub(chart("postgresql").version("12.5.0")
            .values("port: 5432\nauth: {user: app}\n")
            .schema("{\"type\": \"object\", \"properties\": {\"port\": {\"type\": \"integer\"}}}"))
        .build();
  }

  @Test
  @DisplayName("compute processes dependencies, then coalesces: aliases, globals and defaults")
  void computeProcessesThenCoalesces() {
    // When
    ChartValues result = ChartValues.compute(webWithDatabase(), yaml("database: {port: 6543}"));

    // Then
    assertThat(result.chart().subcharts()).extracting(Chart::name).containsExactly("database");
    assertThat(result.values().get("replicas")).contains(1.0);
    assertThat(result.values().get("database.port")).contains(6543.0);
    assertThat(result.values().get("database.auth.user")).contains("app");
    assertThat(result.values().get("database.global.env")).contains("prod");
  }

  @Test
  @DisplayName("a disabled subchart leaves neither chart nor values table behind")
  void disabledSubchartGone() {
    ChartValues result = ChartValues.compute(webWithDatabase(), yaml("database: {enabled: false}"));

    assertThat(result.chart().subcharts()).isEmpty();
    assertThat(result.chart().metadata().dependencies()).isEmpty();
    assertThat(result.values().get("database.port")).isEmpty();
  }

  @Test
  @DisplayName("computeAndValidate checks the aliased subchart's schema against its table")
  void computeAndValidate() {
    assertThatThrownBy(() -> ChartValues.computeAndValidate(webWithDatabase(),
            yaml("database: {port: not-a-number}")))
        .isInstanceOf(SchemaValidationException.class)
        .hasMessageStartingWith("values don't meet the specifications of the schema(s) in the "
            + "following chart(s):\ndatabase:\n- at '/port': ");
    assertThat(ChartValues.computeAndValidate(webWithDatabase(), Values.empty()).values()
        .get("database.port")).contains(5432.0);
  }
}
