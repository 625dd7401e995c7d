package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kube.readiness.Readiness;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.WaitStrategy;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Readiness rules reading related objects from fabric8's CRUD mock server. */
@EnableKubernetesMockClient(crud = true, https = false)
class Fabric8RelatedTest {
  KubernetesClient client;

  @Test
  @DisplayName("pods and ReplicaSets are found by label selector within the namespace")
  void selectors() {
    client.pods().inNamespace("ns1").resource(new PodBuilder().withNewMetadata().withName("a")
        .withLabels(Map.of("app", "web")).endMetadata().build()).create();
    client.pods().inNamespace("ns1").resource(new PodBuilder().withNewMetadata().withName("b")
        .withLabels(Map.of("app", "db")).endMetadata().build()).create();
    client.pods().inNamespace("ns2").resource(new PodBuilder().withNewMetadata().withName("c")
        .withLabels(Map.of("app", "web")).endMetadata().build()).create();
    Fabric8Related related = new Fabric8Related(client);

    assertThat(related.pods("ns1", new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web"))
        .build())).extracting(p -> p.getMetadata().getName()).containsExactly("a");
    assertThat(related.pods("ns1", null)).isEmpty();
  }

  @Test
  @DisplayName("a Deployment becomes ready once its new ReplicaSet reports ready replicas, as a controller would")
  void deploymentReadiness() {
    Deployment d = client.apps().deployments().inNamespace("ns1").resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(2)
        .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
        .endTemplate().endSpec().build()).create();
    ReadinessRules rules = ReadinessRules.builder(WaitStrategy.LEGACY)
        .serialization(client.getKubernetesSerialization()).build();
    Fabric8Related related = new Fabric8Related(client);

    Readiness before = rules.check(d, related);
    // The controller's part: a ReplicaSet owned by the Deployment, then status on both.
    client.apps().replicaSets().inNamespace("ns1").resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-1").withLabels(Map.of("app", "web")).withGeneration(1L)
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("web")
        .withUid(d.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
        .withNewSpec().withReplicas(2).withSelector(d.getSpec().getSelector())
        .withTemplate(d.getSpec().getTemplate()).endSpec()
        .withNewStatus().withObservedGeneration(1L).withReplicas(2).withReadyReplicas(2)
        .withAvailableReplicas(2).endStatus().build()).create();
    d.getMetadata().setGeneration(1L);
    d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
        .withObservedGeneration(1L).withReplicas(2).withReadyReplicas(2).withUpdatedReplicas(2)
        .withAvailableReplicas(2).build());
    Readiness after = rules.check(d, related);

    assertThat(before.state()).isEqualTo(Readiness.State.IN_PROGRESS);
    assertThat(after.state()).isEqualTo(Readiness.State.READY);
  }
}
