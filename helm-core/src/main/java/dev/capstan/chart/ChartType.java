package dev.capstan.chart;

import java.util.Optional;

/** The {@code type} of a chart (§7.1): an application is installable, a library is not. */
public enum ChartType {
  /** An installable chart; also what an absent or empty {@code type} means. */
  APPLICATION("application"),
  /** A chart of helpers for other charts; it renders nothing of its own and cannot be installed. */
  LIBRARY("library");

  private final String wireName;

  ChartType(String wireName) {
    this.wireName = wireName;
  }

  /** The string used in {@code Chart.yaml}. */
  public String wireName() {
    return wireName;
  }

  /** Parses the {@code Chart.yaml} string; empty or {@code null} means {@link #APPLICATION}. */
  public static Optional<ChartType> fromWireName(String s) {
    if (s == null || s.isEmpty() || s.equals("application")) {
      return Optional.of(APPLICATION);
    }
    return s.equals("library") ? Optional.of(LIBRARY) : Optional.empty();
  }
}
