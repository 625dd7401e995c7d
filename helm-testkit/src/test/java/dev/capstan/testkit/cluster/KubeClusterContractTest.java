package dev.capstan.testkit.cluster;

import dev.capstan.kube.Cluster;
import dev.capstan.kube.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.DisplayName;

/**
 * The fabric8 implementation against fabric8's mock API server in CRUD mode passes the same
 * contract as the in-memory cluster, so that the kit behaves as the real path does.
 */
@DisplayName("KubeCluster on fabric8's CRUD mock server passes the Cluster contract")
@EnableKubernetesMockClient(crud = true, https = false)
class KubeClusterContractTest extends ClusterContract {
  static KubernetesClient client;

  @Override
  protected Cluster createCluster() {
    return KubeCluster.of(client);
  }
}
