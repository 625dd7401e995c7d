package dev.capstan.repo;

import dev.capstan.chart.ChartMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a chart as a repository index lists it (§8.1): the chart's metadata, inline in
 * the index, and where to download it.
 *
 * @param metadata the {@code Chart.yaml} fields of this version
 * @param urls where the {@code .tgz} can be downloaded, as written in the index (possibly relative
 *     to the repository URL)
 * @param created when the entry was created, or {@code null}
 * @param removed the index's {@code removed} flag
 * @param digest the hex sha256 of the archive, or {@code null} when the index gives none
 */
public record ChartVersion(ChartMetadata metadata, List<String> urls, Instant created,
    boolean removed, String digest) {

  /** Copies the URL list and checks that the metadata is present. */
  public ChartVersion {
    Objects.requireNonNull(metadata, "metadata");
    urls = List.copyOf(urls == null ? List.of() : urls);
  }

  /** The chart's name. */
  public String name() {
    return metadata.name();
  }

  /** The chart's version, as written. */
  public String version() {
    return metadata.version();
  }

  /** The application version, or {@code ""} when absent (as Helm prints it). */
  public String appVersion() {
    return metadata.appVersion() == null ? "" : metadata.appVersion();
  }

  /** The description, or {@code ""} when absent. */
  public String description() {
    return metadata.description() == null ? "" : metadata.description();
  }
}
