package dev.capstan.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.client.ReleaseClient;
import dev.capstan.client.ReleaseOperationException;
import dev.capstan.kube.ResourceRef;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.ApplyMethod;
import dev.capstan.release.Release;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.values.Values;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The release client on the in-memory cluster, which (unlike fabric8's mock) runs server-side
 * apply and refuses immutable field changes as Kubernetes does.
 */
class ReleaseClientOnInMemoryClusterTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final InMemoryCluster cluster = InMemoryCluster.builder().build();
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private final ReleaseClient helm = ReleaseClient.builder().cluster(cluster)
      .storage(new MemoryDriver()).namespace("default").serialization(SERIALIZATION)
      .listener(events::add).build();

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  /** A chart of one ConfigMap: ready as soon as it exists, so atomic waits end at once. */
  private static Chart configOnly() {
    return Chart.builder(ChartMetadata.of("config", "1.0.0"))
        .values(Values.fromYaml("replicas: 1\n", "values.yaml"))
        .addTemplate(ChartFile.of("templates/config.yaml.peb", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ Release.Name }}-config
            data:
              replicas: "{{ Values.replicas }}"
            """))
        .build();
  }

  private static Chart chart(String version) {
    return Chart.builder(ChartMetadata.of("jobs", version))
        .values(Values.fromYaml("image: busybox:1.36\nreplicas: 1\n", "values.yaml"))
        .addTemplate(ChartFile.of("templates/job.yaml.peb", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {{ Release.Name }}-migrate
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: "{{ Values.image }}"}]
            """))
        .addTemplate(ChartFile.of("templates/config.yaml.peb", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ Release.Name }}-config
            data:
              replicas: "{{ Values.replicas }}"
            """))
        .build();
  }

  @Test
  @DisplayName("an install applies server-side by default (Helm 4) and records apply_method ssa; upgrades follow it")
  void serverSideByDefault() {
    Release r1 = helm.install("db", chart("1.0.0"), in -> { });
    Release r2 = helm.upgrade("db", chart("1.0.0"), up -> up.set("replicas=3"));

    assertThat(r1.applyMethodIfSet()).contains(ApplyMethod.SERVER_SIDE);
    assertThat(r2.applyMethodIfSet()).contains(ApplyMethod.SERVER_SIDE);
    Map<String, Object> cm = cluster.get(new ResourceRef("v1", "ConfigMap", "default",
        "db-config")).orElseThrow();
    assertThat(cm.get("data")).isEqualTo(Map.of("replicas", "3"));
    assertThat(cluster.requests()).extracting(RecordedRequest::verb).contains(Verb.APPLY)
        .doesNotContain(Verb.CREATE);
  }

  @Test
  @DisplayName("changing a Job's template fails with the API server's immutable-field message")
  void immutableFails() {
    helm.install("db", chart("1.0.0"), in -> { });

    assertThatThrownBy(() -> helm.upgrade("db", chart("1.0.0"), up -> up
        .set("image=busybox:1.37")))
        .isInstanceOf(ReleaseOperationException.class)
        .hasMessageContaining("spec.template")
        .hasMessageContaining("field is immutable");
    assertThat(helm.history("db")).extracting(r -> r.info().status().wireName())
        .containsExactly("deployed", "failed");
  }

  @Test
  @DisplayName("with recreateOnImmutableChange the Job is deleted and created again, and the event names the field")
  void immutableRecreated() {
    helm.install("db", chart("1.0.0"), in -> { });

    Release r2 = helm.upgrade("db", chart("1.0.0"), up -> up.set("image=busybox:1.37")
        .recreateOnImmutableChange());

    assertThat(r2.info().description()).isEqualTo("Upgrade complete");
    Map<String, Object> job = cluster.get(new ResourceRef("batch/v1", "Job", "default",
        "db-migrate")).orElseThrow();
    assertThat(job.toString()).contains("busybox:1.37");
    assertThat(events).extracting(ProgressEvent::message)
        .contains("recreated Job/default/db-migrate (spec.template is immutable)");
  }

  @Test
  @DisplayName("the README's testkit snippet: an injected failure makes an atomic upgrade roll back")
  void readmeSnippet() {
    try (InMemoryCluster cluster = InMemoryCluster.builder().withControllers().build()) {
      ReleaseClient helm = ReleaseClient.builder().cluster(cluster).storage(new MemoryDriver())
          .serialization(SERIALIZATION).build();
      helm.install("web", configOnly(), in -> in.set("replicas=2"));
      cluster.failNext(Verb.APPLY, "ConfigMap",
          new dev.capstan.kube.ClusterException("quota exceeded", 403, "Forbidden", null));

      assertThatThrownBy(() -> helm.upgrade("web", configOnly(), up -> up.set("replicas=3")
          .atomic()))
          .hasMessageContaining("has been rolled back").hasMessageContaining("quota exceeded");
      assertThat(cluster.requests()).extracting(RecordedRequest::verb).contains(Verb.APPLY);
      assertThat(helm.history("web")).extracting(r -> r.info().status().wireName())
          .containsExactly("superseded", "failed", "deployed");
      assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "default", "web-config"))
          .orElseThrow().get("data")).isEqualTo(Map.of("replicas", "2"));
    }
  }

}
