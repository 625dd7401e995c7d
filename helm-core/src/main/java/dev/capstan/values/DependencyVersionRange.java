package dev.capstan.values;

import dev.capstan.chart.Compatibility;

/**
 * The semantic-version range check that dependency processing uses to match a {@code Chart.yaml}
 * dependency to a subchart: Helm's {@code IsCompatibleRange} over Masterminds semver v3
 * constraints, with an absent constraint or version read as empty.
 */
final class DependencyVersionRange {
  private DependencyVersionRange() {}

  /** Whether {@code version} satisfies {@code constraint}; false when either does not parse. */
  static boolean isCompatible(String constraint, String version) {
    return Compatibility.isCompatibleRange(constraint == null ? "" : constraint,
        version == null ? "" : version.trim());
  }
}
