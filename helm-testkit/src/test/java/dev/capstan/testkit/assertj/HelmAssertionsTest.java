package dev.capstan.testkit.assertj;

import static dev.capstan.testkit.assertj.HelmAssertions.assertThat;
import static dev.capstan.testkit.assertj.HelmAssertions.assertThatHistory;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.testkit.cluster.InMemoryCluster;
import dev.capstan.testkit.fixtures.TestReleases;
import dev.capstan.values.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The assertions pass on what they state and fail with a message naming the difference. */
class HelmAssertionsTest {
  private final InMemoryCluster cluster = InMemoryCluster.builder().build();

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private static final List<Release> HISTORY = List.of(
      TestReleases.release("web").revision(1).status(ReleaseStatus.SUPERSEDED).build(),
      TestReleases.release("web").revision(2).status(ReleaseStatus.FAILED)
          .description("Upgrade \"web\" failed: boom").build(),
      TestReleases.release("web").revision(3).status(ReleaseStatus.DEPLOYED)
          .description("Rollback to 1").chart("web", "1.2.0").config("image: {tag: '1.27'}\nreplicas: 3\n")
          .build());

  @Test
  @DisplayName("release assertions check status, revision, description, chart version and user values")
  void release() {
    Release r = HISTORY.get(2);
    assertThat(r).hasStatus(ReleaseStatus.DEPLOYED).hasRevision(3).hasDescription("Rollback to 1")
        .hasChartVersion("1.2.0").hasUserValue("image.tag", "1.27").hasUserValue("replicas", 3);

    assertThatThrownBy(() -> assertThat(r).hasStatus(ReleaseStatus.FAILED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("web revision 3 to have status <failed> but was <deployed>");
    assertThatThrownBy(() -> assertThat(r).hasUserValue("replicas", 4))
        .hasMessageContaining("user value replicas = <4> but was <3");
  }

  @Test
  @DisplayName("history assertions give the statuses, revisions and descriptions in order")
  void history() {
    assertThatHistory(HISTORY).statuses().containsExactly(ReleaseStatus.SUPERSEDED,
        ReleaseStatus.FAILED, ReleaseStatus.DEPLOYED);
    assertThatHistory(HISTORY).revisions().containsExactly(1, 2, 3);
    assertThatHistory(HISTORY).descriptions().endsWith("Rollback to 1");
    assertThatHistory(HISTORY).endsDeployed();

    assertThatThrownBy(() -> assertThatHistory(HISTORY.subList(0, 2)).endsDeployed())
        .isInstanceOf(AssertionError.class).hasMessageContaining("[superseded, failed]");
  }

  @Test
  @DisplayName("cluster assertions find objects and check images, replicas, labels and ownership")
  void cluster() {
    cluster.create(new java.util.LinkedHashMap<>(Map.of("apiVersion", "apps/v1",
        "kind", "Deployment", "metadata", Map.of("name", "web", "namespace", "default",
            "labels", Map.of("app.kubernetes.io/name", "web")),
        "spec", Map.of("replicas", 3, "selector", Map.of("matchLabels", Map.of("app", "web")),
            "template", Map.of("metadata", Map.of("labels", Map.of("app", "web")),
                "spec", Map.of("containers", List.of(Map.of("name", "web",
                    "image", "nginx:1.27"))))))));

    assertThat(cluster).deployment("web").hasImage("nginx:1.27").hasReplicas(3)
        .hasLabel("app.kubernetes.io/name", "web");
    assertThat(cluster).doesNotHave("apps/v1", "Deployment", "db");

    assertThatThrownBy(() -> assertThat(cluster).deployment("web").hasImage("nginx:1.28"))
        .hasMessageContaining("Deployment/default/web to run image <nginx:1.28> but its "
            + "containers run [nginx:1.27]");
    assertThatThrownBy(() -> assertThat(cluster).deployment("db"))
        .hasMessageContaining("Deployment/default/db to exist");
    assertThatThrownBy(() -> assertThat(cluster).deployment("web").isOwnedBy("web", "default"))
        .hasMessageContaining("missing key \"app.kubernetes.io/managed-by\"");
    assertThatThrownBy(() -> assertThat(cluster).inNamespace("other").deployment("web"))
        .hasMessageContaining("Deployment/other/web");
  }

  @Test
  @DisplayName("TestReleases fills plain defaults and validates the revision")
  void releaseFixture() {
    Release r = TestReleases.release("db").build();
    assertThat(r).hasRevision(1).hasStatus(ReleaseStatus.DEPLOYED).hasChartVersion("0.1.0");
    org.assertj.core.api.Assertions.assertThat(r.config()).isEqualTo(Values.empty());
    assertThatThrownBy(() -> TestReleases.release("db").revision(0))
        .hasMessageContaining("starts at 1");
  }
}
