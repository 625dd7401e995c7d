package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.configMap;
import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.metadata;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.resourceVersion;
import static dev.capstan.testkit.cluster.Manifests.uid;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.Cluster.Propagation;
import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deleting objects: propagation to dependents, orphaning, namespaces. */
class InMemoryClusterDeleteTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private InMemoryCluster cluster;
  private ResourceRef deployment;
  private ResourceRef replicaSet;
  private ResourceRef pod;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().build();
    cluster.create(namespace("ns1"));
    Map<String, Object> d = cluster.create(deployment("ns1", "web", 1));
    Map<String, Object> rs = cluster.create(owned("apps/v1", "ReplicaSet", "web-1", d));
    Map<String, Object> p = cluster.create(owned("v1", "Pod", "web-1-a", rs));
    deployment = ResourceRef.of(d);
    replicaSet = ResourceRef.of(rs);
    pod = ResourceRef.of(p);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private static Map<String, Object> owned(String apiVersion, String kind, String name,
      Map<String, Object> owner) {
    return yaml("""
        apiVersion: %s
        kind: %s
        metadata:
          name: %s
          namespace: ns1
          ownerReferences: [{apiVersion: %s, kind: %s, name: %s, uid: %s, controller: true}]
        """.formatted(apiVersion, kind, name, owner.get("apiVersion"), owner.get("kind"),
        metadata(owner).get("name"), uid(owner)));
  }

  /** The resourceVersions of the DELETED events of {@code refs}, in the order of {@code refs}. */
  private List<Long> deletionVersions(List<ResourceRef> refs, Runnable delete)
      throws InterruptedException {
    BlockingQueue<String> deleted = new LinkedBlockingQueue<>();
    List<AutoCloseable> watches = refs.stream().map(r -> cluster.watch(r, e -> {
      if (e.type() == WatchEvent.Type.DELETED) {
        deleted.add(r.name() + "=" + resourceVersion(e.object()));
      }
    }, cause -> { })).toList();
    delete.run();
    Map<String, Long> byName = new java.util.HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      String event = deleted.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(event).as("DELETED event %d of %d", i + 1, refs.size()).isNotNull();
      String[] parts = event.split("=");
      byName.put(parts[0], Long.parseLong(parts[1]));
    }
    watches.forEach(w -> {
      try {
        w.close();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    return refs.stream().map(r -> byName.get(r.name())).toList();
  }

  @Test
  @DisplayName("deleting a missing object answers false")
  void missing() {
    assertThat(cluster.delete(new ResourceRef("v1", "ConfigMap", "ns1", "nope"),
        Propagation.BACKGROUND)).isFalse();
  }

  @Test
  @DisplayName("background deletion removes the owner, then its dependents, transitively")
  void background() throws InterruptedException {
    // When
    List<Long> versions = deletionVersions(List.of(deployment, replicaSet, pod),
        () -> assertThat(cluster.delete(deployment, Propagation.BACKGROUND)).isTrue());

    // Then
    assertThat(versions).isSorted();
    assertThat(List.of(deployment, replicaSet, pod)).allSatisfy(r ->
        assertThat(cluster.get(r)).isEmpty());
  }

  @Test
  @DisplayName("foreground deletion removes the dependents first and the owner last")
  void foreground() throws InterruptedException {
    // When
    List<Long> versions = deletionVersions(List.of(pod, replicaSet, deployment),
        () -> cluster.delete(deployment, Propagation.FOREGROUND));

    // Then
    assertThat(versions).isSorted();
    assertThat(cluster.list("v1", "Pod", "ns1", Map.of())).isEmpty();
  }

  @Test
  @DisplayName("orphan deletion keeps the dependents and removes the owner reference from them")
  void orphan() {
    // Given
    String rvBefore = resourceVersion(cluster.get(replicaSet).orElseThrow());

    // When
    cluster.delete(deployment, Propagation.ORPHAN);

    // Then
    Map<String, Object> rs = cluster.get(replicaSet).orElseThrow();
    assertThat(metadata(rs)).doesNotContainKey("ownerReferences");
    assertThat(resourceVersion(rs)).isNotEqualTo(rvBefore);
    assertThat(metadata(cluster.get(pod).orElseThrow())).containsKey("ownerReferences");
    assertThat(cluster.get(deployment)).isEmpty();
  }

  @Test
  @DisplayName("deleting a Namespace deletes everything in it and nothing elsewhere")
  void namespaceDeletion() {
    // Given
    cluster.create(configMap("default", "keep", "{}"));

    // When
    boolean deleted = cluster.delete(new ResourceRef("v1", "Namespace", "", "ns1"),
        Propagation.BACKGROUND);

    // Then
    assertThat(deleted).isTrue();
    assertThat(cluster.list("apps/v1", "Deployment", "", Map.of())).isEmpty();
    assertThat(cluster.list("v1", "Pod", "", Map.of())).isEmpty();
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "default", "keep"))).isPresent();
    assertThatThrownBy(() -> cluster.create(configMap("ns1", "late", "{}")))
        .hasMessageEndingWith("namespaces \"ns1\" not found");
  }

  @Test
  @DisplayName("the namespaces a cluster starts with may not be deleted")
  void protectedNamespaces() {
    assertThatThrownBy(() -> cluster.delete(new ResourceRef("v1", "Namespace", "", "default"),
        Propagation.BACKGROUND))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(403))
        .hasMessageEndingWith("namespaces \"default\" is forbidden: this namespace may not be"
            + " deleted");
  }
}
