package dev.capstan.testkit.assertj;

import dev.capstan.kube.Cluster;
import dev.capstan.release.Release;
import java.util.List;

/**
 * Entry point of Capstan's AssertJ assertions.
 *
 * <pre>{@code
 * assertThat(release).hasStatus(DEPLOYED).hasRevision(3).hasDescription("Rollback to 1");
 * assertThatHistory(helm.history("web")).statuses().containsExactly(SUPERSEDED, FAILED, DEPLOYED);
 * assertThat(cluster).deployment("web").hasImage("nginx:1.27").hasReplicas(3);
 * }</pre>
 */
public final class HelmAssertions {
  private HelmAssertions() {}

  /** Assertions on one revision. */
  public static ReleaseAssert assertThat(Release actual) {
    return new ReleaseAssert(actual);
  }

  /** Assertions on a release's history (ascending by revision, as the client returns it). */
  public static HistoryAssert assertThatHistory(List<Release> actual) {
    return new HistoryAssert(actual);
  }

  /** Assertions on the objects in a cluster. */
  public static ClusterAssert assertThat(Cluster actual) {
    return new ClusterAssert(actual);
  }
}
