package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.metadata;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.spec;
import static dev.capstan.testkit.cluster.Manifests.uid;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.Cluster.Propagation;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the in-memory cluster's simulated controllers write, kind by kind. */
class ControllersTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");

  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().withControllers().build();
    cluster.create(namespace("ns1"));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  /** The value at a path of map keys and list indexes, or null. */
  static Object at(Object value, Object... path) {
    Object v = value;
    for (Object step : path) {
      if (step instanceof Integer i && v instanceof List<?> l) {
        v = i < l.size() ? l.get(i) : null;
      } else if (v instanceof Map<?, ?> m) {
        v = m.get(step);
      } else {
        return null;
      }
    }
    return v;
  }

  /** The map at a path, as {@link #at} finds it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> mapAt(Object value, Object... path) {
    return (Map<String, Object>) at(value, path);
  }

  private List<Map<String, Object>> list(String apiVersion, String kind,
      Map<String, String> labels) {
    return cluster.list(apiVersion, kind, "ns1", labels);
  }

  private List<Map<String, Object>> pods(Map<String, String> labels) {
    return list("v1", "Pod", labels);
  }

  private Map<String, Object> get(String apiVersion, String kind, String name) {
    return cluster.get(new ResourceRef(apiVersion, kind, "ns1", name)).orElseThrow();
  }

  private static String name(Map<String, Object> object) {
    return (String) metadata(object).get("name");
  }

  private static Map<String, Object> condition(Map<String, Object> object, String type) {
    Object conditions = at(object, "status", "conditions");
    for (Object c : conditions instanceof List<?> l ? l : List.of()) {
      if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) m;
        return found;
      }
    }
    return Map.of();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  @DisplayName("without controllers a Deployment gets no ReplicaSet and scenarios are refused")
  void offUnlessEnabled() {
    // Given
    try (InMemoryCluster plain = InMemoryCluster.builder().build()) {
      plain.create(namespace("ns1"));

      // When
      plain.create(deployment("ns1", "web", 1));

      // Then
      assertThat(plain.list("apps/v1", "ReplicaSet", "ns1", Map.of())).isEmpty();
      assertThat(plain.list("v1", "Node", "", Map.of())).isEmpty();
      assertThatThrownBy(plain::scenario).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("InMemoryCluster.builder().withControllers()");
    }
  }

  @Nested
  @DisplayName("Deployment")
  class Deployments {
    @Test
    @DisplayName("gets a ReplicaSet named after its template hash, and Pods owned by it")
    void replicaSetAndPods() {
      // When
      Map<String, Object> d = cluster.create(deployment("ns1", "web", 2));

      // Then
      List<Map<String, Object>> sets = list("apps/v1", "ReplicaSet", Map.of());
      assertThat(sets).hasSize(1);
      Map<String, Object> rs = sets.get(0);
      String hash = (String) at(rs, "metadata", "labels", "pod-template-hash");
      assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{6,10}");
      assertThat(name(rs)).isEqualTo("web-" + hash);
      assertThat(at(rs, "spec", "selector", "matchLabels"))
          .isEqualTo(Map.of("app", "web", "pod-template-hash", hash));
      assertThat(at(rs, "spec", "template", "metadata", "labels"))
          .isEqualTo(Map.of("app", "web", "pod-template-hash", hash));
      assertThat(at(rs, "metadata", "ownerReferences", 0)).isEqualTo(Map.of("apiVersion",
          "apps/v1", "kind", "Deployment", "name", "web", "uid", uid(d), "controller", true,
          "blockOwnerDeletion", true));
      assertThat(at(rs, "metadata", "annotations", "deployment.kubernetes.io/revision"))
          .isEqualTo("1");
      List<Map<String, Object>> pods = pods(Map.of("app", "web"));
      assertThat(pods).hasSize(2).allSatisfy(p -> {
        assertThat(name(p)).startsWith("web-" + hash + "-");
        assertThat(at(p, "metadata", "labels", "pod-template-hash")).isEqualTo(hash);
        assertThat(at(p, "metadata", "ownerReferences", 0, "uid")).isEqualTo(uid(rs));
        assertThat(at(p, "spec", "nodeName")).isEqualTo("node-1");
        assertThat(at(p, "status", "phase")).isEqualTo("Running");
        assertThat(condition(p, "Ready")).containsEntry("status", "True");
        assertThat(at(p, "status", "podIP")).asString().startsWith("10.244.0.");
      });
    }

    @Test
    @DisplayName("reports its rollout in status, as do its ReplicaSet and Pods")
    void status() {
      // When
      cluster.create(deployment("ns1", "web", 2));

      // Then
      Map<String, Object> d = cluster.get(WEB).orElseThrow();
      assertThat(mapAt(d, "status")).containsEntry("observedGeneration", 1)
          .containsEntry("replicas", 2).containsEntry("updatedReplicas", 2)
          .containsEntry("readyReplicas", 2).containsEntry("availableReplicas", 2)
          .doesNotContainKey("unavailableReplicas");
      assertThat(condition(d, "Available")).containsEntry("status", "True")
          .containsEntry("reason", "MinimumReplicasAvailable");
      assertThat(condition(d, "Progressing")).containsEntry("status", "True")
          .containsEntry("reason", "NewReplicaSetAvailable")
          .hasEntrySatisfying("message", m -> assertThat(m).asString()
              .matches("ReplicaSet \"web-\\w+\" has successfully progressed\\."));
      Map<String, Object> rs = list("apps/v1", "ReplicaSet", Map.of()).get(0);
      assertThat(mapAt(rs, "status")).containsEntry("observedGeneration", 1)
          .containsEntry("replicas", 2).containsEntry("readyReplicas", 2)
          .containsEntry("availableReplicas", 2).containsEntry("fullyLabeledReplicas", 2);
    }

    @Test
    @DisplayName("on a template change gets a new ReplicaSet and scales the old one to 0")
    void templateChange() {
      // Given
      cluster.create(deployment("ns1", "web", 2));
      String first = name(list("apps/v1", "ReplicaSet", Map.of()).get(0));

      // When
      cluster.patch(WEB, "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/"
          + "image\",\"value\":\"nginx:1.28\"}]");

      // Then
      Map<String, Object> old = get("apps/v1", "ReplicaSet", first);
      assertThat(spec(old)).containsEntry("replicas", 0);
      Map<String, Object> current = list("apps/v1", "ReplicaSet", Map.of()).stream()
          .filter(rs -> !name(rs).equals(first)).findFirst().orElseThrow();
      assertThat(at(current, "metadata", "annotations", "deployment.kubernetes.io/revision"))
          .isEqualTo("2");
      assertThat(pods(Map.of("app", "web"))).hasSize(2).allSatisfy(p -> assertThat(
          at(p, "metadata", "ownerReferences", 0, "name")).isEqualTo(name(current)));
      assertThat(mapAt(cluster.get(WEB).orElseThrow(), "status"))
          .containsEntry("observedGeneration", 2).containsEntry("updatedReplicas", 2)
          .containsEntry("replicas", 2);
    }

    @Test
    @DisplayName("returning to an earlier template revives its ReplicaSet under the next revision")
    void rollback() {
      // Given
      cluster.create(deployment("ns1", "web", 1));
      String first = name(list("apps/v1", "ReplicaSet", Map.of()).get(0));
      String image = "/spec/template/spec/containers/0/image";
      cluster.patch(WEB, "[{\"op\":\"replace\",\"path\":\"" + image + "\",\"value\":\"v2\"}]");

      // When
      cluster.patch(WEB, "[{\"op\":\"replace\",\"path\":\"" + image + "\",\"value\":"
          + "\"nginx:1.27\"}]");

      // Then
      Map<String, Object> revived = get("apps/v1", "ReplicaSet", first);
      assertThat(spec(revived)).containsEntry("replicas", 1);
      assertThat(mapAt(revived, "metadata", "annotations"))
          .containsEntry("deployment.kubernetes.io/revision", "3")
          .containsEntry("deployment.kubernetes.io/revision-history", "1");
      assertThat(list("apps/v1", "ReplicaSet", Map.of())).hasSize(2);
    }

    @Test
    @DisplayName("with the Recreate strategy replaces every pod")
    void recreate() {
      // Given
      Map<String, Object> d = deployment("ns1", "web", 2);
      spec(d).put("strategy", Map.of("type", "Recreate"));
      cluster.create(d);
      List<String> before = pods(Map.of()).stream().map(ControllersTest::name).toList();

      // When
      cluster.patch(WEB, "[{\"op\":\"add\",\"path\":\"/spec/template/metadata/annotations\","
          + "\"value\":{\"restartedAt\":\"now\"}}]");

      // Then
      assertThat(pods(Map.of())).hasSize(2).extracting(ControllersTest::name)
          .doesNotContainAnyElementsOf(before);
      assertThat(condition(cluster.get(WEB).orElseThrow(), "Progressing"))
          .containsEntry("reason", "NewReplicaSetAvailable");
    }

    @Test
    @DisplayName("scaling down deletes pods; a deleted pod is replaced")
    void scaleAndReplace() {
      // Given
      cluster.create(deployment("ns1", "web", 3));

      // When
      cluster.patch(WEB, "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]");
      String doomed = name(pods(Map.of()).get(0));
      cluster.delete(new ResourceRef("v1", "Pod", "ns1", doomed), Propagation.BACKGROUND);

      // Then
      assertThat(pods(Map.of())).hasSize(2).extracting(ControllersTest::name)
          .doesNotContain(doomed);
      assertThat(at(cluster.get(WEB).orElseThrow(), "status", "readyReplicas")).isEqualTo(2);
    }

    @Test
    @DisplayName("deleting it takes its ReplicaSets and Pods along")
    void cascade() {
      // Given
      cluster.create(deployment("ns1", "web", 2));

      // When
      cluster.delete(WEB, Propagation.BACKGROUND);

      // Then
      assertThat(list("apps/v1", "ReplicaSet", Map.of())).isEmpty();
      assertThat(pods(Map.of())).isEmpty();
    }
  }

  @Test
  @DisplayName("controllers' writes are neither recorded as requests nor failed by injected failures")
  void notRecorded() {
    // Given
    cluster.clearRequests();
    cluster.failNext(Verb.CREATE, "Pod", new dev.capstan.kube.ClusterException("no", 500, "", null));

    // When
    cluster.create(deployment("ns1", "web", 2));

    // Then
    assertThat(cluster.requests()).containsExactly(RecordedRequest.of(Verb.CREATE, WEB));
    assertThat(pods(Map.of())).hasSize(2);
  }

  @Test
  @DisplayName("controllers own what they write in managedFields: status through the subresource")
  void managedFields() {
    // When
    cluster.create(deployment("ns1", "web", 1));

    // Then
    Map<String, Object> pod = pods(Map.of()).get(0);
    assertThat(Manifests.managedFields(pod)).extracting(e -> e.get("manager") + "/"
        + e.getOrDefault("subresource", "")).containsExactlyInAnyOrder(
            "kube-controller-manager/", "kube-scheduler/", "kubelet/status");
    assertThat(metadata(pod)).containsEntry("generation", 1);
  }

  @Nested
  @DisplayName("StatefulSet")
  class StatefulSets {
    private static final String DB = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: ns1}
        spec:
          replicas: 3
          serviceName: db
          %s
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "postgres:17"}]}
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """;

    private final ResourceRef db = new ResourceRef("apps/v1", "StatefulSet", "ns1", "db");

    @Test
    @DisplayName("gets pods db-0 to db-2 with their claims, and reports its revisions")
    void podsAndClaims() {
      // When
      cluster.create(yaml(DB.formatted("")));

      // Then
      Map<String, Object> sts = cluster.get(db).orElseThrow();
      String revision = (String) at(sts, "status", "updateRevision");
      assertThat(revision).startsWith("db-");
      assertThat(mapAt(sts, "status")).containsEntry("currentRevision", revision)
          .containsEntry("replicas", 3).containsEntry("readyReplicas", 3)
          .containsEntry("currentReplicas", 3).containsEntry("updatedReplicas", 3)
          .containsEntry("observedGeneration", 1);
      assertThat(pods(Map.of("app", "db"))).extracting(ControllersTest::name)
          .containsExactly("db-0", "db-1", "db-2");
      Map<String, Object> pod = get("v1", "Pod", "db-1");
      assertThat(mapAt(pod, "metadata", "labels"))
          .containsEntry("controller-revision-hash", revision)
          .containsEntry("statefulset.kubernetes.io/pod-name", "db-1")
          .containsEntry("apps.kubernetes.io/pod-index", "1");
      assertThat(at(pod, "spec", "hostname")).isEqualTo("db-1");
      assertThat(at(pod, "spec", "volumes", 0, "persistentVolumeClaim", "claimName"))
          .isEqualTo("data-db-1");
      assertThat(at(get("v1", "PersistentVolumeClaim", "data-db-1"), "status", "phase"))
          .isEqualTo("Bound");
      assertThat(get("apps/v1", "ControllerRevision", revision)).containsEntry("revision", 1);
    }

    @Test
    @DisplayName("creates each pod once the one before is ready, unless Parallel")
    void ordered() {
      // Given
      cluster.scenario().statefulSet("db").neverReady();

      // When
      cluster.create(yaml(DB.formatted("")));

      // Then
      assertThat(pods(Map.of())).extracting(ControllersTest::name).containsExactly("db-0");
      cluster.delete(db, Propagation.BACKGROUND);
      cluster.create(yaml(DB.formatted("podManagementPolicy: Parallel")));
      assertThat(pods(Map.of())).extracting(ControllersTest::name)
          .containsExactly("db-0", "db-1", "db-2");
    }

    @Test
    @DisplayName("rolls a template change out down to the partition only")
    void partition() {
      // Given
      cluster.create(yaml(DB.formatted(
          "updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}")));
      String before = (String) at(cluster.get(db).orElseThrow(), "status", "updateRevision");

      // When
      cluster.patch(db, "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/"
          + "image\",\"value\":\"postgres:18\"}]");

      // Then
      Map<String, Object> status = mapAt(cluster.get(db).orElseThrow(), "status");
      String after = (String) status.get("updateRevision");
      assertThat(after).isNotEqualTo(before);
      assertThat(status).containsEntry("currentRevision", before)
          .containsEntry("updatedReplicas", 1).containsEntry("currentReplicas", 2)
          .containsEntry("readyReplicas", 3);
      assertThat(pods(Map.of())).extracting(p -> at(p, "spec", "containers", 0, "image"))
          .containsExactly("postgres:17", "postgres:17", "postgres:18");
    }
  }

  @Test
  @DisplayName("a DaemonSet runs one pod on every node")
  void daemonSet() {
    // Given
    cluster.close();
    cluster = InMemoryCluster.builder().controllers(Controllers.builder().nodes(3).build())
        .build();
    cluster.create(namespace("ns1"));

    // When
    cluster.create(yaml("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: ns1}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "fluent-bit:3"}]}
        """));

    // Then
    assertThat(cluster.list("v1", "Node", "", Map.of())).extracting(ControllersTest::name)
        .containsExactly("node-1", "node-2", "node-3");
    assertThat(pods(Map.of("app", "agent"))).extracting(p -> at(p, "spec", "nodeName"))
        .containsExactlyInAnyOrder("node-1", "node-2", "node-3");
    assertThat(mapAt(get("apps/v1", "DaemonSet", "agent"), "status"))
        .containsEntry("desiredNumberScheduled", 3).containsEntry("currentNumberScheduled", 3)
        .containsEntry("updatedNumberScheduled", 3).containsEntry("numberReady", 3)
        .containsEntry("numberAvailable", 3).containsEntry("observedGeneration", 1);
  }

  @Nested
  @DisplayName("Job")
  class Jobs {
    @Test
    @DisplayName("runs pods until its completions have succeeded, then is Complete")
    void completes() {
      // When
      cluster.create(yaml("""
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate, namespace: ns1}
          spec:
            completions: 3
            parallelism: 2
            template:
              spec:
                restartPolicy: Never
                containers: [{name: migrate, image: "flyway:11"}]
          """));

      // Then
      Map<String, Object> job = get("batch/v1", "Job", "migrate");
      assertThat(mapAt(job, "status")).containsEntry("succeeded", 3)
          .containsKeys("startTime", "completionTime").doesNotContainKey("active");
      assertThat(condition(job, "Complete")).containsEntry("status", "True");
      assertThat(condition(job, "SuccessCriteriaMet")).containsEntry("status", "True");
      assertThat(pods(Map.of("job-name", "migrate"))).hasSize(3).allSatisfy(p -> {
        assertThat(at(p, "status", "phase")).isEqualTo("Succeeded");
        assertThat(at(p, "status", "containerStatuses", 0, "state", "terminated", "reason"))
            .isEqualTo("Completed");
      });
    }

    @Test
    @DisplayName("that fails retries until its backoff limit, and serves the failure's log")
    void fails() {
      // Given
      cluster.scenario().job("migrate").fail("line 1\nline 2\nrelation exists\n");

      // When
      cluster.create(yaml("""
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate, namespace: ns1}
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: migrate, image: "flyway:11"}]
          """));

      // Then
      Map<String, Object> job = get("batch/v1", "Job", "migrate");
      assertThat(at(job, "status", "failed")).isEqualTo(7);
      assertThat(condition(job, "Failed")).containsEntry("status", "True")
          .containsEntry("reason", "BackoffLimitExceeded");
      Map<String, Object> pod = pods(Map.of("job-name", "migrate")).get(0);
      assertThat(at(pod, "status", "containerStatuses", 0, "state", "terminated", "exitCode"))
          .isEqualTo(1);
      ResourceRef ref = ResourceRef.of(pod);
      assertThat(cluster.logs(ref, "migrate", 2)).contains("line 2\nrelation exists\n");
      assertThat(cluster.logs(ref, "other", 2)).isEmpty();
      assertThat(cluster.requests()).contains(RecordedRequest.of(Verb.LOG, ref));
    }
  }

  @Test
  @DisplayName("a bare Pod is bound to a node and runs, ready, keeping its generation")
  void barePod() {
    // When
    Map<String, Object> created = cluster.create(yaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: ns1}
        spec:
          initContainers: [{name: init, image: busybox}]
          containers: [{name: shell, image: busybox, resources: {limits: {cpu: "1", memory: 1Gi}}}]
        """));

    // Then
    assertThat(at(created, "status")).isNull();
    Map<String, Object> pod = get("v1", "Pod", "debug");
    assertThat(metadata(pod)).containsEntry("generation", 1);
    assertThat(at(pod, "spec", "nodeName")).isEqualTo("node-1");
    assertThat(mapAt(pod, "status")).containsEntry("phase", "Running")
        .containsEntry("hostIP", "172.18.0.2").containsEntry("qosClass", "Burstable");
    assertThat(at(pod, "status", "initContainerStatuses", 0, "state", "terminated", "reason"))
        .isEqualTo("Completed");
    assertThat(at(pod, "status", "containerStatuses", 0, "imageID"))
        .asString().startsWith("docker.io/library/busybox@sha256:");
    assertThat(List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady",
        "PodScheduled")).allSatisfy(t -> assertThat(condition(pod, t))
            .containsEntry("status", "True"));
  }

  @Test
  @DisplayName("a crash loop shows as one status write per restart, up to the restart count")
  void crashLoopRises() throws Exception {
    // Given
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    ResourceRef ref = new ResourceRef("v1", "Pod", "ns1", "debug");
    cluster.scenario().pod("debug").crashLoop("shell", 4).logs("shell", "panic: boom\n");
    AutoCloseable w = cluster.watch(ref, events::add, e -> { });
    try {
      // When
      cluster.create(yaml("""
          apiVersion: v1
          kind: Pod
          metadata: {name: debug, namespace: ns1}
          spec: {containers: [{name: shell, image: busybox}]}
          """));

      // Then
      StringBuilder restarts = new StringBuilder();
      while (restarts.length() < 4) {
        WatchEvent e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("a watch event").isNotNull();
        Object count = at(e.object(), "status", "containerStatuses", 0, "restartCount");
        if (count != null) {
          restarts.append(count);
        }
      }
      assertThat(restarts).hasToString("1234");
    } finally {
      w.close();
    }
    Object shell = at(get("v1", "Pod", "debug"), "status", "containerStatuses", 0);
    assertThat(at(shell, "state", "waiting")).isEqualTo(Map.of("reason", "CrashLoopBackOff",
        "message", "back-off 1m20s restarting failed container=shell pod=debug_ns1("
            + uid(get("v1", "Pod", "debug")) + ")"));
    assertThat(at(shell, "lastState", "terminated", "exitCode")).isEqualTo(1);
    assertThat(cluster.logs(ref, "shell", 10)).contains("panic: boom\n");
  }

  @Test
  @DisplayName("a LoadBalancer Service gets an ingress address, a claim gets bound")
  void serviceAndClaim() {
    // When
    cluster.create(yaml("""
        apiVersion: v1
        kind: Service
        metadata: {name: edge, namespace: ns1}
        spec: {type: LoadBalancer, ports: [{port: 443}]}
        """));
    cluster.create(yaml("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: uploads, namespace: ns1}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
        """));

    // Then
    ResourceRef edge = new ResourceRef("v1", "Service", "ns1", "edge");
    assertThat(at(cluster.get(edge).orElseThrow(), "status", "loadBalancer", "ingress"))
        .isEqualTo(List.of(Map.of("ip", "172.18.255.200", "ipMode", "VIP")));
    assertThat(at(get("v1", "PersistentVolumeClaim", "uploads"), "status")).isEqualTo(Map.of(
        "accessModes", List.of("ReadWriteOnce"), "capacity", Map.of("storage", "5Gi"),
        "phase", "Bound"));
    cluster.patch(edge, "[{\"op\":\"replace\",\"path\":\"/spec/type\",\"value\":\"ClusterIP\"}]");
    assertThat(at(cluster.get(edge).orElseThrow(), "status", "loadBalancer"))
        .isEqualTo(Map.of());
  }

  @Test
  @DisplayName("with no nodes pods stay Pending as unschedulable")
  void noNodes() {
    // Given
    cluster.close();
    cluster = InMemoryCluster.builder().controllers(Controllers.builder().nodes(0).build())
        .build();
    cluster.create(namespace("ns1"));

    // When
    cluster.create(deployment("ns1", "web", 1));

    // Then
    Map<String, Object> pod = pods(Map.of()).get(0);
    assertThat(at(pod, "status", "phase")).isEqualTo("Pending");
    assertThat(condition(pod, "PodScheduled")).containsEntry("status", "False")
        .containsEntry("reason", "Unschedulable");
  }

  @Test
  @DisplayName("a delayed pod is running but not ready until its delay has passed")
  void delayed() throws Exception {
    // Given
    cluster.scenario().pod("debug").readyAfter(Duration.ofMillis(200));

    // When
    cluster.create(yaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: ns1}
        spec: {containers: [{name: shell, image: busybox}]}
        """));

    // Then
    Map<String, Object> early = get("v1", "Pod", "debug");
    assertThat(at(early, "status", "phase")).isEqualTo("Running");
    assertThat(condition(early, "Ready")).containsEntry("status", "False")
        .containsEntry("reason", "ContainersNotReady");
    await("the pod to be ready", () -> "True".equals(condition(get("v1", "Pod", "debug"),
        "Ready").get("status")));
  }

  @Test
  @DisplayName("closing the cluster stops the controllers' timer: a pending delay never fires")
  void closeStopsTimer() throws Exception {
    // Given
    cluster.scenario().pod("debug").readyAfter(Duration.ofMillis(100));
    cluster.create(yaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: ns1}
        spec: {containers: [{name: shell, image: busybox}]}
        """));

    // When
    cluster.close();

    // Then
    assertThat(cluster.threadsEnded()).isTrue();
    Thread.sleep(150);
    assertThat(condition(get("v1", "Pod", "debug"), "Ready")).containsEntry("status", "False");
  }

  @Nested
  @DisplayName("scenarios")
  class ScenarioRules {
    @Test
    @DisplayName("the most specific scenario decides: the pod's, its owner's, an image's, a kind's")
    void precedence() {
      // Given
      cluster.scenario().every("Pod").neverReady();
      cluster.scenario().image("nginx:1.27").imagePullFails();
      cluster.scenario().deployment("web").crashLoop();
      cluster.create(deployment("ns1", "web", 2));
      String first = name(pods(Map.of()).get(0));

      // When
      cluster.scenario().pod(first).readyAfter(Duration.ZERO);

      // Then
      assertThat(pods(Map.of())).extracting(p -> condition(p, "Ready").get("status") + "/"
          + at(p, "status", "containerStatuses", 0, "state", "waiting", "reason"))
          .containsExactly("True/null", "False/CrashLoopBackOff");
    }

    @Test
    @DisplayName("a namespace's scenario beats one for every namespace")
    void namespaces() {
      // Given
      cluster.create(namespace("ns2"));
      cluster.scenario().deployment("web").neverReady();
      cluster.scenario().in("ns2").deployment("web").readyAfter(Duration.ZERO);

      // When
      cluster.create(deployment("ns1", "web", 1));
      cluster.create(deployment("ns2", "web", 1));

      // Then
      assertThat(at(cluster.get(WEB).orElseThrow(), "status", "readyReplicas")).isNull();
      assertThat(at(cluster.get(new ResourceRef("apps/v1", "Deployment", "ns2", "web"))
          .orElseThrow(), "status", "readyReplicas")).isEqualTo(1);
    }

    @Test
    @DisplayName("scenarios that do not fit their target are refused, naming it")
    void refused() {
      Scenarios s = cluster.scenario();
      assertThatThrownBy(() -> s.job("migrate").progressDeadlineExceeded())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("Job migrate");
      assertThatThrownBy(() -> s.service("web").crashLoop())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("Service web");
      assertThatThrownBy(() -> s.image("nginx").crashLoop("app"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image nginx");
      assertThatThrownBy(() -> s.every("ConfigMap"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ConfigMap");
      assertThatThrownBy(() -> s.pod("p").fail("app", 0, "log"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.pod("p").readyAfter(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a log set on the cluster beats a scenario's and goes with its pod")
    void logs() {
      // Given
      cluster.scenario().deployment("web").logs("from the scenario\n");
      cluster.create(deployment("ns1", "web", 1));
      ResourceRef pod = ResourceRef.of(pods(Map.of()).get(0));
      assertThat(cluster.logs(pod, "app", 5)).contains("from the scenario\n");

      // When
      cluster.setLogs(pod, "app", "a\nb\nc");

      // Then
      assertThat(cluster.logs(pod, "app", 2)).contains("b\nc");
      cluster.delete(pod, Propagation.BACKGROUND);
      assertThat(cluster.logs(pod, "app", 2)).isEmpty();
      ResourceRef replacement = ResourceRef.of(pods(Map.of()).get(0));
      assertThat(cluster.logs(replacement, "app", 5)).contains("from the scenario\n");
    }
  }

  @Test
  @DisplayName("the controllers' settings are validated when built")
  void settings() {
    assertThatThrownBy(() -> Controllers.builder().nodes(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodes");
    assertThatThrownBy(() -> Controllers.builder().readyAfter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readyAfter");
    assertThatThrownBy(() -> Controllers.builder().crashLoopRestarts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crashLoopRestarts");
    assertThat(Controllers.defaults()).isEqualTo(Controllers.builder().build())
        .extracting(Controllers::nodes, Controllers::readyAfter, Controllers::crashLoopRestarts)
        .containsExactly(1, Duration.ZERO, 5);
  }
}
