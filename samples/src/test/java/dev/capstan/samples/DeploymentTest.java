package dev.capstan.samples;

import static dev.capstan.testkit.assertj.HelmAssertions.assertThat;
import static dev.capstan.testkit.assertj.HelmAssertions.assertThatHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.client.ReleaseClient;
import dev.capstan.client.ReleaseOperationException;
import dev.capstan.kube.ClusterException;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.testkit.cluster.InMemoryCluster;
import dev.capstan.testkit.cluster.VirtualClock;
import dev.capstan.testkit.cluster.Verb;
import dev.capstan.testkit.fixtures.TestCharts;
import dev.capstan.testkit.junit.HelmTest;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How a team tests its own deployment code with Capstan's testkit, no cluster needed: written only
 * with the testkit's public API (the {@code @HelmTest} kit, fixture builders, assertions).
 */
@HelmTest(namespace = "shop")
class DeploymentTest {
  ReleaseClient helm;
  InMemoryCluster cluster;
  VirtualClock clock;

  /** The team's chart, built inline. */
  private static Chart settingsChart() {
    return TestCharts.chart("settings", "1.0.0").appVersion("2.4.0")
        .values("currency: EUR\nmaxItems: 20\n")
        .template("settings.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ Release.Name }}-settings
            data:
              currency: "{{ Values.currency }}"
              maxItems: "{{ Values.maxItems }}"
            """)
        .build();
  }

  /** The team's web application: a Deployment. */
  private static Chart webChart() {
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
            """)
        .build();
  }

  /** The team's deployment code under test: an upgrade that must never leave a broken release. */
  private void rollOut(String currency) {
    helm.upgrade("shop", settingsChart(), up -> up.installIfMissing().set("currency=" + currency)
        .atomic());
  }

  @Test
  @DisplayName("a roll-out installs the release, then upgrades it with the new setting")
  void rollOutUpgrades() {
    rollOut("EUR");
    rollOut("CHF");

    assertThatHistory(helm.history("shop")).statuses()
        .containsExactly(ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED);
    assertThat(cluster).inNamespace("shop").configMap("shop-settings")
        .hasField("data.currency", "CHF").isOwnedBy("shop", "shop");
  }

  @Test
  @DisplayName("when the cluster refuses the change, the roll-out rolls back and the old setting stays")
  void rollOutRollsBack() {
    rollOut("EUR");
    cluster.failNext(Verb.APPLY, "ConfigMap",
        new ClusterException("exceeded quota: shop-quota", 403, "Forbidden", null));

    assertThatThrownBy(() -> rollOut("CHF"))
        .isInstanceOf(ReleaseOperationException.class)
        .hasMessageContaining("has been rolled back");
    assertThatHistory(helm.history("shop")).statuses()
        .containsExactly(ReleaseStatus.SUPERSEDED, ReleaseStatus.FAILED, ReleaseStatus.DEPLOYED);
    assertThatHistory(helm.history("shop")).descriptions().last().isEqualTo("Rollback to 1");
    assertThat(cluster).inNamespace("shop").configMap("shop-settings")
        .hasField("data.currency", "EUR");
  }

  @Test
  @DisplayName("a roll-out whose pods never become ready fails at its ten-minute timeout, at once on the kit's virtual clock")
  void rollOutTimesOut() {
    helm.upgrade("web", webChart(), up -> up.installIfMissing().waitReady());
    cluster.scenario().image("example/web:2.0").neverReady();

    assertThatThrownBy(() -> helm.upgrade("web", webChart(), up -> up
        .set("image=example/web:2.0").atomic().timeout(Duration.ofMinutes(10))))
        .isInstanceOf(ReleaseOperationException.class)
        .hasMessageContaining("context deadline exceeded")
        .hasMessageContaining("has been rolled back");
    assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    assertThat(cluster).inNamespace("shop").deployment("web").hasImage("example/web:1.0");
  }
}
