package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Related objects read through the Cluster SPI (here the fabric8 one on the CRUD mock server). */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRelatedTest {
  KubernetesClient client;
  private ClusterRelated related;

  @BeforeEach
  void setUp() {
    pod("ns1", "a", Map.of("app", "web", "tier", "front"));
    pod("ns1", "b", Map.of("app", "web", "tier", "back"));
    pod("ns1", "c", Map.of("app", "db"));
    pod("ns2", "d", Map.of("app", "web"));
    related = new ClusterRelated(KubeCluster.of(client), client.getKubernetesSerialization());
  }

  private void pod(String ns, String name, Map<String, String> labels) {
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(name)
        .withLabels(labels).endMetadata().build()).create();
  }

  private static LabelSelectorBuilder app(String app) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of("app", app));
  }

  @Test
  @DisplayName("matchLabels select within the namespace; a null selector selects nothing, an empty one everything")
  void matchLabels() {
    assertThat(related.pods("ns1", app("web").build()))
        .extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("a", "b");
    assertThat(related.pods("ns1", null)).isEmpty();
    assertThat(related.pods("ns1", new LabelSelector())).hasSize(3);
  }

  @Test
  @DisplayName("matchExpressions In, NotIn, Exists and DoesNotExist filter as the API server does")
  void matchExpressions() {
    assertThat(related.pods("ns1", app("web").addNewMatchExpression().withKey("tier")
        .withOperator("In").withValues("front").endMatchExpression().build()))
        .extracting(p -> p.getMetadata().getName()).containsExactly("a");
    assertThat(related.pods("ns1", new LabelSelectorBuilder().addNewMatchExpression()
        .withKey("tier").withOperator("NotIn").withValues("front").endMatchExpression().build()))
        .extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("b", "c");
    assertThat(related.pods("ns1", new LabelSelectorBuilder().addNewMatchExpression()
        .withKey("tier").withOperator("Exists").endMatchExpression().build()))
        .extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("a", "b");
    assertThat(related.pods("ns1", new LabelSelectorBuilder().addNewMatchExpression()
        .withKey("tier").withOperator("DoesNotExist").endMatchExpression().build()))
        .extracting(p -> p.getMetadata().getName()).containsExactly("c");
  }

  @Test
  @DisplayName("an unknown operator is refused with the operator and key named")
  void unknownOperator() {
    assertThatThrownBy(() -> related.pods("ns1", new LabelSelectorBuilder().addNewMatchExpression()
        .withKey("tier").withOperator("Near").endMatchExpression().build()))
        .hasMessageContaining("Near").hasMessageContaining("tier");
  }
}
