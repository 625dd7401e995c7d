package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.crd;
import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.managedFields;
import static dev.capstan.testkit.cluster.Manifests.metadata;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.resourceVersion;
import static dev.capstan.testkit.cluster.Manifests.spec;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Server-side apply on {@link InMemoryCluster}: merging, field ownership, pruning, conflicts. */
class InMemoryClusterServerSideApplyTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");

  private final Manifests.TestClock clock = new Manifests.TestClock();
  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().clock(clock).build();
    cluster.create(namespace("ns1"));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    Map<String, Object> template = (Map<String, Object>) spec(deployment).get("template");
    return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec"))
        .get("containers");
  }

  private static Map<String, Object> entry(Map<String, Object> object, String manager) {
    return managedFields(object).stream().filter(e -> manager.equals(e.get("manager")))
        .findFirst().orElseThrow(() -> new AssertionError("no managedFields entry of " + manager
            + " in " + managedFields(object)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fieldsV1Spec(Map<String, Object> object, String manager) {
    return (Map<String, Object>) ((Map<String, Object>) entry(object, manager).get("fieldsV1"))
        .get("f:spec");
  }

  @Test
  @DisplayName("creates a missing object and records the applied fields in FieldsV1 form")
  void createsWithManagedFields() {
    // When
    Map<String, Object> applied = cluster.serverSideApply(deployment("ns1", "web", 2), "helm",
        false);

    // Then
    assertThat(metadata(applied)).containsEntry("generation", 1).containsKey("uid");
    assertThat(managedFields(applied)).hasSize(1);
    assertThat(entry(applied, "helm")).containsEntry("operation", "Apply")
        .containsEntry("apiVersion", "apps/v1")
        .containsEntry("time", "2025-06-01T10:20:30Z")
        .containsEntry("fieldsType", "FieldsV1")
        .containsEntry("fieldsV1", yaml("""
            f:metadata:
              f:labels: {f:app: {}}
            f:spec:
              f:replicas: {}
              f:selector:
                f:matchLabels: {f:app: {}}
              f:template:
                f:metadata:
                  f:labels: {f:app: {}}
                f:spec:
                  f:containers:
                    'k:{"name":"app"}':
                      .: {}
                      f:image: {}
                      f:name: {}
            """));
  }

  @Test
  @DisplayName("applying the same object again changes nothing, not even the resourceVersion")
  void idempotent() {
    // Given
    Map<String, Object> first = cluster.serverSideApply(deployment("ns1", "web", 2), "helm",
        false);
    clock.advanceSeconds(30);

    // When
    Map<String, Object> second = cluster.serverSideApply(deployment("ns1", "web", 2), "helm",
        false);

    // Then
    assertThat(second).isEqualTo(first);
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("a field the manager applied before and omits now is removed; others' fields stay")
  void prunesOmittedFields() {
    // Given
    Map<String, Object> withTier = deployment("ns1", "web", 2);
    ((Map<String, Object>) metadata(withTier).get("labels")).put("tier", "front");
    cluster.serverSideApply(withTier, "helm", false);
    cluster.serverSideApply(yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1, annotations: {team: payments}}
        """), "kubectl", false);

    // When
    Map<String, Object> applied = cluster.serverSideApply(deployment("ns1", "web", 2), "helm",
        false);

    // Then
    assertThat(metadata(applied)).containsEntry("labels", Map.of("app", "web"))
        .containsEntry("annotations", Map.of("team", "payments"));
  }

  @Test
  @DisplayName("changing another applier's field is a Conflict naming the field and manager")
  void conflictWithApplier() {
    // Given
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", false);
    String rv = resourceVersion(cluster.get(WEB).orElseThrow());

    // When / Then
    assertThatThrownBy(() -> cluster.serverSideApply(deployment("ns1", "web", 5), "autoscaler",
        false))
        .isInstanceOf(ClusterException.Conflict.class)
        .hasMessage("server-side apply of Deployment/ns1/web failed (HTTP 409 Conflict): Apply"
            + " failed with 1 conflict: conflict with \"helm\": .spec.replicas");
    assertThat(resourceVersion(cluster.get(WEB).orElseThrow())).isEqualTo(rv);
  }

  @Test
  @DisplayName("changing a field an update owns names the updater with its apiVersion")
  void conflictWithUpdater() {
    // Given
    try (InMemoryCluster kubectl = InMemoryCluster.builder().fieldManager("kubectl").build()) {
      kubectl.create(namespace("ns1"));
      kubectl.create(deployment("ns1", "web", 2));

      // When / Then
      assertThatThrownBy(() -> kubectl.serverSideApply(deployment("ns1", "web", 3), "helm",
          false))
          .isInstanceOf(ClusterException.Conflict.class)
          .hasMessageEndingWith("Apply failed with 1 conflict: conflict with \"kubectl\" using"
              + " apps/v1: .spec.replicas");
    }
  }

  @Test
  @DisplayName("several conflicts are listed per manager, managers sorted")
  void manyConflicts() {
    // Given
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", false);
    cluster.serverSideApply(yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1, annotations: {owner: a}}
        """), "argo", false);
    Map<String, Object> other = deployment("ns1", "web", 4);
    metadata(other).put("annotations", Map.of("owner", "b"));
    containers(other).get(0).put("image", "nginx:1.28");

    // When / Then
    assertThatThrownBy(() -> cluster.serverSideApply(other, "flux", false))
        .hasMessageEndingWith("Apply failed with 3 conflicts: conflicts with \"argo\":\n"
            + "- .metadata.annotations.owner\n"
            + "conflicts with \"helm\":\n"
            + "- .spec.replicas\n"
            + "- .spec.template.spec.containers[name=\"app\"].image");
  }

  @Test
  @DisplayName("applying a value another manager already set shares the field without conflict")
  void sharedOwnership() {
    // Given
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", false);

    // When
    Map<String, Object> applied = cluster.serverSideApply(yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1}
        spec: {replicas: 2}
        """), "autoscaler", false);

    // Then
    assertThat(entry(applied, "autoscaler").get("fieldsV1"))
        .isEqualTo(yaml("f:spec: {f:replicas: {}}"));
    assertThat(fieldsV1Spec(applied, "helm")).containsKey("f:replicas");
  }

  @Test
  @DisplayName("force takes a conflicting field over from its owner")
  void forceTakesOver() {
    // Given
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", false);

    // When
    Map<String, Object> applied = cluster.serverSideApply(yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1}
        spec: {replicas: 5}
        """), "autoscaler", true);

    // Then
    assertThat(spec(applied)).containsEntry("replicas", 5);
    assertThat(fieldsV1Spec(applied, "helm")).doesNotContainKey("f:replicas").containsKey("f:template");
    assertThat(metadata(applied)).containsEntry("generation", 2);
  }

  @Test
  @DisplayName("keyed lists merge by key: a container another manager added stays, in place")
  void keyedListMerge() {
    // Given
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", false);
    cluster.serverSideApply(yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1}
        spec:
          template:
            spec:
              containers: [{name: sidecar, image: envoy}]
        """), "injector", false);
    Map<String, Object> upgrade = deployment("ns1", "web", 2);
    containers(upgrade).get(0).put("image", "nginx:1.28");

    // When
    Map<String, Object> applied = cluster.serverSideApply(upgrade, "helm", false);

    // Then
    assertThat(containers(applied)).extracting(c -> c.get("name") + "=" + c.get("image"))
        .containsExactly("app=nginx:1.28", "sidecar=envoy");
  }

  @Test
  @DisplayName("set lists merge by value; a custom kind's lists follow its CRD schema")
  void setsAndSchemaLists() {
    // Given
    cluster.serverSideApply(yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: ns1, finalizers: [a.example.com]}
        """), "one", false);
    cluster.create(crd("Namespaced"));
    cluster.serverSideApply(yaml("""
        apiVersion: example.com/v1
        kind: Thing
        metadata: {name: t, namespace: ns1}
        spec: {ports: [{port: 80, name: http}], tags: [a, b]}
        """), "one", false);

    // When
    Map<String, Object> cm = cluster.serverSideApply(yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: ns1, finalizers: [b.example.com]}
        """), "two", false);
    Map<String, Object> thing = cluster.serverSideApply(yaml("""
        apiVersion: example.com/v1
        kind: Thing
        metadata: {name: t, namespace: ns1}
        spec: {ports: [{port: 443, name: https}]}
        """), "two", false);

    // Then
    assertThat(metadata(cm)).containsEntry("finalizers", List.of("a.example.com",
        "b.example.com"));
    assertThat(spec(thing)).containsEntry("ports", List.of(Map.of("port", 80, "name", "http"),
        Map.of("port", 443, "name", "https"))).containsEntry("tags", List.of("a", "b"));
    assertThatThrownBy(() -> cluster.serverSideApply(yaml("""
        apiVersion: example.com/v1
        kind: Thing
        metadata: {name: t, namespace: ns1}
        spec: {tags: [c]}
        """), "two", false)).hasMessageEndingWith("conflict with \"one\": .spec.tags");
  }

  @Test
  @DisplayName("ignores the status of kinds whose status is a subresource")
  void ignoresStatus() {
    // Given
    Map<String, Object> withStatus = deployment("ns1", "web", 2);
    withStatus.put("status", Map.of("readyReplicas", 2));

    // When
    Map<String, Object> applied = cluster.serverSideApply(withStatus, "helm", false);

    // Then
    assertThat(applied).doesNotContainKey("status");
  }

  @Test
  @DisplayName("an update takes the fields it changes, so the applier's next change conflicts")
  void updatesOwnWhatTheyChange() {
    // Given
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", false);
    cluster.patch(WEB, "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":7}]");

    // When
    Map<String, Object> live = cluster.get(WEB).orElseThrow();

    // Then
    assertThat(entry(live, "capstan")).containsEntry("operation", "Update")
        .containsEntry("fieldsV1", yaml("f:spec: {f:replicas: {}}"));
    assertThatThrownBy(() -> cluster.serverSideApply(deployment("ns1", "web", 3), "helm", false))
        .hasMessageEndingWith("conflict with \"capstan\" using apps/v1: .spec.replicas");
  }

  @Test
  @DisplayName("a body with managedFields [{}] resets ownership; an apply may not carry them")
  void managedFieldsFromClients() {
    // Given
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", false);
    Map<String, Object> reset = cluster.get(WEB).orElseThrow();
    metadata(reset).put("managedFields", List.of(Map.of()));

    // When
    Map<String, Object> replaced = cluster.replace(reset);

    // Then
    assertThat(metadata(replaced)).doesNotContainKey("managedFields");
    assertThat(cluster.serverSideApply(deployment("ns1", "web", 9), "other", false))
        .satisfies(d -> assertThat(spec(d)).containsEntry("replicas", 9));
    assertThatThrownBy(() -> cluster.serverSideApply(cluster.get(WEB).orElseThrow(), "helm",
        false)).isInstanceOfSatisfying(ClusterException.class,
            e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageEndingWith("metadata.managedFields must be nil");
  }

  @Test
  @DisplayName("an apply naming a stale resourceVersion is a Conflict")
  void resourceVersionPrecondition() {
    // Given
    Map<String, Object> first = cluster.serverSideApply(deployment("ns1", "web", 2), "helm",
        false);
    cluster.serverSideApply(deployment("ns1", "web", 3), "helm", false);
    Map<String, Object> stale = deployment("ns1", "web", 4);
    metadata(stale).put("resourceVersion", resourceVersion(first));

    // When / Then
    assertThatThrownBy(() -> cluster.serverSideApply(stale, "helm", false))
        .isInstanceOf(ClusterException.Conflict.class)
        .hasMessageContaining("the object has been modified");
  }
}
