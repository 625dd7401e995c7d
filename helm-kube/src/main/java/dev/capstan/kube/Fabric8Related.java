package dev.capstan.kube;

import dev.capstan.kube.readiness.Related;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;

/** The objects readiness rules look at besides the resource itself, read through a fabric8 client. */
public final class Fabric8Related implements Related {
  private final KubernetesClient client;

  /** Reads through {@code client}. */
  public Fabric8Related(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public List<ReplicaSet> replicaSets(String namespace, LabelSelector selector) {
    if (selector == null) {
      return List.of();
    }
    try {
      return List.copyOf(client.apps().replicaSets().inNamespace(namespace)
          .withLabelSelector(selector).list().getItems());
    } catch (KubernetesClientException e) {
      throw Fabric8Cluster.failure("listing the ReplicaSets of namespace " + namespace, e, false);
    }
  }

  @Override
  public List<Pod> pods(String namespace, LabelSelector selector) {
    if (selector == null) {
      return List.of();
    }
    try {
      return List.copyOf(client.pods().inNamespace(namespace).withLabelSelector(selector).list()
          .getItems());
    } catch (KubernetesClientException e) {
      throw Fabric8Cluster.failure("listing the Pods of namespace " + namespace, e, false);
    }
  }
}
