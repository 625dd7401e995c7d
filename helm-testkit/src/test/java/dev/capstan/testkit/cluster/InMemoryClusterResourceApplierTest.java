package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.managedFields;
import static dev.capstan.testkit.cluster.Manifests.metadata;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.resourceVersion;
import static dev.capstan.testkit.cluster.Manifests.spec;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.ApplyOptions;
import dev.capstan.kube.ApplyResult;
import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceApplier;
import dev.capstan.kube.ResourceApplier.Strategy;
import dev.capstan.kube.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** helm-kube's {@link ResourceApplier}, each strategy, against the in-memory cluster. */
class InMemoryClusterResourceApplierTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");

  private InMemoryCluster cluster;
  private ResourceApplier applier;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().build();
    cluster.create(namespace("ns1"));
    applier = new ResourceApplier(cluster);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private static Map<String, Object> deployment(String image) {
    return yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: "%s"}]
        """.formatted(image));
  }

  private static Map<String, Object> configMap(String name, String annotations) {
    return yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s, namespace: ns1, annotations: %s}
        data: {k: v}
        """.formatted(name, annotations));
  }

  @SuppressWarnings("unchecked")
  private static List<String> containers(Map<String, Object> deployment) {
    Map<String, Object> template = (Map<String, Object>) spec(deployment).get("template");
    List<Map<String, Object>> list = (List<Map<String, Object>>) ((Map<String, Object>)
        template.get("spec")).get("containers");
    return list.stream().map(c -> c.get("name") + "=" + c.get("image")).toList();
  }

  private void injectSidecar() {
    cluster.patch(WEB, "[{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/-\","
        + "\"value\":{\"name\":\"proxy\",\"image\":\"envoy:1\"}}]");
  }

  @Test
  @DisplayName("three-way patch: an upgrade patches, keeps an injected sidecar, creates, deletes"
      + " and keeps")
  void threeWayPatch() {
    // Given
    List<Map<String, Object>> v1 = List.of(configMap("old", "{}"),
        configMap("precious", "{helm.sh/resource-policy: keep}"), deployment("nginx:1.26"));
    applier.apply(List.of(), v1);
    injectSidecar();

    // When
    ApplyResult r = applier.apply(v1, List.of(configMap("new", "{}"), deployment("nginx:1.27")));

    // Then
    assertThat(r.created()).extracting(ResourceRef::name).containsExactly("new");
    assertThat(r.updated()).containsExactly(WEB);
    assertThat(r.deleted()).extracting(ResourceRef::name).containsExactly("old");
    assertThat(r.kept()).extracting(ResourceRef::name).containsExactly("precious");
    assertThat(containers(cluster.get(WEB).orElseThrow()))
        .containsExactly("app=nginx:1.27", "proxy=envoy:1");
  }

  @Test
  @DisplayName("three-way patch: an unchanged object gets no write and keeps its resourceVersion")
  void unchanged() {
    // Given
    List<Map<String, Object>> v1 = List.of(deployment("nginx:1.26"));
    applier.apply(List.of(), v1);
    String before = resourceVersion(cluster.get(WEB).orElseThrow());
    cluster.clearRequests();

    // When
    ApplyResult r = applier.apply(v1, v1);

    // Then
    assertThat(r.unchanged()).containsExactly(WEB);
    assertThat(cluster.requests()).containsExactly(RecordedRequest.of(Verb.GET, WEB));
    assertThat(resourceVersion(cluster.get(WEB).orElseThrow())).isEqualTo(before);
  }

  @Test
  @DisplayName("three-way patch: a patch refused by its resourceVersion test is recomputed")
  void conflictRetried() {
    // Given
    List<Map<String, Object>> v1 = List.of(deployment("nginx:1.26"));
    applier.apply(List.of(), v1);
    cluster.failNext(Verb.PATCH, "Deployment", new ClusterException("testing value"
        + " /metadata/resourceVersion failed", 422, "Invalid", null));
    cluster.clearRequests();

    // When
    ApplyResult r = applier.apply(v1, List.of(deployment("nginx:1.27")));

    // Then
    assertThat(r.updated()).containsExactly(WEB);
    assertThat(cluster.requests()).extracting(RecordedRequest::verb)
        .containsExactly(Verb.GET, Verb.PATCH, Verb.GET, Verb.PATCH);
    assertThat(containers(cluster.get(WEB).orElseThrow())).containsExactly("app=nginx:1.27");
  }

  @Test
  @DisplayName("replace: the whole target is put, a live-only sidecar goes, the status stays")
  void replace() {
    // Given
    List<Map<String, Object>> v1 = List.of(deployment("nginx:1.26"));
    applier.apply(List.of(), v1);
    injectSidecar();
    cluster.patch(WEB, "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"replicas\":1}}]");

    // When
    ApplyResult r = applier.apply(v1, List.of(deployment("nginx:1.27")), ApplyOptions.defaults().withStrategy(Strategy.REPLACE));

    // Then
    Map<String, Object> live = cluster.get(WEB).orElseThrow();
    assertThat(r.updated()).containsExactly(WEB);
    assertThat(containers(live)).containsExactly("app=nginx:1.27");
    assertThat(live.get("status")).isEqualTo(Map.of("replicas", 1));
    assertThat(cluster.requests()).extracting(RecordedRequest::verb).contains(Verb.REPLACE);
  }

  @Test
  @DisplayName("server-side: creates and updates through apply, helm owning the fields")
  void serverSide() {
    // Given
    List<Map<String, Object>> v1 = List.of(deployment("nginx:1.26"));

    // When
    ApplyResult installed = applier.apply(List.of(), v1, ApplyOptions.defaults().withStrategy(Strategy.SERVER_SIDE));
    ApplyResult same = applier.apply(v1, v1, ApplyOptions.defaults().withStrategy(Strategy.SERVER_SIDE));
    ApplyResult upgraded = applier.apply(v1, List.of(deployment("nginx:1.27")),
        ApplyOptions.defaults().withStrategy(Strategy.SERVER_SIDE));

    // Then
    assertThat(installed.created()).containsExactly(WEB);
    assertThat(same.unchanged()).containsExactly(WEB);
    assertThat(upgraded.updated()).containsExactly(WEB);
    Map<String, Object> live = cluster.get(WEB).orElseThrow();
    assertThat(containers(live)).containsExactly("app=nginx:1.27");
    assertThat(managedFields(live)).extracting(e -> e.get("manager") + "/" + e.get("operation"))
        .containsExactly("helm/Apply");
  }

  @Test
  @DisplayName("server-side: a field another manager changed conflicts unless conflicts are forced")
  void serverSideConflicts() {
    // Given
    List<Map<String, Object>> v1 = List.of(deployment("nginx:1.26"));
    applier.apply(List.of(), v1, ApplyOptions.defaults().withStrategy(Strategy.SERVER_SIDE));
    cluster.serverSideApply(yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1}
        spec: {replicas: 4}
        """), "autoscaler", true);
    List<Map<String, Object>> v2 = List.of(deployment("nginx:1.27"));

    // When / Then
    assertThatThrownBy(() -> applier.apply(v1, v2, ApplyOptions.defaults().withStrategy(Strategy.SERVER_SIDE)))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("Apply failed with 1 conflict: conflict with \"autoscaler\":"
            + " .spec.replicas");
    ApplyResult forced = applier.apply(v1, v2, ApplyOptions.defaults().withStrategy(Strategy.SERVER_SIDE_FORCE_CONFLICTS));
    assertThat(forced.updated()).containsExactly(WEB);
    Map<String, Object> live = cluster.get(WEB).orElseThrow();
    assertThat(spec(live)).containsEntry("replicas", 1);
    assertThat(managedFields(live)).extracting(e -> e.get("manager")).containsExactly("helm");
    assertThat(metadata(live)).containsEntry("generation", 3);
  }
}
