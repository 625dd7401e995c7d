package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.yaml.Yaml;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.WaitStrategy;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Waiting for readiness against fabric8's CRUD mock server, with the test playing the controller. */
@EnableKubernetesMockClient(crud = true, https = false)
class ReadinessWaiterTest {
  KubernetesClient client;
  private KubernetesClient noRetries;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  private ReadinessWaiter waiter(boolean waitForJobs) {
    ReadinessRules rules = ReadinessRules.builder(WaitStrategy.LEGACY).waitForJobs(waitForJobs)
        .serialization(noRetries.getKubernetesSerialization()).build();
    return new ReadinessWaiter(cluster, rules, new Fabric8Related(noRetries),
        noRetries.getKubernetesSerialization(), Clock.systemUTC());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) Yaml.load(text, "test");
  }

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: ns1, generation: 1}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: c, image: nginx}]
      """;

  @Test
  @DisplayName("the wait ends once the Deployment and its new ReplicaSet report ready replicas")
  void deploymentBecomesReady() throws Exception {
    Map<String, Object> d = cluster.create(yaml(DEPLOYMENT));
    ResourceRef web = ResourceRef.of(d);
    List<ProgressEvent> seen = new CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch firstCheck = new java.util.concurrent.CountDownLatch(1);
    CompletableFuture<Void> done = CompletableFuture.runAsync(
        () -> waiter(false).waitReady(List.of(web), Duration.ofSeconds(30), e -> {
          seen.add(e);
          firstCheck.countDown();
        }));
    // The waiter has looked once (not ready) before the controller acts.
    assertThat(firstCheck.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(done).isNotDone();

    // The controller's part: the new ReplicaSet, then the Deployment's status.
    String uid = (String) ((Map<?, ?>) d.get("metadata")).get("uid");
    cluster.create(yaml("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-1
          namespace: ns1
          generation: 1
          labels: {app: web}
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: %s, controller: true}]
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: c, image: nginx}]
        status: {observedGeneration: 1, replicas: 2, readyReplicas: 2, availableReplicas: 2}
        """.formatted(uid)));
    Map<String, Object> ready = yaml(DEPLOYMENT);
    ready.put("status", Map.of("observedGeneration", 1, "replicas", 2, "readyReplicas", 2,
        "updatedReplicas", 2, "availableReplicas", 2));
    cluster.replace(ready);

    done.get(30, TimeUnit.SECONDS);
    assertThat(seen).isNotEmpty();
    assertThat(seen.get(0)).isInstanceOfSatisfying(ProgressEvent.ResourceWaiting.class,
        w -> assertThat(w.ref()).isEqualTo(web));
    assertThat(seen.get(seen.size() - 1)).isInstanceOfSatisfying(ProgressEvent.ResourceReady.class,
        r -> assertThat(r.ref()).isEqualTo(web));
    assertThat(seen).filteredOn(ProgressEvent.ResourceReady.class::isInstance).hasSize(1);
  }

  @Test
  @DisplayName("a Deployment that never gets ready ends the wait at the deadline, named with its reason")
  void deadline() {
    cluster.create(yaml(DEPLOYMENT));

    assertThatThrownBy(() -> waiter(false).waitReady(
        List.of(new ResourceRef("apps/v1", "Deployment", "ns1", "web")), Duration.ofMillis(500),
        e -> { }))
        .isInstanceOfSatisfying(ReadinessWaiter.WaitException.class, e -> {
          assertThat(e.getMessage()).startsWith("resource Deployment/ns1/web not ready. status: "
              + "InProgress").endsWith("context deadline exceeded");
          assertThat(e.notReady()).containsOnlyKeys(new ResourceRef("apps/v1", "Deployment", "ns1", "web"));
        });
  }

  @Test
  @DisplayName("a failed Job ends the wait at once with the failure, not at the deadline")
  void failFast() {
    cluster.create(yaml("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: ns1}
        spec:
          backoffLimit: 1
          template:
            spec:
              restartPolicy: Never
              containers: [{name: m, image: busybox}]
        status:
          failed: 2
          conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded,
            message: Job has reached the specified backoff limit}]
        """));

    assertThatThrownBy(() -> waiter(true).waitReady(
        List.of(new ResourceRef("batch/v1", "Job", "ns1", "migrate")), Duration.ofMinutes(5), e -> { }))
        .isInstanceOf(ReadinessWaiter.WaitException.class)
        .hasMessageContaining("resource Job/ns1/migrate not ready. status: Failed")
        .hasMessageContaining("job is failed: ns1/migrate");
  }
}
