package dev.capstan.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.RenderedChart;
import dev.capstan.values.Values;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart from a repository feeds straight into rendering (what install and upgrade do first):
 * the samples' Pebble chart, packaged, indexed with its digest, served and fetched by constraint.
 */
class RepositoryChartRendersTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("a fetched chart renders as the chart on disk does")
  void fetchedChartRenders() throws Exception {
    // Given the samples' chart packaged and listed in an index with a relative URL
    Chart onDisk = Charts.load(Path.of("../samples/charts/mychart"));
    Path tgz = Charts.save(onDisk, dir, Instant.parse("2026-12-01T00:00:00Z"));
    byte[] archive = Files.readAllBytes(tgz);
    String version = onDisk.metadata().version();
    String index = """
        apiVersion: v1
        entries:
          mychart:
          - apiVersion: v2
            name: mychart
            version: %s
            digest: %s
            urls: [charts/mychart-%s.tgz]
        """.formatted(version, ChartRepository.sha256(archive), version);
    try (FakeRepositoryServer server = new FakeRepositoryServer()) {
      server.serve("/pebble/index.yaml", index.getBytes(StandardCharsets.UTF_8))
          .serve("/pebble/charts/mychart-" + version + ".tgz", archive);
      ChartRepository repo = ChartRepository.builder("pebble", server.url() + "/pebble").build();

      // When it is fetched by constraint and rendered
      FetchedChart fetched = repo.fetch(ChartReference.of("pebble", "mychart", ">=0.0.1"));
      ChartRenderer renderer = ChartRenderer.builder().build();
      RenderedChart fromRepo = renderer.prepare(fetched.chart())
          .render(ReleaseOptions.install("web", "default"), Values.empty());
      RenderedChart local = renderer.prepare(onDisk)
          .render(ReleaseOptions.install("web", "default"), Values.empty());

      // Then it renders the same manifests
      assertThat(fetched.chart().metadata().version()).isEqualTo(version);
      assertThat(fromRepo.manifests()).isNotEmpty().isEqualTo(local.manifests());
    }
  }
}
