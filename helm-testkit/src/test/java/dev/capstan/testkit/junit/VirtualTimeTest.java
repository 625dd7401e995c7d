package dev.capstan.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.capstan.chart.Chart;
import dev.capstan.client.ReleaseClient;
import dev.capstan.client.ReleaseOperationException;
import dev.capstan.release.Release;
import dev.capstan.testkit.cluster.InMemoryCluster;
import dev.capstan.testkit.cluster.VirtualClock;
import dev.capstan.testkit.fixtures.TestCharts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's virtual time: timeouts and delays of minutes pass without the test waiting for them.
 * Each test is bounded by a preemptive timeout of a few seconds of real time, far below the
 * virtual minutes it goes through, so a wait that slept for real would fail it.
 */
@HelmTest
class VirtualTimeTest {
  private static final Instant START = Instant.parse(HelmTest.VIRTUAL_START);
  private static final Duration REAL_BOUND = Duration.ofSeconds(20);

  ReleaseClient helm;
  InMemoryCluster cluster;
  VirtualClock clock;

  private static Chart web() {
    return TestCharts.chart("web", "1.0.0").values("image: example/web:1.0\n")
        .template("deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ Release.Name }}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: {{ Release.Name }}}
              template:
                metadata:
                  labels: {app: {{ Release.Name }}}
                spec:
                  containers:
                  - name: web
                    image: "{{ Values.image }}"
            """).build();
  }

  @Test
  @DisplayName("a Deployment that never becomes ready fails a ten-minute --wait at the deadline, at once")
  void timeoutWithoutSleeping() {
    cluster.scenario().deployment("web").neverReady();

    assertThatThrownBy(() -> assertTimeoutPreemptively(REAL_BOUND, () -> helm.install("web",
        web(), in -> in.waitReady().timeout(Duration.ofMinutes(10)))))
        .isInstanceOf(ReleaseOperationException.class)
        .hasMessageContaining("resource Deployment/default/web not ready")
        .hasMessageContaining("context deadline exceeded");

    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(10));
    assertThat(helm.history("web")).singleElement()
        .satisfies(r -> assertThat(r.info().status().wireName()).isEqualTo("failed"));
  }

  @Test
  @DisplayName("pods ready after 90 s: the wait ends when the clock reaches them, not at its deadline")
  void delayEndsOnTheClock() {
    cluster.scenario().deployment("web").readyAfter(Duration.ofSeconds(90));

    Release r = assertTimeoutPreemptively(REAL_BOUND, () -> helm.install("web", web(),
        in -> in.waitReady().timeout(Duration.ofMinutes(15))));

    assertThat(r.info().status().wireName()).isEqualTo("deployed");
    assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(90))
        .isLessThan(Duration.ofSeconds(90).plus(Duration.ofSeconds(3)));
    assertThat(r.info().firstDeployed().toInstant()).isEqualTo(START);
    assertThat(r.info().lastDeployed().toInstant()).as("set when the revision is created, as Helm")
        .isEqualTo(START);
  }

  @Test
  @DisplayName("an atomic upgrade that times out after five minutes rolls back; the history shows the times")
  void atomicTimeout() {
    helm.install("web", web(), in -> in.waitReady());
    cluster.scenario().image("example/web:2.0").neverReady();
    Duration before = clock.elapsed();

    assertThatThrownBy(() -> assertTimeoutPreemptively(REAL_BOUND, () -> helm.upgrade("web",
        web(), up -> up.set("image=example/web:2.0").atomic()
            .timeout(Duration.ofMinutes(5)))))
        .isInstanceOf(ReleaseOperationException.class)
        .hasMessageContaining("has been rolled back");

    assertThat(helm.history("web")).extracting(h -> h.info().status().wireName())
        .containsExactly("superseded", "failed", "deployed");
    assertThat(clock.elapsed().minus(before)).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(helm.history("web").get(1).info().lastDeployed().toInstant())
        .isEqualTo(START.plus(before));
  }

  @Test
  @DisplayName("the test can move the clock itself: a delayed Deployment is ready once it is moved past the delay")
  void testMovesTheClock() {
    cluster.scenario().deployment("web").readyAfter(Duration.ofMinutes(2));
    helm.install("web", web(), in -> { });
    assertThat(ready()).isFalse();

    clock.advance(Duration.ofMinutes(1));
    assertThat(ready()).isFalse();
    clock.advance(Duration.ofMinutes(1));

    assertThat(ready()).isTrue();
  }

  private boolean ready() {
    Object status = cluster.get(new dev.capstan.kube.ResourceRef("apps/v1", "Deployment",
        "default", "web")).orElseThrow().get("status");
    return status instanceof java.util.Map<?, ?> m && Integer.valueOf(2).equals(m.get(
        "readyReplicas"));
  }

  @Test
  @DisplayName("a Go template's now reads the kit's virtual clock, so rendered times are fixed")
  void templatesReadTheVirtualClock() {
    Chart stamped = TestCharts.chart("stamped", "1.0.0")
        .goTemplate("configmap.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}
            data:
              renderedAt: {{ now | date "2006-01-02T15:04:05" | quote }}
            """).build();
    clock.advance(Duration.ofHours(3));

    Release r = helm.install("stamped", stamped, in -> { });

    assertThat(r.manifest()).contains("renderedAt: \"2026-01-01T03:00:00\"");
  }
}
