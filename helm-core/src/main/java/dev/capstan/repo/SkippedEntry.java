package dev.capstan.repo;

/**
 * An entry of a repository index that was skipped, as Helm skips it, with the reason (§8.1).
 *
 * @param chart the key under {@code entries} that held it
 * @param position its position (from 0) in that list
 * @param version the version it gave, or {@code ""}
 * @param reason why it was skipped, such as {@code validation: chart.metadata.version is required}
 */
public record SkippedEntry(String chart, int position, String version, String reason) {
  @Override
  public String toString() {
    return "entries." + chart + "[" + position + "]"
        + (version.isEmpty() ? "" : " (version " + version + ")") + ": " + reason;
  }
}
