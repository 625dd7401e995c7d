package dev.capstan.benchmarks;

import dev.capstan.benchmarks.ReadinessLatencyBenchmark.Backend;
import dev.capstan.benchmarks.ReadinessLatencyBenchmark.ClusterKind;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.client.ReleaseClient;
import dev.capstan.kube.Cluster;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.ServerSide;
import dev.capstan.release.Release;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.values.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of the {@link Cluster} that tests run on: the testkit's in-memory cluster against
 * fabric8's mock API server (reached over loopback HTTP through {@code KubeCluster}), measured in
 * the same run so that the report is a ratio.
 *
 * <ul>
 *   <li>{@link #apiCalls}: one object's life in five API calls (create, get, replace with its
 *       resourceVersion, a label-selected list, delete); the score counts API calls per second.
 *   <li>{@link #installAndUninstall}: a {@code ReleaseClient} install (no wait, client-side
 *       apply) and uninstall of a three-object chart with memory storage; the score counts
 *       releases per second.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Pbench
 * -Dbench.args="-f 1 -wi 2 -i 5 -r 3 ClusterThroughput"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClusterThroughputBenchmark {
  private static final int CALLS = 5;

  /** Which cluster this trial measures. */
  @Param
  public ClusterKind clusterKind;

  private Backend backend;
  private ReleaseClient helm;
  private Chart chart;
  private long round;

  /** Starts the cluster and a client on it. */
  @Setup(Level.Trial)
  public void start() {
    backend = clusterKind.start();
    helm = ReleaseClient.builder().cluster(backend.cluster()).storage(new MemoryDriver())
        .namespace("ns1").serialization(backend.serialization()).build();
    chart = Chart.builder(ChartMetadata.of("web", "1.0.0"))
        .values(Values.fromYaml("image: nginx:1.27\nreplicas: 2\n", "values.yaml"))
        .addTemplate(ChartFile.of("templates/config.yaml.peb", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: '{{ Release.Name }}-config'}
            data: {greeting: hello}
            """))
        .addTemplate(ChartFile.of("templates/service.yaml.peb", """
            apiVersion: v1
            kind: Service
            metadata: {name: '{{ Release.Name }}'}
            spec:
              selector: {app: '{{ Release.Name }}'}
              ports: [{port: 80, targetPort: 8080}]
            """))
        .addTemplate(ChartFile.of("templates/deployment.yaml.peb", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: '{{ Release.Name }}'}
            spec:
              replicas: {{ Values.replicas }}
              selector: {matchLabels: {app: '{{ Release.Name }}'}}
              template:
                metadata: {labels: {app: '{{ Release.Name }}'}}
                spec:
                  containers: [{name: web, image: '{{ Values.image }}'}]
            """))
        .build();
  }

  /** Five API calls on one ConfigMap. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int apiCalls() {
    Cluster cluster = backend.cluster();
    String name = "cm-" + round++;
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", "ns1");
    metadata.put("labels", Map.of("bench", "throughput", "round", Long.toString(round % 4)));
    Map<String, Object> cm = new LinkedHashMap<>();
    cm.put("apiVersion", "v1");
    cm.put("kind", "ConfigMap");
    cm.put("metadata", metadata);
    cm.put("data", Map.of("n", "0"));
    ResourceRef ref = new ResourceRef("v1", "ConfigMap", "ns1", name);

    Map<String, Object> created = cluster.create(cm);
    Map<String, Object> read = cluster.get(ref).orElseThrow();
    Map<String, Object> update = new LinkedHashMap<>(read);
    update.put("data", Map.of("n", "1"));
    cluster.replace(update);
    List<Map<String, Object>> listed = cluster.list("v1", "ConfigMap", "ns1",
        Map.of("round", Long.toString(round % 4)));
    if (!cluster.delete(ref, Cluster.Propagation.BACKGROUND) || created.isEmpty()) {
      throw new IllegalStateException(name + " was not deleted");
    }
    return listed.size();
  }

  /** A release installed and uninstalled. */
  @Benchmark
  public Release installAndUninstall() {
    String name = "web-" + round++;
    // Client-side apply: fabric8's mock serves no server-side apply.
    Release installed = helm.install(name, chart, in -> in.serverSide(ServerSide.FALSE));
    helm.uninstall(name, un -> { });
    return installed;
  }

  /** Stops the cluster. */
  @TearDown(Level.Trial)
  public void stop() {
    backend.stop().run();
  }
}
