package dev.capstan.benchmarks;

import dev.capstan.internal.yaml.Yaml;
import dev.capstan.kube.Cluster;
import dev.capstan.kube.ClusterRelated;
import dev.capstan.kube.Fabric8Related;
import dev.capstan.kube.KubeCluster;
import dev.capstan.kube.ReadinessWaiter;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.Related;
import dev.capstan.kube.readiness.WaitStrategy;
import dev.capstan.testkit.cluster.InMemoryCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Readiness latency: the time from a controller's status update that makes a Deployment ready
 * (the update request included) to the waiter returning, on each {@link ClusterKind}: fabric8's
 * mock API server over loopback HTTP, and the testkit's in-memory cluster. Each invocation starts
 * from a Deployment that the waiter has already seen not ready.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Pbench
 * -Dbench.args="-f 1 -wi 1 -i 5 -r 3 ReadinessLatency"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadinessLatencyBenchmark {

  /** The clusters measured. */
  public enum ClusterKind {
    /** fabric8's mock API server in CRUD mode, reached through the fabric8 client. */
    MOCK_SERVER {
      @Override
      Backend start() {
        // As @EnableKubernetesMockClient(crud = true) wires it: expectations (such as /version)
        // first, then the CRUD store.
        java.util.Map<io.fabric8.mockwebserver.ServerRequest,
            java.util.Queue<io.fabric8.mockwebserver.ServerResponse>> responses =
            new java.util.HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(),
            responses,
            new io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher(responses), false,
            new io.fabric8.kubernetes.client.VersionInfo.Builder().withMajor("1")
                .withMinor("35").withGitVersion("v1.35.0").build());
        server.init();
        KubernetesClient client = server.createClient();
        return new Backend(KubeCluster.of(client), new Fabric8Related(client),
            client.getKubernetesSerialization(), () -> {
              client.close();
              server.destroy();
            });
      }
    },
    /** The testkit's {@link InMemoryCluster}. */
    IN_MEMORY {
      @Override
      Backend start() {
        InMemoryCluster cluster = InMemoryCluster.builder().build();
        cluster.create(yaml("{apiVersion: v1, kind: Namespace, metadata: {name: ns1}}"));
        KubernetesSerialization serialization = new KubernetesSerialization();
        return new Backend(cluster, new ClusterRelated(cluster, serialization), serialization,
            cluster::close);
      }
    };

    abstract Backend start();
  }

  /** A started cluster with what the waiter reads it through, and how to stop it. */
  record Backend(Cluster cluster, Related related, KubernetesSerialization serialization,
      Runnable stop) {}

  /** Which cluster this trial measures. */
  @Param
  public ClusterKind clusterKind;

  private Backend backend;
  private ReadinessWaiter waiter;
  private CompletableFuture<Void> waiting;
  private Map<String, Object> ready;
  private int round;

  /** Starts the cluster. */
  @Setup(Level.Trial)
  public void startCluster() {
    backend = clusterKind.start();
    ReadinessRules rules = ReadinessRules.builder(WaitStrategy.LEGACY)
        .serialization(backend.serialization()).build();
    waiter = new ReadinessWaiter(backend.cluster(), rules, backend.related(),
        backend.serialization(), Clock.systemUTC());
  }

  /** A Deployment with a ready ReplicaSet but no status yet, and a waiter that has seen it. */
  @Setup(Level.Invocation)
  public void notReadyYet() throws InterruptedException {
    Cluster cluster = backend.cluster();
    String name = "web-" + round++;
    Map<String, Object> d = cluster.create(deployment(name));
    String uid = (String) ((Map<?, ?>) d.get("metadata")).get("uid");
    cluster.create(yaml("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: %1$s-rs
          namespace: ns1
          generation: 1
          labels: {app: %1$s}
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: %1$s, uid: %2$s, controller: true}]
        spec:
          replicas: 1
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers: [{name: c, image: nginx}]
        status: {observedGeneration: 1, replicas: 1, readyReplicas: 1, availableReplicas: 1}
        """.formatted(name, uid)));
    ready = deployment(name);
    ready.put("status", Map.of("observedGeneration", 1, "replicas", 1, "readyReplicas", 1,
        "updatedReplicas", 1, "availableReplicas", 1));
    CountDownLatch seen = new CountDownLatch(1);
    ResourceRef ref = new ResourceRef("apps/v1", "Deployment", "ns1", name);
    waiting = CompletableFuture.runAsync(() ->
        waiter.waitReady(List.of(ref), Duration.ofSeconds(30), e -> seen.countDown()));
    if (!seen.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the waiter never checked " + ref);
    }
  }

  /** The controller's status update, then the waiter noticing it. */
  @Benchmark
  public void statusChangeToReady() throws Exception {
    backend.cluster().replace(ready);
    waiting.get(30, TimeUnit.SECONDS);
  }

  /** Stops the cluster. */
  @TearDown(Level.Trial)
  public void stopCluster() {
    backend.stop().run();
  }

  private static Map<String, Object> deployment(String name) {
    return yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: ns1, generation: 1}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers: [{name: c, image: nginx}]
        """.formatted(name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) Yaml.load(text, "benchmark");
  }
}
