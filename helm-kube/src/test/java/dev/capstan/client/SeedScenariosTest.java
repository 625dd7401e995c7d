package dev.capstan.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.Cluster;
import dev.capstan.kube.KubeCluster;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.ServerSide;
import dev.capstan.release.Release;
import dev.capstan.storage.MemoryDriver;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's scenarios, each from a user's point of view, on fabric8's CRUD mock server. */
@EnableKubernetesMockClient(crud = true, https = false)
class SeedScenariosTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubernetesClient noRetries;
  private Cluster cluster;
  private ReleaseClient helm;

  @BeforeEach
  void setUp() {
    MockDiscovery.serve(server);
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
    helm = ReleaseClient.builder().cluster(cluster).storage(new MemoryDriver()).namespace("apps")
        .serialization(noRetries.getKubernetesSerialization()).build();
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  private static List<String> statuses(List<Release> history) {
    return history.stream().map(r -> r.info().status().wireName()).toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> data(String configMap) {
    return (Map<String, Object>) cluster.get(new ResourceRef("v1", "ConfigMap", "apps",
        configMap)).orElseThrow().get("data");
  }

  private boolean exists(String kind, String name) {
    return cluster.get(new ResourceRef(kind.equals("Deployment") ? "apps/v1" : "v1", kind, "apps",
        name)).isPresent();
  }

  private void install(String name) {
    helm.install(name, ReleaseClientTest.chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));
  }

  private static final String FAILING_HOOK = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: {{ Release.Name }}-check
        annotations: {"helm.sh/hook": "post-install,post-upgrade"}
      spec:
        restartPolicy: Never
        containers: [{name: check, image: busybox}]
      status: {phase: Failed}
      """;

  @Test
  @DisplayName("upgrade with a values file: its values are the release's user values")
  void valuesFile(@TempDir Path dir) throws IOException {
    install("web");
    Path file = dir.resolve("production.yaml");
    Files.writeString(file, "color: black\nsize: huge\n");

    Release r = helm.upgrade("web", ReleaseClientTest.chart("1.0.0"), up -> up.valuesFile(file)
        .set("size=tiny"));

    assertThat(r.config().asMap()).isEqualTo(Map.of("color", "black", "size", "tiny"));
    assertThat(data("web-config")).isEqualTo(Map.of("color", "black", "size", "tiny"));
  }

  @Test
  @DisplayName("an upgrade that waits for a Deployment that never gets ready fails at the deadline, naming it")
  void waitTimeout() {
    install("web");
    Map<String, String> deployment = Map.of("templates/deploy.yaml.peb", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ Release.Name }}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1.27"}]
        """);

    assertThatThrownBy(() -> helm.upgrade("web", ReleaseClientTest.chart("2.0.0",
        "color: blue\nsize: small\n", deployment), up -> up.waitReady()
        .timeout(Duration.ofSeconds(2))))
        .isInstanceOfSatisfying(ReleaseOperationException.class, e -> {
          assertThat(e.getMessage()).startsWith("resource Deployment/apps/web not ready. status: "
              + "InProgress").endsWith("context deadline exceeded");
          assertThat(e.notReady()).containsOnlyKeys(
              new ResourceRef("apps/v1", "Deployment", "apps", "web"));
        });
    assertThat(statuses(helm.history("web"))).containsExactly("deployed", "failed");
  }

  @Test
  @DisplayName("cleanup-on-fail deletes what the failed upgrade created and nothing else")
  void cleanupOnFail() {
    install("web");

    assertThatThrownBy(() -> helm.upgrade("web", ReleaseClientTest.chart("2.0.0",
        "color: blue\nsize: small\n", Map.of("templates/extra.yaml.peb",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n",
            "templates/check.yaml.peb", FAILING_HOOK)), up -> up.cleanupOnFail()))
        .isInstanceOf(ReleaseOperationException.class);

    assertThat(exists("ConfigMap", "extra")).isFalse();
    assertThat(exists("ConfigMap", "web-config")).isTrue();
  }

  @Test
  @DisplayName("history-max keeps only the newest revisions")
  void historyMax() {
    install("web");
    for (int i = 0; i < 4; i++) {
      int n = i;
      helm.upgrade("web", ReleaseClientTest.chart("1.0." + n), up -> up.set("size=s" + n)
          .historyMax(3));
    }

    assertThat(helm.history("web")).extracting(Release::version).containsExactly(3, 4, 5);
  }

  @Test
  @DisplayName("a release whose only revision failed can be upgraded; the failed one is then superseded")
  void upgradeOnlyFailed() {
    assertThatThrownBy(() -> helm.install("web", ReleaseClientTest.chart("1.0.0",
        "color: blue\nsize: small\n", Map.of("templates/check.yaml.peb", FAILING_HOOK)),
        in -> in.serverSide(ServerSide.FALSE)))
        .hasMessageStartingWith("failed post-install: ");
    assertThat(helm.status("web").info().description()).startsWith(
        "Release \"web\" failed: failed post-install: ");

    helm.upgrade("web", ReleaseClientTest.chart("1.0.1"), up -> { });

    assertThat(statuses(helm.history("web"))).containsExactly("superseded", "deployed");
  }

  @Test
  @DisplayName("rollback without a revision goes back to the one before the last")
  void rollbackPrevious() {
    install("web");
    helm.upgrade("web", ReleaseClientTest.chart("2.0.0"), up -> up.set("color=green"));

    Release r = helm.rollback("web", rb -> { });

    assertThat(r.info().description()).isEqualTo("Rollback to 1");
    assertThat(data("web-config")).containsEntry("color", "blue");
  }

  @Test
  @DisplayName("blue-green: a second release beside the first, then the first removed")
  void blueGreen() {
    install("web-blue");
    helm.install("web-green", ReleaseClientTest.chart("2.0.0"), in -> in.set("color=green")
        .serverSide(ServerSide.FALSE));

    assertThat(helm.list(l -> { })).extracting(Release::name).containsExactly("web-blue",
        "web-green");
    helm.uninstall("web-blue", un -> { });

    assertThat(exists("ConfigMap", "web-blue-config")).isFalse();
    assertThat(data("web-green-config")).containsEntry("color", "green");
    assertThat(helm.list(l -> { })).extracting(Release::name).containsExactly("web-green");
  }

  @Test
  @DisplayName("canary: the same chart as a small second release, its replicas set on the command line, then promoted")
  void canary() {
    Map<String, String> deployment = Map.of("templates/deploy.yaml.peb", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ Release.Name }}
        spec:
          replicas: {{ Values.replicas }}
          selector: {matchLabels: {app: "{{ Release.Name }}"}}
          template:
            metadata: {labels: {app: "{{ Release.Name }}"}}
            spec:
              containers: [{name: web, image: "nginx:{{ Values.tag }}"}]
        """);
    var chart = ReleaseClientTest.chart("1.0.0", "color: blue\nsize: small\nreplicas: 3\n"
        + "tag: \"1.26\"\n", deployment);
    helm.install("web", chart, in -> in.serverSide(ServerSide.FALSE));

    helm.install("web-canary", chart, in -> in.set("replicas=1,tag=1.27")
        .serverSide(ServerSide.FALSE));
    Map<String, Object> canary = cluster.get(new ResourceRef("apps/v1", "Deployment", "apps",
        "web-canary")).orElseThrow();
    assertThat(((Map<?, ?>) canary.get("spec")).get("replicas")).isEqualTo(1);
    assertThat(canary.toString()).contains("nginx:1.27");

    // Promote: the main release takes the canary's tag, the canary goes
    helm.upgrade("web", chart, up -> up.set("tag=1.27"));
    helm.uninstall("web-canary", un -> { });
    Map<String, Object> main = cluster.get(new ResourceRef("apps/v1", "Deployment", "apps", "web"))
        .orElseThrow();
    assertThat(((Map<?, ?>) main.get("spec")).get("replicas")).isEqualTo(3);
    assertThat(main.toString()).contains("nginx:1.27");
    assertThat(exists("Deployment", "web-canary")).isFalse();
  }

  @Test
  @DisplayName("a release in another namespace than the client's is upgraded, rolled back and uninstalled there")
  void otherNamespace() {
    helm.install("web", ReleaseClientTest.chart("1.0.0"), in -> in.namespace("staging")
        .set("color=red").serverSide(ServerSide.FALSE));
    helm.upgrade("web", ReleaseClientTest.chart("1.1.0"), up -> up.namespace("staging")
        .set("color=green"));

    Release back = helm.rollback("web", rb -> rb.namespace("staging").toRevision(1));

    assertThat(back.namespace()).isEqualTo("staging");
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "staging", "web-config"))
        .orElseThrow().get("data")).isEqualTo(Map.of("color", "red", "size", "small"));
    helm.uninstall("web", un -> un.namespace("staging"));
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "staging", "web-config"))).isEmpty();
    assertThat(helm.list(l -> l.allNamespaces())).isEmpty();
  }
}
