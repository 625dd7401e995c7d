package dev.capstan.chart;

import java.nio.file.Path;

/** Loads charts from directories and {@code .tgz} archives. */
public final class Charts {
  private Charts() {}

  /**
   * Loads the chart at {@code path}: a chart directory or a packaged {@code .tgz} archive.
   *
   * @throws ChartLoadException naming the file and what is wrong with it
   */
  public static Chart load(Path path) {
    throw new UnsupportedOperationException("not yet written");
  }
}
