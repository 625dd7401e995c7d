package dev.capstan.samples;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.client.HistoryTable;
import dev.capstan.client.ReleaseClient;
import dev.capstan.client.ReleaseOperationException;
import dev.capstan.kube.Cluster;
import dev.capstan.kube.KubeCluster;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.storage.ReleaseDriver;
import dev.capstan.storage.SecretDriver;
import dev.capstan.testkit.cluster.InMemoryCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The quick start: the story of a release, told with Capstan's {@link ReleaseClient} on the
 * testkit's in-memory cluster (simulated controllers, no real cluster needed), with the ported
 * {@code helm create} chart. It installs, upgrades with new values, tries an atomic upgrade to an
 * image that cannot be pulled (which fails fast and rolls back), rolls back to revision 1, and
 * prints the history table as {@code helm history} does, plus one line per progress event.
 *
 * <p>Run it with {@code ./mvnw -q -B -pl samples -am package -DskipTests -Pquickstart}. With
 * {@code --kubeconfig PATH} (and {@code --namespace NS}) the same story runs against the cluster
 * that kubeconfig names, storing revisions in Secrets as Helm does; {@code --current-context}
 * finds the kubeconfig as kubectl does ({@code KUBECONFIG}, then {@code ~/.kube/config}, or the
 * pod's service account) and uses its current context.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Entry point: {@code [CHART] [--kubeconfig PATH | --current-context] [--namespace NS]}. */
  public static void main(String[] args) {
    Path chart = Path.of("samples/charts/mychart");
    Path kubeconfig = null;
    boolean discover = false;
    String namespace = "default";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kubeconfig" -> kubeconfig = Path.of(args[++i]);
        case "--current-context" -> discover = true;
        case "--namespace", "-n" -> namespace = args[++i];
        default -> chart = Path.of(args[i]);
      }
    }
    if (discover) {
      try (KubernetesClient kube = new KubernetesClientBuilder().build()) {
        run(chart, KubeCluster.of(kube), new SecretDriver(kube), namespace, System.out);
      }
      return;
    }
    if (kubeconfig == null) {
      try (InMemoryCluster cluster = InMemoryCluster.builder().withControllers().build()) {
        run(chart, cluster, new MemoryDriver(), namespace, System.out);
      }
      return;
    }
    try (KubernetesClient kube = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
        read(kubeconfig))).build()) {
      run(chart, KubeCluster.of(kube), new SecretDriver(kube), namespace, System.out);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kubeconfig " + file, e);
    }
  }

  /** Tells the story of release {@code demo} on {@code cluster}, printing to {@code out}. */
  static void run(Path chartPath, Cluster cluster, ReleaseDriver storage, String namespace,
      PrintStream out) {
    Chart chart = Charts.load(chartPath);
    out.printf("Loaded chart %s %s (app %s)%n", chart.name(), chart.metadata().version(),
        chart.metadata().appVersion());
    ReleaseClient helm = ReleaseClient.builder().cluster(cluster).storage(storage)
        .namespace(namespace).timeout(Duration.ofMinutes(2))
        .listener(event -> out.println("  " + event.message()))
        .build();

    out.println("\n$ helm install demo mychart --set replicaCount=2 --wait");
    helm.install("demo", chart, in -> in.set("replicaCount=2").waitReady());

    out.println("\n$ helm upgrade demo mychart --set replicaCount=3,image.tag=1.27.1 --wait");
    helm.upgrade("demo", chart, up -> up.set("replicaCount=3,image.tag=1.27.1").waitReady());

    out.println("\n$ helm upgrade demo mychart --set image.tag=no-such-tag --atomic");
    if (cluster instanceof InMemoryCluster memory) {
      // The in-memory cluster's scenario: this image cannot be pulled.
      memory.scenario().image("nginx:no-such-tag").imagePullFails();
    }
    try {
      helm.upgrade("demo", chart, up -> up.set("image.tag=no-such-tag").atomic());
    } catch (ReleaseOperationException e) {
      out.println("Error: UPGRADE FAILED: " + e.getMessage());
    }

    out.println("\n$ helm rollback demo 1 --wait");
    helm.rollback("demo", rb -> rb.toRevision(1).waitReady());

    out.println("\n$ helm history demo");
    out.print(HistoryTable.format(helm.history("demo"), HistoryTable.DEFAULT_MAX,
        ZoneId.systemDefault()));
  }
}
