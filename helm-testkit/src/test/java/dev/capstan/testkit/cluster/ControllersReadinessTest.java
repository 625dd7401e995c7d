package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.crd;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.ClusterRelated;
import dev.capstan.kube.ReadinessWaiter;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.WaitStrategy;
import dev.capstan.progress.ProgressEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * helm-kube's {@link ReadinessWaiter}, with its LEGACY and WATCHER rules and {@link
 * ClusterRelated}, judges what the simulated controllers write: every kind they run is ready,
 * and at the first look, since the controllers have settled before the write returns.
 */
class ControllersReadinessTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().controllers(Controllers.builder().nodes(2).build())
        .build();
    cluster.create(namespace("ns1"));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private ReadinessWaiter waiter(WaitStrategy strategy) {
    ReadinessRules rules = ReadinessRules.builder(strategy).waitForJobs(true)
        .serialization(SERIALIZATION).build();
    return new ReadinessWaiter(cluster, rules, new ClusterRelated(cluster, SERIALIZATION),
        SERIALIZATION, Clock.systemUTC());
  }

  static Stream<Arguments> kinds() {
    List<Arguments> out = new ArrayList<>();
    Map<String, String> manifests = new java.util.LinkedHashMap<>();
    manifests.put("Deployment", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1}
        spec:
          replicas: 3
          progressDeadlineSeconds: 600
          strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: app, image: "nginx:1.27"}]}
        """);
    manifests.put("StatefulSet", """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: ns1}
        spec:
          replicas: 3
          serviceName: db
          updateStrategy: {type: RollingUpdate}
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "postgres:17"}]}
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """);
    manifests.put("DaemonSet", """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: ns1}
        spec:
          updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0}}
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "fluent-bit:3"}]}
        """);
    manifests.put("ReplicaSet", """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: cache, namespace: ns1}
        spec:
          replicas: 2
          selector: {matchLabels: {app: cache}}
          template:
            metadata: {labels: {app: cache}}
            spec: {containers: [{name: redis, image: "redis:8"}]}
        """);
    manifests.put("Job", """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: ns1}
        spec:
          completions: 2
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: "flyway:11"}]
        """);
    manifests.put("Pod", """
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: ns1}
        spec: {containers: [{name: shell, image: busybox}]}
        """);
    manifests.put("Service (ClusterIP)", """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: ns1}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        """);
    manifests.put("Service (LoadBalancer)", """
        apiVersion: v1
        kind: Service
        metadata: {name: edge, namespace: ns1}
        spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 443}]}
        """);
    manifests.put("PersistentVolumeClaim", """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: uploads, namespace: ns1}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
        """);
    manifests.put("CustomResourceDefinition", null);
    for (WaitStrategy s : WaitStrategy.values()) {
      manifests.forEach((kind, manifest) -> out.add(Arguments.of(s, kind, manifest)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("kinds")
  @DisplayName("each kind the controllers run is ready at the waiter's first look")
  void readyAtFirstLook(WaitStrategy strategy, String kind, String manifest) {
    // Given
    Map<String, Object> object = manifest == null ? crd("Namespaced") : yaml(manifest);
    ResourceRef ref = ResourceRef.of(cluster.create(object));
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    // When
    waiter(strategy).waitReady(List.of(ref), Duration.ofSeconds(30), events::add);

    // Then
    assertThat(events).singleElement().isInstanceOfSatisfying(ProgressEvent.ResourceReady.class,
        r -> assertThat(r.ref()).isEqualTo(ref));
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("a Deployment whose template changed is ready again once its new ReplicaSet is")
  void upgradedDeployment(WaitStrategy strategy) {
    // Given
    ResourceRef web = ResourceRef.of(cluster.create(Manifests.deployment("ns1", "web", 2)));
    cluster.patch(web, "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
        + "\"value\":\"nginx:1.28\"}]");
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    // When
    waiter(strategy).waitReady(List.of(web), Duration.ofSeconds(30), events::add);

    // Then
    assertThat(events).singleElement().isInstanceOf(ProgressEvent.ResourceReady.class);
    assertThat(cluster.list("apps/v1", "ReplicaSet", "ns1", Map.of("app", "web")))
        .extracting(rs -> Manifests.spec(rs).get("replicas")).containsExactlyInAnyOrder(0, 2);
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("with a delay the waiter first reports the Deployment waiting, then ready")
  void readyAfterDelay(WaitStrategy strategy) {
    // Given
    cluster.close();
    cluster = InMemoryCluster.builder()
        .controllers(Controllers.builder().readyAfter(Duration.ofMillis(300)).build()).build();
    cluster.create(namespace("ns1"));
    long start = System.nanoTime();
    ResourceRef web = ResourceRef.of(cluster.create(Manifests.deployment("ns1", "web", 2)));
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    // When
    waiter(strategy).waitReady(List.of(web), Duration.ofSeconds(30), events::add);

    // Then
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
        Duration.ofMillis(300));
    assertThat(events.get(0)).isInstanceOf(ProgressEvent.ResourceWaiting.class);
    assertThat(events.get(events.size() - 1)).isInstanceOf(ProgressEvent.ResourceReady.class);
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("without controllers the same Deployment is never ready")
  void withoutControllers(WaitStrategy strategy) {
    // Given
    cluster.close();
    cluster = InMemoryCluster.builder().build();
    cluster.create(namespace("ns1"));
    ResourceRef web = ResourceRef.of(cluster.create(Manifests.deployment("ns1", "web", 1)));

    // When / Then
    assertThatThrownBy(() -> waiter(strategy).waitReady(List.of(web), Duration.ofMillis(200),
        e -> { }))
        .isInstanceOf(ReadinessWaiter.WaitException.class)
        .hasMessageEndingWith("context deadline exceeded");
    assertThat(cluster.list("apps/v1", "ReplicaSet", "ns1", Map.of())).isEmpty();
  }
}
