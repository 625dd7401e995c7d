package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.internal.yaml.Yaml;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Client-side apply (§5.2) against fabric8's CRUD mock server. */
@EnableKubernetesMockClient(crud = true, https = false)
class ResourceApplierTest {
  KubernetesClient client;
  private KubernetesClient noRetries;
  private Cluster cluster;
  private ResourceApplier applier;

  @BeforeEach
  void setUp() {
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
    applier = new ResourceApplier(cluster);
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) Yaml.load(text, "test");
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
              containers:
              - name: app
                image: %s
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
  private List<Map<String, Object>> containers(Map<String, Object> deployment) {
    Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
  }

  @Test
  @DisplayName("an install creates every object")
  void install() {
    ApplyResult r = applier.apply(List.of(), List.of(configMap("cfg", "{}"), deployment("nginx:1.26")));

    assertThat(r.created()).extracting(ResourceRef::kind).containsExactly("ConfigMap", "Deployment");
    assertThat(cluster.get(new ResourceRef("apps/v1", "Deployment", "ns1", "web"))).isPresent();
  }

  @Test
  @DisplayName("an upgrade patches changed objects, keeps a sidecar a webhook injected, creates new and deletes removed objects")
  void upgrade() {
    List<Map<String, Object>> v1 = List.of(configMap("old", "{}"), deployment("nginx:1.26"));
    applier.apply(List.of(), v1);
    // A webhook injects a sidecar into the live Deployment.
    ResourceRef web = new ResourceRef("apps/v1", "Deployment", "ns1", "web");
    cluster.patch(web, "[{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/-\","
        + "\"value\":{\"name\":\"proxy\",\"image\":\"envoy:1\"}}]");

    ApplyResult r = applier.apply(v1, List.of(configMap("new", "{}"), deployment("nginx:1.27")));

    assertThat(r.created()).extracting(ResourceRef::name).containsExactly("new");
    assertThat(r.updated()).containsExactly(web);
    assertThat(r.deleted()).extracting(ResourceRef::name).containsExactly("old");
    assertThat(containers(cluster.get(web).orElseThrow()))
        .extracting(c -> c.get("name") + "=" + c.get("image"))
        .containsExactly("app=nginx:1.27", "proxy=envoy:1");
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "ns1", "old"))).isEmpty();
  }

  @Test
  @DisplayName("an object that needs no change gets no request and stays at its resourceVersion")
  void unchanged() {
    List<Map<String, Object>> v1 = List.of(deployment("nginx:1.26"));
    applier.apply(List.of(), v1);
    ResourceRef web = new ResourceRef("apps/v1", "Deployment", "ns1", "web");
    Object before = ((Map<?, ?>) cluster.get(web).orElseThrow().get("metadata")).get("resourceVersion");

    ApplyResult r = applier.apply(v1, v1);

    assertThat(r.unchanged()).containsExactly(web);
    assertThat(r.updated()).isEmpty();
    assertThat(((Map<?, ?>) cluster.get(web).orElseThrow().get("metadata")).get("resourceVersion"))
        .isEqualTo(before);
  }

  @Test
  @DisplayName("a removed object whose live annotation says keep is kept")
  void keepPolicy() {
    List<Map<String, Object>> v1 = List.of(configMap("precious", "{helm.sh/resource-policy: keep}"));
    applier.apply(List.of(), v1);

    ApplyResult r = applier.apply(v1, List.of());

    assertThat(r.kept()).extracting(ResourceRef::name).containsExactly("precious");
    assertThat(r.deleted()).isEmpty();
    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "ns1", "precious"))).isPresent();
  }

  @Test
  @DisplayName("an object missing from the previous manifest is patched against its live state")
  void noBaseline() {
    cluster.create(deployment("nginx:1.26"));

    ApplyResult r = applier.apply(List.of(), List.of(deployment("nginx:1.27")));

    assertThat(r.updated()).extracting(ResourceRef::name).containsExactly("web");
    assertThat(containers(cluster.get(new ResourceRef("apps/v1", "Deployment", "ns1", "web"))
        .orElseThrow())).extracting(c -> c.get("image")).containsExactly("nginx:1.27");
  }

  @Test
  @DisplayName("force replace puts the whole target: a live-only sidecar is gone")
  void forceReplace() {
    List<Map<String, Object>> v1 = List.of(deployment("nginx:1.26"));
    applier.apply(List.of(), v1);
    ResourceRef web = new ResourceRef("apps/v1", "Deployment", "ns1", "web");
    cluster.patch(web, "[{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/-\","
        + "\"value\":{\"name\":\"proxy\",\"image\":\"envoy:1\"}}]");

    ApplyResult r = applier.apply(v1, List.of(deployment("nginx:1.27")),
        ApplyOptions.defaults().withStrategy(ResourceApplier.Strategy.REPLACE));

    assertThat(r.updated()).containsExactly(web);
    assertThat(containers(cluster.get(web).orElseThrow()))
        .extracting(c -> c.get("name") + "=" + c.get("image")).containsExactly("app=nginx:1.27");
  }
}
