package dev.capstan.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.kube.Cluster;
import dev.capstan.kube.KubeCluster;
import dev.capstan.kube.Ownership;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.ServerSide;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.values.Values;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The release client's story on fabric8's CRUD mock server (which cannot run server-side apply,
 * so these releases apply client-side): statuses, revisions and descriptions as Helm records them.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ReleaseClientTest {
  KubernetesClient client;
  io.fabric8.kubernetes.client.server.mock.KubernetesMockServer server;
  private KubernetesClient noRetries;
  private Cluster cluster;
  private ReleaseClient helm;
  private final MemoryDriver driver = new MemoryDriver();
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    MockDiscovery.serve(server);
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
    helm = ReleaseClient.builder().cluster(cluster).storage(driver).namespace("apps")
        .serialization(noRetries.getKubernetesSerialization()).listener(events::add).build();
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  /** A chart with a ConfigMap whose data shows the values, and optional hook templates. */
  static Chart chart(String version, String values, Map<String, String> extraTemplates) {
    Chart.Builder b = Chart.builder(ChartMetadata.of("app", version))
        .values(Values.fromYaml(values, "values.yaml"))
        .addTemplate(ChartFile.of("templates/config.yaml.peb", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ Release.Name }}-config
            data:
              color: "{{ Values.color }}"
              size: "{{ Values.size }}"
            """));
    extraTemplates.forEach((name, text) -> b.addTemplate(ChartFile.of(name, text)));
    return b.build();
  }

  static Chart chart(String version) {
    return chart(version, "color: blue\nsize: small\n", Map.of());
  }

  private Map<String, Object> liveConfig(String release) {
    return cluster.get(new ResourceRef("v1", "ConfigMap", "apps", release + "-config"))
        .orElseThrow();
  }

  private static List<String> statuses(List<Release> history) {
    return history.stream().map(r -> r.info().status().wireName()).toList();
  }

  private static List<String> descriptions(List<Release> history) {
    return history.stream().map(r -> r.info().description()).toList();
  }

  @Test
  @DisplayName("install records revision 1 deployed, 'Install complete', and creates the objects with Helm's ownership")
  void install() {
    Release r = helm.install("web", chart("1.0.0"), in -> in.set("color=red")
        .serverSide(ServerSide.FALSE));

    assertThat(r.version()).isEqualTo(1);
    assertThat(r.info().status()).isEqualTo(ReleaseStatus.DEPLOYED);
    assertThat(r.info().description()).isEqualTo("Install complete");
    assertThat(r.config().asMap()).isEqualTo(Map.of("color", "red"));
    assertThat(r.chart().version()).isEqualTo("1.0.0");
    Map<String, Object> cm = liveConfig("web");
    assertThat(cm.get("data")).isEqualTo(Map.of("color", "red", "size", "small"));
    assertThat(Ownership.problem(cm, "web", "apps")).isEmpty();
    assertThat(statuses(helm.history("web"))).containsExactly("deployed");
    assertThat(events).extracting(ProgressEvent::message).contains("created ConfigMap/apps/web-config");
  }

  @Test
  @DisplayName("a second install of the same name is refused with Helm 4's text")
  void nameInUse() {
    helm.install("web", chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));

    assertThatThrownBy(() -> helm.install("web", chart("1.0.0"),
        in -> in.serverSide(ServerSide.FALSE)))
        .isInstanceOf(ReleaseOperationException.class)
        .hasMessage("release name check failed: cannot reuse a name that is still in use");
  }

  @Test
  @DisplayName("upgrades supersede the deployed revision; with no new values the old ones are reused, any new value drops them (§4.2 default)")
  void upgradeValuesDefault() {
    helm.install("web", chart("1.0.0"), in -> in.set("color=red").serverSide(ServerSide.FALSE));

    Release r2 = helm.upgrade("web", chart("1.1.0"), up -> { });
    assertThat(r2.config().asMap()).isEqualTo(Map.of("color", "red"));
    Release r3 = helm.upgrade("web", chart("1.1.0"), up -> up.set("size=large"));
    assertThat(r3.config().asMap()).isEqualTo(Map.of("size", "large"));

    assertThat(liveConfig("web").get("data")).isEqualTo(Map.of("color", "blue", "size", "large"));
    List<Release> history = helm.history("web");
    assertThat(statuses(history)).containsExactly("superseded", "superseded", "deployed");
    assertThat(descriptions(history)).containsExactly("Install complete", "Upgrade complete",
        "Upgrade complete");
    assertThat(history.get(2).chart().version()).isEqualTo("1.1.0");
    assertThat(history.get(2).info().firstDeployed()).isEqualTo(history.get(0).info().firstDeployed());
  }

  @Test
  @DisplayName("reuse-values lays new values over the old ones; reset-values keeps only the new ones")
  void reuseAndReset() {
    helm.install("web", chart("1.0.0"), in -> in.set("color=red").serverSide(ServerSide.FALSE));

    Release reused = helm.upgrade("web", chart("1.0.0"), up -> up.reuseValues().set("size=large"));
    assertThat(reused.config().asMap()).isEqualTo(Map.of("color", "red", "size", "large"));
    Release reset = helm.upgrade("web", chart("1.0.0"), up -> up.resetValues().set("size=medium"));
    assertThat(reset.config().asMap()).isEqualTo(Map.of("size", "medium"));
    assertThat(liveConfig("web").get("data")).isEqualTo(Map.of("color", "blue", "size", "medium"));
  }

  @Test
  @DisplayName("rollback replays an earlier revision as a new one: 'Rollback to 1', everything before superseded")
  void rollback() {
    helm.install("web", chart("1.0.0"), in -> in.set("color=red").serverSide(ServerSide.FALSE));
    helm.upgrade("web", chart("2.0.0"), up -> up.set("color=green"));

    Release r3 = helm.rollback("web", rb -> rb.toRevision(1));

    assertThat(r3.version()).isEqualTo(3);
    assertThat(r3.chart().version()).isEqualTo("1.0.0");
    assertThat(r3.config().asMap()).isEqualTo(Map.of("color", "red"));
    assertThat(liveConfig("web").get("data")).isEqualTo(Map.of("color", "red", "size", "small"));
    List<Release> history = helm.history("web");
    assertThat(statuses(history)).containsExactly("superseded", "superseded", "deployed");
    assertThat(descriptions(history)).containsExactly("Install complete", "Upgrade complete",
        "Rollback to 1");
  }

  private static final String FAILING_HOOK = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: {{ Release.Name }}-check
        annotations: {"helm.sh/hook": post-upgrade}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{name: check, image: busybox}]
      status:
        failed: 1
        conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded, message: the check failed}]
      """;

  @Test
  @DisplayName("a failed upgrade is recorded 'Upgrade \"web\" failed: ...' and the previous revision stays deployed")
  void upgradeFails() {
    helm.install("web", chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));

    assertThatThrownBy(() -> helm.upgrade("web", chart("2.0.0", "color: blue\nsize: small\n",
        Map.of("templates/check.yaml.peb", FAILING_HOOK)), up -> up.set("color=green")))
        .isInstanceOfSatisfying(ReleaseOperationException.class, e -> {
          assertThat(e.getMessage()).startsWith("post-upgrade hooks failed: ")
              .contains("the check failed");
          assertThat(e.release()).hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(2));
          assertThat(e.atomicOutcome()).isEmpty();
        });

    List<Release> history = helm.history("web");
    assertThat(statuses(history)).containsExactly("deployed", "failed");
    assertThat(history.get(1).info().description()).startsWith(
        "Upgrade \"web\" failed: post-upgrade hooks failed: ");
  }

  @Test
  @DisplayName("an atomic upgrade that fails is rolled back to the last good revision, and the failure says so")
  void atomicUpgrade() {
    helm.install("web", chart("1.0.0"), in -> in.set("color=red").serverSide(ServerSide.FALSE));

    assertThatThrownBy(() -> helm.upgrade("web", chart("2.0.0", "color: blue\nsize: small\n",
        Map.of("templates/check.yaml.peb", FAILING_HOOK)), up -> up.set("color=green").atomic()
        .timeout(Duration.ofSeconds(20))))
        .isInstanceOfSatisfying(ReleaseOperationException.class, e -> {
          assertThat(e.getMessage()).startsWith("release web failed, and has been rolled back due"
              + " to rollback-on-failure being set: post-upgrade hooks failed: ");
          assertThat(e.atomicOutcome()).hasValueSatisfying(a -> {
            assertThat(a.action()).isEqualTo(AtomicOutcome.Action.ROLLED_BACK);
            assertThat(a.succeeded()).isTrue();
            assertThat(a.release().orElseThrow().version()).isEqualTo(3);
          });
        });

    List<Release> history = helm.history("web");
    assertThat(statuses(history)).containsExactly("superseded", "failed", "deployed");
    assertThat(descriptions(history).get(2)).isEqualTo("Rollback to 1");
    assertThat(liveConfig("web").get("data")).isEqualTo(Map.of("color", "red", "size", "small"));
    // The story as progress events: recorded, failed, rolled back
    assertThat(events).extracting(ProgressEvent::message).containsSubsequence(
        "recorded apps/web revision 2: pending-upgrade (Preparing upgrade)",
        "recorded apps/web revision 3: pending-rollback (Rollback to 1)",
        "recorded apps/web revision 3: deployed (Rollback to 1)",
        "undid web");
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
        ProgressEvent.RollbackStarted.class, r -> assertThat(r.toRevision()).isEqualTo(1)));
  }

  @Test
  @DisplayName("an upgrade while the last revision is pending fails fast, naming the holder")
  void inProgress() {
    // Given a release whose revision 2 a crashed process left pending
    Release r1 = helm.install("db", chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));
    dev.capstan.storage.ReleaseStorage.of(driver, "apps", java.time.Clock.systemUTC())
        .create(r1.withVersion(2).withInfo(r1.info().withStatus(ReleaseStatus.PENDING_UPGRADE)
            .withDescription("Preparing upgrade")));

    // When / Then
    assertThatThrownBy(() -> helm.upgrade("db", chart("1.1.0"), up -> { }))
        .isInstanceOfSatisfying(ReleaseInProgressException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(
              "another operation (install/upgrade/rollback) is in progress");
          assertThat(e.holder().version()).isEqualTo(2);
          assertThat(e.status()).contains(ReleaseStatus.PENDING_UPGRADE);
        });
    assertThat(statuses(helm.history("db"))).containsExactly("deployed", "pending-upgrade");
  }

  @Test
  @DisplayName("uninstall deletes the objects and purges the history; with keep-history the last revision says uninstalled")
  void uninstall() {
    helm.install("web", chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));
    helm.install("db", chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));

    helm.uninstall("web", un -> { });
    UninstallResult kept = helm.uninstall("db", un -> un.keepHistory()).orElseThrow();

    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "apps", "web-config"))).isEmpty();
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "apps", "db-config"))).isEmpty();
    assertThatThrownBy(() -> helm.history("web")).hasMessage("release: not found");
    assertThat(statuses(helm.history("db"))).containsExactly("uninstalled");
    assertThat(kept.release().info().description()).isEqualTo("Uninstallation complete");
    assertThatThrownBy(() -> helm.uninstall("db", un -> un.keepHistory()))
        .hasMessage("the release named \"db\" is already deleted");
    assertThat(helm.uninstall("nothing", un -> un.ignoreNotFound())).isEmpty();
  }

  @Test
  @DisplayName("upgrade --install installs a missing release, and installs again over an uninstalled one")
  void upgradeInstall() {
    Release r1 = helm.upgrade("web", chart("1.0.0"), up -> up.installIfMissing()
        .serverSide(ServerSide.FALSE));
    assertThat(r1.info().description()).isEqualTo("Install complete");
    helm.uninstall("web", un -> un.keepHistory());

    Release again = helm.upgrade("web", chart("1.0.0"), up -> up.installIfMissing()
        .serverSide(ServerSide.FALSE));

    assertThat(again.version()).isEqualTo(2);
    assertThat(statuses(helm.history("web"))).containsExactly("superseded", "deployed");
  }

  @Test
  @DisplayName("conflicting options are refused when built, naming both")
  void optionConflicts() {
    assertThatThrownBy(() -> UpgradeOptions.builder().atomic().waitMode(WaitMode.HOOKS_ONLY).build())
        .hasMessageContaining("atomic").hasMessageContaining("HOOKS_ONLY");
    assertThatThrownBy(() -> UpgradeOptions.builder().forceReplace().forceConflicts().build())
        .hasMessageContaining("forceReplace").hasMessageContaining("forceConflicts");
    assertThatThrownBy(() -> InstallOptions.builder().waitForJobs(true).build())
        .hasMessageContaining("waitForJobs").hasMessageContaining("HOOKS_ONLY");
  }

  private static String testPod(String name, String phase) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ Release.Name }}-%s
          annotations: {"helm.sh/hook": test}
        spec:
          restartPolicy: Never
          containers: [{name: t, image: busybox}]
        status: {phase: %s}
        """.formatted(name, phase);
  }

  @Test
  @DisplayName("test runs the test hooks of the last revision and records their outcome in it, no new revision")
  void testHooks() {
    helm.install("web", chart("1.0.0", "color: blue\nsize: small\n", Map.of(
        "templates/tests/ok.yaml.peb", testPod("ok", "Succeeded"),
        "templates/tests/bad.yaml.peb", testPod("bad", "Failed"))),
        in -> in.serverSide(ServerSide.FALSE));

    Release passed = helm.test("web", Duration.ofSeconds(20), java.util.Set.of("web-ok"));
    assertThat(passed.version()).isEqualTo(1);
    assertThat(passed.hooks()).filteredOn(h -> h.name().equals("web-ok")).singleElement()
        .satisfies(h -> assertThat(h.lastRun().phase()).isEqualTo(dev.capstan.release.HookPhase.SUCCEEDED));
    assertThat(passed.hooks()).filteredOn(h -> h.name().equals("web-bad")).singleElement()
        .satisfies(h -> assertThat(h.lastRun().phaseIfRan()).isEmpty());

    assertThatThrownBy(() -> helm.test("web", Duration.ofSeconds(20), java.util.Set.of()))
        .isInstanceOf(ReleaseOperationException.class).hasMessageContaining("pod web-bad failed");
    Release stored = helm.status("web");
    assertThat(helm.history("web")).hasSize(1);
    assertThat(stored.hooks()).filteredOn(h -> h.name().equals("web-bad")).singleElement()
        .satisfies(h -> assertThat(h.lastRun().phase()).isEqualTo(dev.capstan.release.HookPhase.FAILED));
  }

  @Test
  @DisplayName("template renders without touching the cluster")
  void template() {
    var rendered = helm.template("web", chart("1.0.0"), Values.fromYaml("color: pink\n", "v"));

    assertThat(rendered.manifestText()).contains("name: web-config").contains("color: \"pink\"");
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "apps", "web-config"))).isEmpty();
  }

  @Test
  @DisplayName("a client-side dry run needs no cluster at all and stores nothing")
  void clientDryRun() {
    ReleaseClient offline = ReleaseClient.builder().cluster(dev.capstan.kube.FakeClusters.unreachable())
        .storage(driver).namespace("apps").build();

    Release r = offline.install("web", chart("1.0.0"), in -> in.set("color=red")
        .dryRun(DryRun.CLIENT));

    assertThat(r.info().description()).isEqualTo("Dry run complete");
    assertThat(r.info().status()).isEqualTo(ReleaseStatus.PENDING_INSTALL);
    assertThat(r.manifest()).contains("color: \"red\"");
    assertThatThrownBy(() -> offline.history("web")).hasMessage("release: not found");
  }

  @Test
  @DisplayName("a server-side dry run of an upgrade returns the revision it would record, writes nothing, and still checks ownership")
  void serverDryRun() {
    helm.install("web", chart("1.0.0"), in -> in.set("color=red").serverSide(ServerSide.FALSE));

    Release would = helm.upgrade("web", chart("2.0.0"), up -> up.set("color=green")
        .dryRun(DryRun.SERVER));

    assertThat(would.version()).isEqualTo(2);
    assertThat(would.info().description()).isEqualTo("Dry run complete");
    assertThat(would.manifest()).contains("color: \"green\"");
    assertThat(helm.history("web")).hasSize(1);
    assertThat(liveConfig("web").get("data")).isEqualTo(Map.of("color", "red", "size", "small"));

    // An object of the new chart that someone else owns is reported, as a real upgrade would
    cluster.create(new java.util.LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", Map.of("name", "extra", "namespace", "apps"))));
    assertThatThrownBy(() -> helm.upgrade("web", chart("2.0.0", "color: blue\nsize: small\n",
        Map.of("templates/extra.yaml.peb", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
            + "  name: extra\n")), up -> up.dryRun(DryRun.SERVER)))
        .hasMessageStartingWith("unable to continue with update: ConfigMap \"extra\" in namespace"
            + " \"apps\" exists and cannot be imported into the current release");
  }

  @Test
  @DisplayName("of several upgrades racing on one release exactly one proceeds; the others fail fast, typed")
  void racingUpgrades() throws Exception {
    helm.install("web", chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));
    int n = 4;
    // The winner's first write to the cluster waits until every other upgrade has failed, so a
    // slow thread cannot start after the winner finished and legitimately upgrade again
    java.util.concurrent.CountDownLatch othersFailed = new java.util.concurrent.CountDownLatch(n - 1);
    Cluster holding = (Cluster) java.lang.reflect.Proxy.newProxyInstance(
        Cluster.class.getClassLoader(), new Class<?>[] {Cluster.class}, (proxy, method, args) -> {
          if (method.getName().equals("patch")) {
            assertThat(othersFailed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
          }
          try {
            return method.invoke(cluster, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    ReleaseClient racing = ReleaseClient.builder().cluster(holding).storage(driver)
        .namespace("apps").serialization(noRetries.getKubernetesSerialization()).build();
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    List<java.util.concurrent.Future<Release>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      futures.add(pool.submit(() -> {
        start.await();
        try {
          return racing.upgrade("web", chart("2.0." + k), up -> up.set("size=s" + k));
        } catch (ReleaseInProgressException e) {
          othersFailed.countDown();
          throw e;
        }
      }));
    }
    int won = 0;
    int busy = 0;
    for (var f : futures) {
      try {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        won++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(ReleaseInProgressException.class);
        busy++;
      }
    }
    pool.shutdown();

    assertThat(won).isEqualTo(1);
    assertThat(busy).isEqualTo(n - 1);
    assertThat(statuses(helm.history("web"))).containsExactly("superseded", "deployed");
  }

  @Test
  @DisplayName("an upgrade asked to wait for a busy release goes on once the other operation ends")
  void waitForRelease() throws Exception {
    Release r1 = helm.install("web", chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));
    dev.capstan.storage.ReleaseStorage storage =
        dev.capstan.storage.ReleaseStorage.of(driver, "apps", java.time.Clock.systemUTC());
    Release pending = r1.withVersion(2).withInfo(r1.info()
        .withStatus(ReleaseStatus.PENDING_UPGRADE).withDescription("Preparing upgrade"));
    storage.create(pending, new ReleaseLease("other", java.time.Instant.now(),
        java.time.Instant.now().plusSeconds(600)).toAnnotations());

    var upgrade = java.util.concurrent.CompletableFuture.supplyAsync(() -> helm.upgrade("web",
        chart("3.0.0"), up -> up.set("size=large").waitForRelease(Duration.ofSeconds(30))));
    Thread.sleep(300);
    assertThat(upgrade).isNotDone();
    // The other operation ends as an upgrade does: the old revision superseded, its own deployed
    storage.update(r1.withInfo(r1.info().withStatus(ReleaseStatus.SUPERSEDED)));
    storage.update(pending.withInfo(pending.info().withStatus(ReleaseStatus.DEPLOYED)
        .withDescription("Upgrade complete")), Map.of());

    Release r3 = upgrade.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(r3.version()).isEqualTo(3);
    assertThat(statuses(helm.history("web"))).containsExactly("superseded", "superseded",
        "deployed");
  }

  @Test
  @DisplayName("diff shows per resource what an upgrade would change, against the release and the live objects, secrets redacted, nothing written")
  void diff() {
    Map<String, String> secret = Map.of("templates/secret.yaml.peb", """
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{ Release.Name }}-db
        stringData:
          password: "{{ Values.password }}"
        """);
    helm.install("web", chart("1.0.0", "color: blue\nsize: small\npassword: hunter2\n", secret),
        in -> in.set("color=red").serverSide(ServerSide.FALSE));
    // Someone edits the live ConfigMap by hand
    Map<String, Object> live = liveConfig("web");
    live.put("data", Map.of("color", "red", "size", "XXL"));
    cluster.replace(live);

    UpgradeDiff d = helm.diff("web", chart("1.1.0", "color: blue\nsize: small\npassword: s3cret\n",
        secret), up -> up.set("color=green"), dev.capstan.diff.DiffOptions.defaults());

    assertThat(d.wouldBe().version()).isEqualTo(2);
    assertThat(d.againstRelease().changed()).extracting(r -> r.kind() + "/" + r.name())
        .containsExactlyInAnyOrder("ConfigMap/web-config", "Secret/web-db");
    String configDiff = d.againstRelease().changed().stream()
        .filter(r -> r.kind().equals("ConfigMap")).findFirst().orElseThrow().unifiedDiff();
    assertThat(configDiff).contains("-  color: red").contains("+  color: green");
    // Against the live objects the hand edit shows too
    String liveDiff = d.againstLive().changed().stream()
        .filter(r -> r.kind().equals("ConfigMap")).findFirst().orElseThrow().unifiedDiff();
    assertThat(liveDiff).contains("-  size: XXL").contains("+  size: small");
    // Secrets' values never appear
    assertThat(d.againstRelease().report() + d.againstLive().report())
        .doesNotContain("hunter2").doesNotContain("s3cret")
        .doesNotContain(java.util.Base64.getEncoder().encodeToString("s3cret".getBytes()));
    assertThat(helm.history("web")).hasSize(1);
    assertThat(liveConfig("web").get("data")).isEqualTo(Map.of("color", "red", "size", "XXL"));
  }
}
