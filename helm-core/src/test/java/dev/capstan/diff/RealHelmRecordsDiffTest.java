package dev.capstan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class RealHelmRecordsDiffTest {
  private static final Path RECORDS = Path.of("../../shared/fixtures/helm-records/helm4");

  private static String manifest(String record) throws IOException {
    return new ObjectMapper().readTree(Files.readString(RECORDS.resolve(record)))
        .get("manifest").asString();
  }

  @Test
  @DisplayName("between revisions 1 and 3 of a real Helm release only the Deployment's replicas changed")
  void upgradeOfRealRelease() throws IOException {
    // Given the manifests Helm 4 stored for revision 1 and for the upgrade to replicaCount=3
    String v1 = manifest("sh.helm.release.v1.web.v1.json");
    String v3 = manifest("sh.helm.release.v1.web.v3.json");

    // When compared in the release namespace
    ReleaseDiff diff = ManifestDiff.compare(v1, v3,
        DiffOptions.builder().namespace("default").build());

    // Then the Deployment changed in one line, and the other resources did not
    assertThat(diff.changed()).singleElement().satisfies(r -> {
      assertThat(r.title()).isEqualTo("default, web-mychart, Deployment (apps)");
      assertThat(r.source()).contains("mychart/templates/deployment.yaml");
      assertThat(r.hunks().lines().filter(l -> l.startsWith("-") || l.startsWith("+")))
          .containsExactly("-  replicas: 2", "+  replicas: 3");
    });
    assertThat(diff.unchanged()).extracting(ResourceDiff::kind)
        .containsExactly("ServiceAccount", "Service");
    assertThat(diff.added()).isEmpty();
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.report()).startsWith("default, web-mychart, Deployment (apps) has changed:\n");
  }

  @Test
  @DisplayName("a real release manifest compared with itself has no changes")
  void sameRevision() throws IOException {
    String v1 = manifest("sh.helm.release.v1.web.v1.json");

    ReleaseDiff diff = ManifestDiff.compare(v1, v1, DiffOptions.defaults());

    assertThat(diff.hasChanges()).isFalse();
    assertThat(diff.resources()).hasSize(3);
  }
}
