package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The applier's answer to an object that changes between its read and its patch. */
class ResourceApplierConflictTest {
  private static final ResourceRef CM = new ResourceRef("v1", "ConfigMap", "ns1", "cfg");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configMap(String value) {
    return (Map<String, Object>) Yaml.load("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg, namespace: ns1}
        data: {k: %s}
        """.formatted(value), "test");
  }

  @Test
  @DisplayName("a concurrent change makes the guarded patch fail once; the applier re-reads and succeeds")
  void retriesAfterConflict() {
    FakeCluster cluster = new FakeCluster();
    ResourceApplier applier = new ResourceApplier(cluster);
    applier.apply(List.of(), List.of(configMap("one")));
    int[] writes = {0};
    cluster.beforePatch = () -> {
      if (writes[0]++ == 0) {
        cluster.touch(CM);
      }
    };

    ApplyResult r = applier.apply(List.of(configMap("one")), List.of(configMap("two")));

    assertThat(r.updated()).containsExactly(CM);
    Map<String, Object> live = cluster.get(CM).orElseThrow();
    assertThat(live.get("data")).isEqualTo(Map.of("k", "two"));
    assertThat(((Map<?, ?>) live.get("metadata")).get("labels")).isEqualTo(Map.of("touched", "yes"));
    assertThat(cluster.requests.stream().filter(q -> q.startsWith("PATCH"))).hasSize(2);
  }

  @Test
  @DisplayName("an object that keeps changing fails the update after the retries, with the cause")
  void givesUpAfterRetries() {
    FakeCluster cluster = new FakeCluster();
    ResourceApplier applier = new ResourceApplier(cluster);
    applier.apply(List.of(), List.of(configMap("one")));
    cluster.beforePatch = () -> cluster.touch(CM);

    assertThatThrownBy(() -> applier.apply(List.of(configMap("one")), List.of(configMap("two"))))
        .isInstanceOf(ClusterException.class).hasMessageContaining("patching ConfigMap/ns1/cfg failed");
    assertThat(cluster.get(CM).orElseThrow().get("data")).isEqualTo(Map.of("k", "one"));
  }
}
