package dev.capstan.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.client.AtomicOutcome;
import dev.capstan.client.ReleaseClient;
import dev.capstan.client.ReleaseOperationException;
import dev.capstan.kube.ResourceRef;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.HookPhase;
import dev.capstan.release.Release;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.values.Values;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The release client on the in-memory cluster with its simulated controllers: installs and
 * upgrades that wait for their workloads succeed as on a real cluster, and a broken release is
 * caught by the wait and rolled back.
 */
class ReleaseClientWithControllersTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "default",
      "shop-web");
  private static final Duration FAST = Duration.ofSeconds(20);

  private final InMemoryCluster cluster = InMemoryCluster.builder().withControllers().build();
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private final ReleaseClient helm = ReleaseClient.builder().cluster(cluster)
      .storage(new MemoryDriver()).namespace("default").serialization(SERIALIZATION)
      .timeout(Duration.ofMinutes(5)).listener(events::add).build();

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  /** A web application: a Deployment, its Service and a database migration Job as a hook. */
  private static Chart shop() {
    return Chart.builder(ChartMetadata.of("shop", "1.0.0"))
        .values(Values.fromYaml("""
            image: example/shop:1.0
            migrationImage: example/shop-migrations:1.0
            replicas: 2
            """, "values.yaml"))
        .addTemplate(ChartFile.of("templates/deployment.yaml.peb", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ Release.Name }}-web
            spec:
              replicas: {{ Values.replicas }}
              progressDeadlineSeconds: 600
              selector:
                matchLabels: {app: {{ Release.Name }}-web}
              template:
                metadata:
                  labels: {app: {{ Release.Name }}-web}
                spec:
                  containers:
                  - name: web
                    image: "{{ Values.image }}"
                    ports: [{containerPort: 8080}]
            """))
        .addTemplate(ChartFile.of("templates/service.yaml.peb", """
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ Release.Name }}-web
            spec:
              selector: {app: {{ Release.Name }}-web}
              ports: [{port: 80, targetPort: 8080}]
            """))
        .addTemplate(ChartFile.of("templates/migrate.yaml.peb", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {{ Release.Name }}-migrate
              annotations:
                "helm.sh/hook": pre-install,pre-upgrade
                "helm.sh/hook-delete-policy": before-hook-creation
            spec:
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: migrate
                    image: "{{ Values.migrationImage }}"
            """))
        .build();
  }

  private String image() {
    Map<String, Object> d = cluster.get(WEB).orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> template = (Map<String, Object>) Manifests.spec(d).get("template");
    return template.toString().replaceAll(".*image=([^,}]+).*", "$1");
  }

  @Test
  @DisplayName("an install and an upgrade that wait for their Deployment, Service and hook Job succeed")
  void installAndUpgrade() {
    // When
    Release installed = assertTimeoutPreemptively(FAST, () -> helm.install("shop", shop(),
        in -> in.waitReady()));
    Release upgraded = assertTimeoutPreemptively(FAST, () -> helm.upgrade("shop", shop(),
        up -> up.set("image=example/shop:1.1").set("replicas=3").waitReady()));

    // Then
    assertThat(installed.info().description()).isEqualTo("Install complete");
    assertThat(upgraded.info().description()).isEqualTo("Upgrade complete");
    assertThat(helm.history("shop")).extracting(r -> r.info().status().wireName())
        .containsExactly("superseded", "deployed");
    assertThat(upgraded.hooks()).singleElement()
        .satisfies(h -> assertThat(h.lastRun().phase()).isEqualTo(HookPhase.SUCCEEDED));
    assertThat(image()).isEqualTo("example/shop:1.1");
    assertThat(cluster.list("v1", "Pod", "default", Map.of("app", "shop-web")))
        .hasSize(3).allSatisfy(p -> assertThat(p.toString()).contains("image=example/shop:1.1",
            "phase=Running"));
    assertThat(cluster.list("apps/v1", "ReplicaSet", "default", Map.of("app", "shop-web")))
        .extracting(rs -> Manifests.spec(rs).get("replicas")).containsExactlyInAnyOrder(0, 3);
    assertThat(events).filteredOn(ProgressEvent.ResourceReady.class::isInstance)
        .extracting(e -> ((ProgressEvent.ResourceReady) e).ref()).contains(WEB,
            new ResourceRef("v1", "Service", "default", "shop-web"));
  }

  @Test
  @DisplayName("an atomic upgrade to a crash-looping image fails fast and rolls back to the old image")
  void atomicUpgradeRollsBack() {
    // Given
    helm.install("shop", shop(), in -> in.waitReady());
    cluster.scenario().image("example/shop:2.0-broken").crashLoop();

    // When / Then
    assertThatThrownBy(() -> assertTimeoutPreemptively(FAST, () -> helm.upgrade("shop", shop(),
        up -> up.set("image=example/shop:2.0-broken").set("replicas=2").atomic()
            .waitReady())))
        .isInstanceOfSatisfying(ReleaseOperationException.class, e -> {
          assertThat(e.atomicOutcome()).get().extracting(AtomicOutcome::succeeded)
              .isEqualTo(true);
          assertThat(e.notReady()).containsKey(WEB);
        })
        .hasMessageContaining("has been rolled back")
        .hasMessageContaining("CrashLoopBackOff")
        .hasMessageNotContaining("context deadline exceeded");
    assertThat(helm.history("shop")).extracting(r -> r.info().status().wireName())
        .containsExactly("superseded", "failed", "deployed");
    assertThat(image()).isEqualTo("example/shop:1.0");
    assertThat(cluster.list("v1", "Pod", "default", Map.of("app", "shop-web")))
        .hasSize(2).allSatisfy(p -> assertThat(p.toString()).contains("image=example/shop:1.0",
            "status=True, type=Ready"));
  }

  @Test
  @DisplayName("the README's controllers snippet: a crash-looping image is rolled back")
  void readmeSnippet() {
    try (InMemoryCluster cluster = InMemoryCluster.builder().withControllers().build()) {
      ReleaseClient helm = ReleaseClient.builder().cluster(cluster).storage(new MemoryDriver())
          .serialization(SERIALIZATION).build();
      Chart chart = shop();
      helm.install("shop", chart, in -> in.waitReady());
      cluster.scenario().image("example/shop:2.0-broken").crashLoop();
      assertThatThrownBy(() -> helm.upgrade("shop", chart, up -> up
          .set("image=example/shop:2.0-broken").atomic().waitReady()))
          .hasMessageContaining("has been rolled back").hasMessageContaining("CrashLoopBackOff");
    }
  }

  @Test
  @DisplayName("a failing migration hook fails the install with the migration's log")
  void failingHook() {
    // Given
    cluster.scenario().job("shop-migrate").fail("ERROR: relation \"users\" already exists\n");

    // When / Then
    assertThatThrownBy(() -> assertTimeoutPreemptively(FAST, () -> helm.install("shop", shop(),
        in -> in.waitReady())))
        .isInstanceOf(ReleaseOperationException.class)
        .hasMessageContaining("failed pre-install")
        .hasMessageContaining("ERROR: relation \"users\" already exists");
    assertThat(helm.history("shop")).extracting(r -> r.info().status().wireName())
        .containsExactly("failed");
    assertThat(cluster.get(WEB)).isEmpty();
  }

  @Test
  @DisplayName("uninstalling the release deletes what the controllers made along with it")
  void uninstallCascades() {
    // Given
    helm.install("shop", shop(), in -> in.waitReady());
    assertThat(cluster.list("v1", "Pod", "default", Map.of("app", "shop-web"))).hasSize(2);

    // When
    helm.uninstall("shop", un -> { });

    // Then
    assertThat(cluster.list("apps/v1", "ReplicaSet", "default", Map.of())).isEmpty();
    assertThat(cluster.list("v1", "Pod", "default", Map.of("app", "shop-web"))).isEmpty();
  }
}
