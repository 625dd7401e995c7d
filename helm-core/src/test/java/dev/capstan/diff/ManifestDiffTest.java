package dev.capstan.diff;

import static dev.capstan.diff.Kube.configMap;
import static dev.capstan.diff.Kube.header;
import static dev.capstan.diff.Kube.in;
import static dev.capstan.diff.Kube.object;
import static dev.capstan.diff.Kube.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManifestDiffTest {
  private static final DiffOptions DEFAULTS = DiffOptions.defaults();

  @Test
  @DisplayName("each resource is added, removed, changed or unchanged, and the accessors sort them")
  void detectsEachKindOfChange() {
    // Given a state with a ConfigMap, a Service and a Deployment, and one where the ConfigMap
    // changed, the Service stayed, the Deployment went and a Job came
    List<Map<String, Object>> from = List.of(configMap("settings", "mode", "fast"),
        header("v1", "Service", "web"), header("apps/v1", "Deployment", "web"));
    List<Map<String, Object>> to = List.of(configMap("settings", "mode", "slow"),
        header("v1", "Service", "web"), header("batch/v1", "Job", "migrate"));

    // When compared
    ReleaseDiff diff = ManifestDiff.compare(from, to, DEFAULTS);

    // Then each resource has its change
    assertThat(diff.changed()).extracting(ResourceDiff::kind, ResourceDiff::name)
        .containsExactly(tuple("ConfigMap", "settings"));
    assertThat(diff.unchanged()).extracting(ResourceDiff::kind).containsExactly("Service");
    assertThat(diff.removed()).extracting(ResourceDiff::kind).containsExactly("Deployment");
    assertThat(diff.added()).extracting(ResourceDiff::kind).containsExactly("Job");
    assertThat(diff.hasChanges()).isTrue();
    assertThat(diff.resources()).hasSize(4);
    assertThat(diff).hasToString("ReleaseDiff[added=1, removed=1, changed=1, unchanged=1]");
  }

  @Test
  @DisplayName("objects that differ only in key order and number types are unchanged")
  void keyOrderAndNumberTypesDoNotMatter() {
    // Given a manifest object and the same object built in another key order with an Integer
    Map<String, Object> manifest = object("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          paused: false
        """);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("paused", false);
    spec.put("replicas", Integer.valueOf(2));
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("spec", spec);
    reordered.put("metadata", Map.of("name", "web"));
    reordered.put("kind", "Deployment");
    reordered.put("apiVersion", "apps/v1");

    // When compared
    ReleaseDiff diff = ManifestDiff.compare(List.of(manifest), List.of(reordered), DEFAULTS);

    // Then nothing changed, both sides print the same, and there is no diff text
    ResourceDiff r = diff.resources().get(0);
    assertThat(r.change()).isEqualTo(Change.UNCHANGED);
    assertThat(r.fromYaml()).isEqualTo(r.toYaml()).isEqualTo("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          paused: false
          replicas: 2
        """);
    assertThat(r.unifiedDiff()).isEmpty();
    assertThat(diff.hasChanges()).isFalse();
    assertThat(diff.report()).isEmpty();
  }

  @Test
  @DisplayName("apps/v1beta1 and apps/v1 objects of one name are one resource, its apiVersion changed")
  void versionIsNotPartOfTheMatch() {
    // Given a Deployment in apps/v1beta1 and the same one in apps/v1
    Map<String, Object> old = header("apps/v1beta1", "Deployment", "web");
    Map<String, Object> now = header("apps/v1", "Deployment", "web");

    // When compared
    ReleaseDiff diff = ManifestDiff.compare(List.of(old), List.of(now), DEFAULTS);

    // Then it is one changed resource named by its new version, the change on the apiVersion line
    assertThat(diff.resources()).singleElement().satisfies(r -> {
      assertThat(r.change()).isEqualTo(Change.CHANGED);
      assertThat(r.apiVersion()).isEqualTo("apps/v1");
      assertThat(r.group()).isEqualTo("apps");
      assertThat(r.hunks()).isEqualTo("@@ -1,4 +1,4 @@\n-apiVersion: apps/v1beta1\n"
          + "+apiVersion: apps/v1\n kind: Deployment\n metadata:\n   name: web\n");
    });
  }

  @Test
  @DisplayName("the same kind and name in two API groups are two resources")
  void groupIsPartOfTheMatch() {
    // Given a kind Certificate in one group before and in another group after
    Map<String, Object> old = header("certmanager.k8s.io/v1alpha1", "Certificate", "tls");
    Map<String, Object> now = header("cert-manager.io/v1", "Certificate", "tls");

    // When compared
    ReleaseDiff diff = ManifestDiff.compare(List.of(old), List.of(now), DEFAULTS);

    // Then one is removed and the other added
    assertThat(diff.removed()).extracting(ResourceDiff::group)
        .containsExactly("certmanager.k8s.io");
    assertThat(diff.added()).extracting(ResourceDiff::group).containsExactly("cert-manager.io");
  }

  @Test
  @DisplayName("resources come in Helm's install order by kind, then namespace, then name")
  void installOrder() {
    // Given objects of several kinds and namespaces, shuffled
    List<Map<String, Object>> objects = new ArrayList<>(List.of(
        in("b", header("apps/v1", "Deployment", "api")),
        in("a", header("apps/v1", "Deployment", "web")),
        in("a", header("apps/v1", "Deployment", "api")),
        in("a", header("v1", "Service", "web")),
        header("example.com/v1", "Widget", "w"),
        header("v1", "Namespace", "a"),
        in("a", header("v1", "ConfigMap", "settings")),
        in("a", header("v1", "ServiceAccount", "web")),
        header("example.com/v1", "Gadget", "g")));
    Collections.shuffle(objects, new Random(1));

    // When compared with nothing
    ReleaseDiff diff = ManifestDiff.compare(List.of(), objects, DEFAULTS);

    // Then they are in install order; unknown kinds come last, alphabetically
    assertThat(diff.resources())
        .extracting(ResourceDiff::kind, ResourceDiff::namespace, ResourceDiff::name)
        .containsExactly(
            tuple("Namespace", "", "a"),
            tuple("ServiceAccount", "a", "web"),
            tuple("ConfigMap", "a", "settings"),
            tuple("Service", "a", "web"),
            tuple("Deployment", "a", "api"),
            tuple("Deployment", "a", "web"),
            tuple("Deployment", "b", "api"),
            tuple("Gadget", "", "g"),
            tuple("Widget", "", "w"));
  }

  @Test
  @DisplayName("release manifest texts are split as Helm splits them and keep each source path")
  void manifestTextsKeepSources() {
    // Given two release manifests; one template renders two documents, one renders only a comment
    String from = """
        ---
        # Source: web/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: one
        data:
          a: "1"
        ---
        # Source: web/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: two
        """;
    String to = """
        ---
        # Source: web/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: one
        data:
          a: "2"
        ---
        # Source: web/templates/empty.yaml
        # nothing rendered
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        """;

    // When compared
    ReleaseDiff diff = ManifestDiff.compare(from, to, DEFAULTS);

    // Then each resource knows its template, and the comment-only document is no resource
    assertThat(diff.resources())
        .extracting(ResourceDiff::name, ResourceDiff::change, r -> r.source().orElse("?"))
        .containsExactly(
            tuple("one", Change.CHANGED, "web/templates/config.yaml"),
            tuple("two", Change.REMOVED, "web/templates/config.yaml"),
            tuple("web", Change.ADDED, "web/templates/service.yaml"));
    assertThat(diff.changed().get(0).hunks()).contains("-  a: \"1\"\n+  a: \"2\"\n");
  }

  @Test
  @DisplayName("objects given as maps have no source path")
  void mapsHaveNoSource() {
    ReleaseDiff diff = ManifestDiff.compare(List.of(), List.of(header("v1", "Service", "web")),
        DEFAULTS);

    assertThat(diff.resources().get(0).source()).isEmpty();
  }

  @Test
  @DisplayName("with a release namespace, objects without one match objects in it")
  void releaseNamespace() {
    // Given a manifest without namespaces and live objects that have one
    List<Map<String, Object>> manifest = List.of(configMap("settings", "k", "v"),
        header("rbac.authorization.k8s.io/v1", "ClusterRole", "reader"));
    List<Map<String, Object>> live = List.of(in("prod", configMap("settings", "k", "v")),
        header("rbac.authorization.k8s.io/v1", "ClusterRole", "reader"));
    DiffOptions options = DiffOptions.builder().namespace("prod")
        .namespacedKinds((apiVersion, kind) -> !kind.startsWith("Cluster")).build();

    // When compared
    ReleaseDiff diff = ManifestDiff.compare(live, manifest, options);

    // Then both pairs match; the ConfigMap is in prod, the cluster-scoped role in none
    assertThat(diff.resources()).extracting(ResourceDiff::kind, ResourceDiff::namespace)
        .containsExactlyInAnyOrder(tuple("ConfigMap", "prod"), tuple("ClusterRole", ""));
    assertThat(diff.added()).isEmpty();
    assertThat(diff.removed()).isEmpty();
  }

  @Test
  @DisplayName("without a release namespace, an object without one and one in a namespace differ")
  void noReleaseNamespace() {
    ReleaseDiff diff = ManifestDiff.compare(List.of(in("prod", configMap("c", "k", "v"))),
        List.of(configMap("c", "k", "v")), DEFAULTS);

    assertThat(diff.removed()).extracting(ResourceDiff::namespace).containsExactly("prod");
    assertThat(diff.added()).extracting(ResourceDiff::namespace).containsExactly("");
  }

  @Test
  @DisplayName("an object of kind ...List stands for its items")
  void listsAreExpanded() {
    // Given a v1 List of two ConfigMaps
    Map<String, Object> list = object("""
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: a
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: b
        """);

    // When compared with one of them
    ReleaseDiff diff = ManifestDiff.compare(List.of(header("v1", "ConfigMap", "a")),
        List.of(list), DEFAULTS);

    // Then each item is a resource
    assertThat(diff.unchanged()).extracting(ResourceDiff::name).containsExactly("a");
    assertThat(diff.added()).extracting(ResourceDiff::name).containsExactly("b");
  }

  @Test
  @DisplayName("the caller's objects are not changed, even with normalisation and ignore paths")
  void inputsAreNotChanged() {
    // Given a live object with server fields and an annotation that is ignored
    String yaml = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: s
          uid: 1234
          annotations:
            checksum/config: abc
        stringData:
          password: hunter2
        status:
          x: 1
        """;
    Map<String, Object> live = object(yaml);
    DiffOptions options = DiffOptions.builder().normalizeLive(true)
        .ignorePath("/metadata/annotations/checksum~1config").build();

    // When compared
    ManifestDiff.compare(List.of(live), List.of(), options);

    // Then the map is as it was
    assertThat(live).isEqualTo(object(yaml));
  }

  @Test
  @DisplayName("diffs of equal inputs are equal values")
  void resultsAreValues() {
    List<Map<String, Object>> from = List.of(configMap("c", "k", "1"));
    List<Map<String, Object>> to = List.of(configMap("c", "k", "2"));

    ReleaseDiff first = ManifestDiff.compare(from, to, DEFAULTS);
    ReleaseDiff second = ManifestDiff.compare(from, to, DEFAULTS);

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first.resources().get(0)).hasToString(", c, ConfigMap (v1) has changed");
    assertThat(first.resources()).isUnmodifiable();
  }
}
