package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.crd;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.uid;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.ClusterRelated;
import dev.capstan.kube.ReadinessWaiter;
import dev.capstan.kube.ResourceRef;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.WaitStrategy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * helm-kube's {@link ReadinessWaiter} against the in-memory cluster, the test playing the
 * controllers: it creates the ReplicaSet and writes status as kube-controller-manager would.
 */
class InMemoryClusterReadinessTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().build();
    cluster.create(namespace("ns1"));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private ReadinessWaiter waiter(boolean waitForJobs) {
    ReadinessRules rules = ReadinessRules.builder(WaitStrategy.LEGACY).waitForJobs(waitForJobs)
        .serialization(SERIALIZATION).build();
    return new ReadinessWaiter(cluster, rules, new ClusterRelated(cluster, SERIALIZATION),
        SERIALIZATION, Clock.systemUTC());
  }

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: ns1}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: c, image: nginx}]
      """;

  @Test
  @DisplayName("the wait ends once the controller's ReplicaSet and Deployment status report ready")
  void deploymentBecomesReady() throws Exception {
    // Given
    Map<String, Object> d = cluster.create(yaml(DEPLOYMENT));
    List<ProgressEvent> seen = new CopyOnWriteArrayList<>();
    CountDownLatch firstCheck = new CountDownLatch(1);
    CompletableFuture<Void> done = CompletableFuture.runAsync(
        () -> waiter(false).waitReady(List.of(WEB), Duration.ofSeconds(30), e -> {
          seen.add(e);
          firstCheck.countDown();
        }));
    assertThat(firstCheck.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(done).isNotDone();

    // When: the controller creates the new ReplicaSet, then reports the rollout in status
    cluster.create(yaml("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-1
          namespace: ns1
          labels: {app: web}
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: %s, controller: true}]
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: c, image: nginx}]
        """.formatted(uid(d))));
    cluster.patch(new ResourceRef("apps/v1", "ReplicaSet", "ns1", "web-1"), "[{\"op\":\"add\","
        + "\"path\":\"/status\",\"value\":{\"observedGeneration\":1,\"replicas\":2,"
        + "\"readyReplicas\":2,\"availableReplicas\":2}}]");
    cluster.patch(WEB, "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"observedGeneration\":"
        + "1,\"replicas\":2,\"readyReplicas\":2,\"updatedReplicas\":2,\"availableReplicas\":2}}]");

    // Then
    done.get(30, TimeUnit.SECONDS);
    assertThat(seen.get(0)).isInstanceOf(ProgressEvent.ResourceWaiting.class);
    assertThat(seen.get(seen.size() - 1)).isInstanceOfSatisfying(
        ProgressEvent.ResourceReady.class, r -> assertThat(r.ref()).isEqualTo(WEB));
    assertThat(cluster.requests()).contains(RecordedRequest.of(Verb.WATCH, WEB),
        RecordedRequest.list("apps/v1", "ReplicaSet", "ns1"));
  }

  @Test
  @DisplayName("a Deployment that never gets ready ends the wait at the deadline")
  void deadline() {
    // Given
    cluster.create(yaml(DEPLOYMENT));

    // When / Then
    assertThatThrownBy(() -> waiter(false).waitReady(List.of(WEB), Duration.ofMillis(300),
        e -> { }))
        .isInstanceOfSatisfying(ReadinessWaiter.WaitException.class, e -> {
          assertThat(e.getMessage()).startsWith("resource Deployment/ns1/web not ready. status:"
              + " InProgress").endsWith("context deadline exceeded");
          assertThat(e.notReady()).containsOnlyKeys(WEB);
        });
  }

  @Test
  @DisplayName("a Job the controller marks failed ends the wait at once")
  void failedJob() {
    // Given
    ResourceRef migrate = ResourceRef.of(cluster.create(yaml("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: ns1}
        spec:
          backoffLimit: 1
          template:
            spec:
              restartPolicy: Never
              containers: [{name: m, image: busybox}]
        """)));
    cluster.patch(migrate, "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"failed\":2,"
        + "\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\",\"reason\":"
        + "\"BackoffLimitExceeded\",\"message\":\"Job has reached the specified backoff"
        + " limit\"}]}}]");

    // When / Then
    assertThatThrownBy(() -> waiter(true).waitReady(List.of(migrate), Duration.ofMinutes(5),
        e -> { }))
        .isInstanceOf(ReadinessWaiter.WaitException.class)
        .hasMessageContaining("resource Job/ns1/migrate not ready. status: Failed")
        .hasMessageContaining("job is failed: ns1/migrate");
  }

  @Test
  @DisplayName("a Service and a CRD are ready as soon as the API server has admitted them")
  void admittedObjectsAreReady() {
    // Given
    ResourceRef svc = ResourceRef.of(cluster.create(yaml("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: ns1}
        spec: {ports: [{port: 80}]}
        """)));
    ResourceRef definition = ResourceRef.of(cluster.create(crd("Namespaced")));
    List<ProgressEvent> seen = new CopyOnWriteArrayList<>();

    // When
    waiter(false).waitReady(List.of(svc, definition), Duration.ofSeconds(30), seen::add);

    // Then both were ready at the first look: no waiting was reported
    assertThat(seen).allSatisfy(e -> assertThat(e).isInstanceOf(ProgressEvent.ResourceReady.class))
        .extracting(e -> ((ProgressEvent.ResourceReady) e).ref()).containsExactly(svc, definition);
  }
}
