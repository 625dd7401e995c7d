package dev.capstan.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/** The {@link Cluster} of a fabric8 {@link KubernetesClient} that the application configured. */
public final class KubeCluster {
  private KubeCluster() {}

  /**
   * The cluster that {@code client} talks to. Capstan never reads kubeconfig or the environment
   * itself; the client's configuration is the application's choice, and so is its HTTP client.
   */
  public static Cluster of(KubernetesClient client) {
    return new Fabric8Cluster(Objects.requireNonNull(client, "client"));
  }
}
