package dev.capstan.repo;

import java.util.Objects;

/**
 * One line of {@code helm search repo}.
 *
 * @param name {@code repo/chart} (lower-cased for a literal keyword search, as Helm prints it)
 * @param chart the index entry
 * @param score where the keyword matched: 0 in the name, 1 in {@code repo/name}, 2 in the
 *     description, 3 in the keywords
 */
public record SearchResult(String name, ChartVersion chart, int score) {
  /** Checks the parts. */
  public SearchResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(chart, "chart");
  }
}
