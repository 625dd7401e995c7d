package dev.capstan.repo;

import java.util.Objects;

/**
 * A chart in a named repository with a version or version constraint, such as
 * {@code bitnami/postgresql} at {@code 14.0.0} or {@code ^0.1}: what {@code helm install
 * REPO/CHART --version V} names.
 *
 * @param repository the repository's name (as in {@code repositories.yaml})
 * @param chart the chart's name
 * @param version an exact version or a Masterminds constraint; {@code ""} means the latest
 *     stable version
 */
public record ChartReference(String repository, String chart, String version) {

  /** Checks that the names are present and not blank. */
  public ChartReference {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(chart, "chart");
    version = version == null ? "" : version.trim();
    if (repository.isBlank() || chart.isBlank()) {
      throw new IllegalArgumentException("a chart reference needs a repository and a chart name,"
          + " got repository \"" + repository + "\" and chart \"" + chart + "\"");
    }
  }

  /** A chart at a version or constraint. */
  public static ChartReference of(String repository, String chart, String version) {
    return new ChartReference(repository, chart, version);
  }

  /** The latest stable version of a chart. */
  public static ChartReference of(String repository, String chart) {
    return new ChartReference(repository, chart, "");
  }

  /**
   * Parses {@code REPO/CHART} as Helm's CLI takes it, with a version or constraint.
   *
   * @throws IllegalArgumentException when the text is not of the form {@code repo/chart}
   */
  public static ChartReference parse(String repoSlashChart, String version) {
    int slash = repoSlashChart.indexOf('/');
    if (slash <= 0 || slash == repoSlashChart.length() - 1
        || repoSlashChart.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("\"" + repoSlashChart
          + "\" is not a chart reference of the form REPOSITORY/CHART");
    }
    return new ChartReference(repoSlashChart.substring(0, slash),
        repoSlashChart.substring(slash + 1), version);
  }

  @Override
  public String toString() {
    return repository + "/" + chart + (version.isEmpty() ? "" : " " + version);
  }
}
