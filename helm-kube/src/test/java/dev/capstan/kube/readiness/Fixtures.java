package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;

/** Builders for the objects the readiness tests need, in namespace {@code ns}. */
final class Fixtures {
  static final String NS = "ns";
  static final String DEPLOYMENT_UID = "uid-web";

  private Fixtures() {}

  static PodTemplateSpec template(String image) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
        .build();
  }

  /** A Deployment web at generation 1 observed, with the given replicas and rolling update. */
  static DeploymentBuilder deployment(int replicas, Object maxSurge, Object maxUnavailable) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace(NS).withUid(DEPLOYMENT_UID)
        .withGeneration(1L).endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
        .withTemplate(template("nginx:1"))
        .withNewStrategy().withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(maxSurge == null ? null : new IntOrString(maxSurge))
        .withMaxUnavailable(maxUnavailable == null ? null : new IntOrString(maxUnavailable))
        .endRollingUpdate()
        .endStrategy()
        .endSpec()
        .withNewStatus().withObservedGeneration(1L).endStatus();
  }

  /** A ReplicaSet controlled by the Deployment web with the given template and ready count. */
  static ReplicaSetBuilder replicaSet(String name, String hash, PodTemplateSpec template,
      int readyReplicas) {
    PodTemplateSpec t = new PodTemplateSpecBuilder(template)
        .editMetadata().addToLabels("pod-template-hash", hash).endMetadata().build();
    return new ReplicaSetBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).withGeneration(1L)
        .withLabels(Map.of("app", "web", "pod-template-hash", hash))
        .withCreationTimestamp("2026-01-01T00:00:00Z")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("web")
        .withUid(DEPLOYMENT_UID).withController(true).endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNewSelector().withMatchLabels(Map.of("app", "web", "pod-template-hash", hash))
        .endSelector()
        .withTemplate(t)
        .endSpec()
        .withNewStatus().withObservedGeneration(1L).withReadyReplicas(readyReplicas).endStatus();
  }

  static ReplicaSet replicaSetOf(Deployment d, String name, String hash, int readyReplicas) {
    return replicaSet(name, hash, d.getSpec().getTemplate(), readyReplicas).build();
  }

  /** A Pod with the given labels and Ready condition. */
  static PodBuilder pod(String name, Map<String, String> labels, boolean ready) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).withLabels(labels).endMetadata()
        .withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus();
  }

  /** A container status waiting with {@code reason} after {@code restarts} restarts. */
  static ContainerStatus waiting(String container, String reason, String message, int restarts) {
    return new ContainerStatusBuilder()
        .withName(container).withRestartCount(restarts).withReady(false)
        .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting()
        .endState()
        .build();
  }

  /** A Pod of {@code labels} that is not ready because {@code status} waits. */
  static Pod waitingPod(String name, Map<String, String> labels, ContainerStatus status) {
    return pod(name, labels, false).editStatus().withContainerStatuses(status).endStatus().build();
  }
}
