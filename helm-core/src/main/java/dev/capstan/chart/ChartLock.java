package dev.capstan.chart;

import java.util.List;
import java.util.Objects;

/**
 * The content of {@code Chart.lock} (or {@code requirements.lock} for v1 charts).
 *
 * @param generated the {@code generated} timestamp exactly as written in the file
 * @param digest the {@code digest}, such as {@code sha256:…}
 * @param dependencies the locked dependencies
 */
public record ChartLock(String generated, String digest, List<Dependency> dependencies) {
  /** Copies the list. */
  public ChartLock {
    Objects.requireNonNull(dependencies, "dependencies");
    dependencies = List.copyOf(dependencies);
  }
}
