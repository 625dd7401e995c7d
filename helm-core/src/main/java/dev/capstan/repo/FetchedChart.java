package dev.capstan.repo;

import dev.capstan.chart.Chart;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A chart downloaded from a repository, its digest verified and loaded.
 *
 * @param chart the loaded chart, ready for {@code ReleaseClient.install} or {@code upgrade}
 * @param entry the index entry it was resolved to
 * @param url the absolute URL it was downloaded from
 * @param sha256 the hex sha256 of the archive's bytes
 * @param archive where the archive is cached, or {@code null} when the repository has no cache
 *     directory
 */
public record FetchedChart(Chart chart, ChartVersion entry, String url, String sha256,
    Path archive) {

  /** Checks the required parts. */
  public FetchedChart {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** The cached archive, when the repository keeps a cache. */
  public Optional<Path> cachedArchive() {
    return Optional.ofNullable(archive);
  }
}
