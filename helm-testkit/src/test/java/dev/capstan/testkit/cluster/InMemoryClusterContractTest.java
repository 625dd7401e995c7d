package dev.capstan.testkit.cluster;

import dev.capstan.kube.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryCluster passes the Cluster contract")
class InMemoryClusterContractTest extends ClusterContract {
  private static final InMemoryCluster CLUSTER = InMemoryCluster.builder().withControllers()
      .build();

  @AfterAll
  static void close() {
    CLUSTER.close();
  }

  @Override
  protected Cluster createCluster() {
    return CLUSTER;
  }
}
