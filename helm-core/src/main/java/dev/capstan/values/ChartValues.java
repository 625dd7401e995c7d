package dev.capstan.values;

import dev.capstan.chart.Chart;
import java.util.Objects;

/**
 * The values a chart is rendered with: the chart after dependency processing and the final
 * coalesced values that its templates see as {@code .Values} (§4.1).
 *
 * <p>This is what Helm's install and upgrade compute before rendering: {@code ProcessDependencies}
 * on the chart, then {@code CoalesceValues} of the processed chart with the user values. A
 * subchart's templates see the sub-table named after the subchart (or its alias).
 *
 * @param chart the processed chart: disabled subcharts removed, aliases applied, imports merged
 *     into its values; this is the chart a release record stores
 * @param values the final values for the top chart's templates
 */
public record ChartValues(Chart chart, Values values) {

  /** Checks that both parts are present. */
  public ChartValues {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(values, "values");
  }

  /**
   * Processes the dependencies of {@code chart} against {@code user}, then coalesces the processed
   * chart with {@code user}.
   *
   * @throws dev.capstan.CapstanException {@code type mismatch on <subchart>: ...} when the values
   *     for a subchart are not a map
   */
  public static ChartValues compute(Chart chart, Values user) {
    Chart processed = Dependencies.process(chart, user);
    return new ChartValues(processed, Coalescing.coalesce(processed, user));
  }

  /**
   * Computes the values as {@link #compute} does, then validates them against the schemas of the
   * chart and its subcharts.
   *
   * @throws SchemaValidationException when the values do not meet a schema
   */
  public static ChartValues computeAndValidate(Chart chart, Values user) {
    ChartValues result = compute(chart, user);
    ValuesSchema.validate(result.chart(), result.values());
    return result;
  }
}
