package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.yaml.Yaml;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply cannot run on fabric8's mock server, so these tests check the request Capstan
 * sends (method, path, query, content type, body) and how a conflict answer is reported.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ServerSideApplyRequestTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubernetesClient noRetries;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deployment() {
    return (Map<String, Object>) Yaml.load("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: ns1}
        spec: {replicas: 2}
        """, "test");
  }

  @Test
  @DisplayName("an apply is a PATCH of type apply-patch with field manager helm, and force when asked")
  void requestShape() throws Exception {
    String path = "/apis/apps/v1/namespaces/ns1/deployments/web?fieldManager=helm&force=true";
    server.expect().patch().withPath(path).andReturn(200, "{\"apiVersion\":\"apps/v1\","
        + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"ns1\"},"
        + "\"spec\":{\"replicas\":2}}").once();

    Map<String, Object> applied = cluster.serverSideApply(deployment(), "helm", true);

    RecordedRequest request = server.getLastRequest();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getPath()).isEqualTo(path);
    assertThat(request.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    assertThat(request.getBody().readUtf8()).contains("\"replicas\":2").contains("\"name\":\"web\"");
    assertThat(applied).containsKey("spec");
  }

  @Test
  @DisplayName("a field conflict is a Conflict naming the fields and managers")
  void conflict() {
    server.expect().patch().withPath("/apis/apps/v1/namespaces/ns1/deployments/web?fieldManager=helm")
        .andReturn(409, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"message\":\"Apply failed with 1 conflict: conflict with \\\"kubectl-edit\\\" using"
            + " apps/v1: .spec.replicas\",\"reason\":\"Conflict\",\"code\":409}").once();

    assertThatThrownBy(() -> cluster.serverSideApply(deployment(), "helm", false))
        .isInstanceOf(ClusterException.Conflict.class)
        .hasMessageContaining("conflict with \"kubectl-edit\" using apps/v1: .spec.replicas");
  }

  @Test
  @DisplayName("the applier's server-side strategy applies new objects with field manager helm")
  void applierServerSide() throws Exception {
    String path = "/apis/apps/v1/namespaces/ns1/deployments/web?fieldManager=helm";
    server.expect().patch().withPath(path).andReturn(200, "{\"apiVersion\":\"apps/v1\","
        + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"ns1\","
        + "\"resourceVersion\":\"7\"}}").once();

    ApplyResult r = new ResourceApplier(cluster).apply(java.util.List.of(),
        java.util.List.of(deployment()), ApplyOptions.defaults().withStrategy(ResourceApplier.Strategy.SERVER_SIDE));

    assertThat(r.created()).extracting(ResourceRef::name).containsExactly("web");
    assertThat(server.getLastRequest().getPath()).isEqualTo(path);
    assertThat(server.getLastRequest().getMethod()).isEqualTo("PATCH");
  }
}
