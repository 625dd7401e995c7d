package dev.capstan.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.client.ReleaseClient;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.testkit.cluster.InMemoryCluster;
import dev.capstan.testkit.fixtures.TestCharts;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link HelmTest}: what it injects, and how fresh each kit is. */
@HelmTest(namespace = "apps")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelmExtensionTest {
  static InMemoryCluster sharedCluster;
  private static final Set<InMemoryCluster> SEEN = new HashSet<>();

  ReleaseClient helm;
  InMemoryCluster cluster;
  MemoryDriver storage;

  @Test
  @Order(1)
  @DisplayName("fields get a client wired to the injected cluster and storage, in the annotation's namespace")
  void fields() {
    helm.install("web", TestCharts.chart("web", "1.0.0").template("cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {a: b}\n").build(),
        in -> { });

    assertThat(helm.namespace()).isEqualTo("apps");
    assertThat(cluster.get(new dev.capstan.kube.ResourceRef("v1", "ConfigMap", "apps",
        "web-config"))).isPresent();
    assertThat(storage.list("apps", r -> true).releases()).hasSize(1);
    SEEN.add(cluster);
  }

  @Test
  @Order(2)
  @DisplayName("every test gets a fresh kit: nothing the previous test installed is there")
  void fresh() {
    assertThat(storage.list("apps", r -> true).releases()).isEmpty();
    assertThat(SEEN).doesNotContain(cluster);
    SEEN.add(cluster);
  }

  @Test
  @Order(3)
  @DisplayName("parameters get the same kit as the fields of the test; static fields one kit for the class")
  void parameters(ReleaseClient client, InMemoryCluster injected) {
    assertThat(client).isSameAs(helm);
    assertThat(injected).isSameAs(cluster);
    assertThat(sharedCluster).isNotNull().isNotSameAs(cluster);
    assertThat(SEEN).doesNotContain(sharedCluster);
  }

  @AfterAll
  static void allDistinct() {
    assertThat(SEEN).hasSize(2);
  }
}
