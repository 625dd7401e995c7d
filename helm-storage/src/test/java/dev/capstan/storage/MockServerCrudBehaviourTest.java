package dev.capstan.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What fabric8's mock API server does in CRUD mode for the requests the drivers rely on. These
 * tests pin the mock's behaviour, so that the driver tests run against it prove what they claim.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class MockServerCrudBehaviourTest {
  static KubernetesClient client;

  private static ConfigMap cm(String name, String value, String resourceVersion) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("probe")
        .withResourceVersion(resourceVersion).endMetadata().withData(Map.of("k", value)).build();
  }

  @Test
  @DisplayName("mock CRUD: a second POST of the same name is refused with 409")
  void createTwice() {
    client.configMaps().inNamespace("probe").resource(cm("twice", "a", null)).create();
    assertThatThrownBy(() ->
        client.configMaps().inNamespace("probe").resource(cm("twice", "b", null)).create())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  @DisplayName("mock CRUD: a PUT carrying a stale resourceVersion is refused with 409 (the mock enforces it)")
  void stalePut() {
    ConfigMap first = client.configMaps().inNamespace("probe").resource(cm("stale", "a", null))
        .create();
    String v1 = first.getMetadata().getResourceVersion();
    ConfigMap second = client.configMaps().inNamespace("probe").resource(cm("stale", "b", v1))
        .update();
    assertThat(second.getMetadata().getResourceVersion()).isNotEqualTo(v1);
    assertThatThrownBy(() ->
        client.configMaps().inNamespace("probe").resource(cm("stale", "c", v1)).update())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(client.configMaps().inNamespace("probe").withName("stale").get().getData())
        .containsEntry("k", "b");
  }

  @Test
  @DisplayName("mock CRUD: a PUT with a resourceVersion to a missing object is refused with 404")
  void putMissing() {
    assertThatThrownBy(() ->
        client.configMaps().inNamespace("probe").resource(cm("missing", "a", "7")).update())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(404));
    assertThat(client.configMaps().inNamespace("probe").withName("missing").get()).isNull();
  }
}
