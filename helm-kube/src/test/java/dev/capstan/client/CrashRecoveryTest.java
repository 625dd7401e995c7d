package dev.capstan.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.Cluster;
import dev.capstan.kube.KubeCluster;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.ServerSide;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.storage.ReleaseStorage;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A process that dies in the middle of an upgrade leaves a pending revision with a lease; once the
 * lease has expired, recovery leaves a consistent history and cluster. The death is simulated by
 * an {@link Error} thrown from inside the cluster, which no action catches.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class CrashRecoveryTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubernetesClient noRetries;
  private Cluster cluster;
  private final MemoryDriver driver = new MemoryDriver();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));

  /** A clock that tests move forward. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** What ends the "process": an Error, which actions do not catch. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("the process died");
    }
  }

  /**
   * The cluster, dying when it is asked to patch ConfigMap {@code victim} while {@code armed};
   * it dies only once {@code first} exists, so the abandoned upgrade has created something.
   */
  private Cluster crashingOnPatch(String victim, String first, java.util.concurrent.atomic.AtomicBoolean armed) {
    return (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(),
        new Class<?>[] {Cluster.class}, (proxy, method, args) -> {
          if (method.getName().equals("patch") && armed.get()
              && ((ResourceRef) args[0]).name().equals(victim)) {
            ResourceRef created = new ResourceRef("v1", "ConfigMap", "apps", first);
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (cluster.get(created).isEmpty() && System.nanoTime() < giveUp) {
              Thread.sleep(5);
            }
            throw new SimulatedCrash();
          }
          try {
            return method.invoke(cluster, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @BeforeEach
  void setUp() {
    MockDiscovery.serve(server);
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  private ReleaseClient client(Cluster c, String holder, RecoveryPolicy auto) {
    ReleaseClient.Builder b = ReleaseClient.builder().cluster(c).storage(driver).namespace("apps")
        .clock(clock).holder(holder).serialization(noRetries.getKubernetesSerialization());
    if (auto != null) {
      b.autoRecover(auto);
    }
    return b.build();
  }

  private Map<String, Object> config(String release) {
    return cluster.get(new ResourceRef("v1", "ConfigMap", "apps", release + "-config"))
        .orElseThrow();
  }

  /** Installs web (red), then dies while upgrading it to green with one more ConfigMap. */
  private void crashDuringUpgrade() {
    java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
    ReleaseClient dying = client(crashingOnPatch("web-config", "extra-config", armed), "worker-1",
        null);
    dying.install("web", ReleaseClientTest.chart("1.0.0"), in -> in.set("color=red")
        .serverSide(ServerSide.FALSE));
    // The upgrade creates extra-config, then dies patching web-config
    armed.set(true);
    assertThatThrownBy(() -> dying.upgrade("web", ReleaseClientTest.chart("2.0.0",
        "color: blue\nsize: small\n", Map.of("templates/extra.yaml.peb",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra-config\n")),
        up -> up.set("color=green").timeout(Duration.ofMinutes(2))))
        .isInstanceOf(SimulatedCrash.class);
  }

  @Test
  @DisplayName("the abandoned revision stays pending with a lease naming its holder, and blocks other operations")
  void pendingWithLease() {
    crashDuringUpgrade();
    ReleaseClient other = client(cluster, "worker-2", null);

    Release pending = other.status("web");
    assertThat(pending.info().status()).isEqualTo(ReleaseStatus.PENDING_UPGRADE);
    ReleaseLease lease = ReleaseLease.of(ReleaseStorage.of(driver, "apps", clock)
        .getStored("web", 2).annotations()).orElseThrow();
    assertThat(lease.holder()).isEqualTo("worker-1");
    // Its time to live; the dead process renews it no more
    assertThat(lease.expires()).isEqualTo(lease.acquired()
        .plus(ReleaseClient.DEFAULT_LEASE_DURATION));

    assertThatThrownBy(() -> other.upgrade("web", ReleaseClientTest.chart("3.0.0"), up -> { }))
        .isInstanceOfSatisfying(ReleaseInProgressException.class, e -> {
          assertThat(e.getMessage()).startsWith(
              "another operation (install/upgrade/rollback) is in progress: revision 2"
                  + " (pending-upgrade) held by worker-1 since ");
          assertThat(e.holder().version()).isEqualTo(2);
        });
    assertThatThrownBy(() -> other.recover("web", RecoveryPolicy.ROLL_BACK, false, rb -> { }))
        .isInstanceOf(ReleaseInProgressException.class).hasMessageContaining("worker-1");
  }

  @Test
  @DisplayName("after the lease expired, recovery marks the revision failed and rolls back: history and cluster are those of revision 1")
  void recoverRollsBack() {
    crashDuringUpgrade();
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "apps", "extra-config")))
        .isPresent();
    clock.advance(Duration.ofMinutes(3));
    ReleaseClient other = client(cluster, "worker-2", null);

    RecoveryResult result = other.recover("web", RecoveryPolicy.ROLL_BACK, false, rb -> { })
        .orElseThrow();

    assertThat(result.abandoned().info().description()).startsWith(
        "Release \"web\" failed: abandoned by worker-1 (lease expired at ");
    assertThat(result.rolledBack().orElseThrow().version()).isEqualTo(3);
    List<Release> history = other.history("web");
    assertThat(history).extracting(r -> r.info().status().wireName())
        .containsExactly("superseded", "failed", "deployed");
    assertThat(history.get(2).info().description()).isEqualTo("Rollback to 1");
    assertThat(config("web").get("data")).isEqualTo(Map.of("color", "red", "size", "small"));
    // What the abandoned upgrade created is gone with it
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "apps", "extra-config"))).isEmpty();
    // No lease is left on any revision
    ReleaseStorage storage = ReleaseStorage.of(driver, "apps", clock);
    for (Release r : history) {
      assertThat(storage.getStored("web", r.version()).annotations()).isEmpty();
    }
    assertThat(other.recover("web", RecoveryPolicy.ROLL_BACK, false, rb -> { })).isEmpty();
  }

  @Test
  @DisplayName("a client that recovers by itself rolls the abandoned upgrade back, then upgrades")
  void autoRecover() {
    crashDuringUpgrade();
    clock.advance(Duration.ofMinutes(3));
    ReleaseClient other = client(cluster, "worker-2", RecoveryPolicy.ROLL_BACK);

    Release r = other.upgrade("web", ReleaseClientTest.chart("3.0.0"), up -> up.set("color=blue"));

    assertThat(r.version()).isEqualTo(4);
    assertThat(other.history("web")).extracting(x -> x.info().status().wireName())
        .containsExactly("superseded", "failed", "superseded", "deployed");
    assertThat(config("web").get("data")).isEqualTo(Map.of("color", "blue", "size", "small"));
  }

  @Test
  @DisplayName("a running operation renews its lease, and clears it when it ends")
  void leaseRenewed() throws Exception {
    ReleaseClient helm = ReleaseClient.builder().cluster(cluster).storage(driver)
        .namespace("apps").holder("worker-3").leaseDuration(Duration.ofMillis(300))
        .serialization(noRetries.getKubernetesSerialization()).build();
    helm.install("web", ReleaseClientTest.chart("1.0.0"), in -> in.serverSide(ServerSide.FALSE));
    // An upgrade whose pre-upgrade hook Job never finishes runs until its 2 s deadline
    String hook = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{ Release.Name }}-slow
          annotations: {"helm.sh/hook": pre-upgrade}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: slow, image: busybox}]
        """;
    var upgrade = java.util.concurrent.CompletableFuture.runAsync(() -> helm.upgrade("web",
        ReleaseClientTest.chart("2.0.0", "color: blue\nsize: small\n",
            Map.of("templates/slow.yaml.peb", hook)), up -> up.timeout(Duration.ofSeconds(2))));
    ReleaseStorage storage = ReleaseStorage.of(driver, "apps", Clock.systemUTC());
    java.util.List<Instant> expiries = new java.util.ArrayList<>();
    long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    while (System.nanoTime() < until) {
      try {
        ReleaseLease.of(storage.getStored("web", 2).annotations()).map(ReleaseLease::expires)
            .ifPresent(expiries::add);
      } catch (dev.capstan.storage.ReleaseNotFoundException notYet) {
        // The upgrade has not recorded revision 2 yet
      }
      Thread.sleep(50);
    }
    assertThatThrownBy(() -> upgrade.get(30, java.util.concurrent.TimeUnit.SECONDS))
        .hasCauseInstanceOf(ReleaseOperationException.class);

    assertThat(expiries.stream().distinct().count()).isGreaterThan(2);
    assertThat(expiries).isSorted();
    assertThat(storage.getStored("web", 2).annotations()).isEmpty();
    assertThat(storage.get("web", 2).info().status()).isEqualTo(ReleaseStatus.FAILED);
  }
}
