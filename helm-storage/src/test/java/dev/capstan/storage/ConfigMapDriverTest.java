package dev.capstan.storage;

import static dev.capstan.release.ReleaseStatus.DEPLOYED;
import static dev.capstan.storage.TestReleases.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseCodec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ConfigMapDriverTest {
  static KubernetesClient client;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"),
      ZoneOffset.UTC);

  private ReleaseStorage storage(String ns) {
    return ReleaseStorage.of(new ConfigMapDriver(client), ns, CLOCK);
  }

  private static ConfigMap cm(String ns, String name, Map<String, String> labels, String data) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns)
        .withLabels(labels).endMetadata().withData(Map.of("release", data)).build();
  }

  @Test
  @DisplayName("§2.3: a record is a ConfigMap with Helm's labels and data.release = the body itself")
  void configMapShape() {
    Release r = release("web", "shape", 2, DEPLOYED);
    storage("shape").create(r);
    ConfigMap c = client.configMaps().inNamespace("shape").withName("sh.helm.release.v1.web.v2")
        .get();
    assertThat(c.getMetadata().getLabels()).containsEntry("owner", "helm")
        .containsEntry("version", "2").containsEntry("status", "deployed")
        .containsEntry("createdAt", Long.toString(CLOCK.instant().getEpochSecond()));
    assertThat(c.getData().get("release")).startsWith("H4sI");
    assertThat(ReleaseCodec.decode(c.getData().get("release"), "x")).isEqualTo(r);
  }

  @Test
  @DisplayName("§2.8: a record over 1 MiB is refused before writing, naming its size and the manifest")
  void tooLarge() {
    byte[] big = new byte[850 * 1024];
    new Random(1).nextBytes(big);
    String manifest = Base64.getEncoder().encodeToString(big);
    Release r = release("big", "size", 1, DEPLOYED).withManifest(manifest);
    assertThatThrownBy(() -> storage("size").create(r))
        .isInstanceOf(ReleaseTooLargeException.class).hasMessageContaining("ConfigMap")
        .hasMessageContaining("biggest parts before compression: manifest (" + manifest.length()
            + " bytes), ");
    assertThat(client.configMaps().inNamespace("size").list().getItems()).isEmpty();
  }

  @Test
  @DisplayName("corrupt ConfigMaps are skipped and reported; the readable record is still listed")
  void corruptSkipped() {
    String ns = "corrupt";
    ReleaseStorage s = storage(ns);
    s.create(release("good", ns, 1, DEPLOYED));
    Map<String, String> labels = Map.of("owner", "helm", "name", "good", "status", "deployed",
        "version", "2");
    client.configMaps().inNamespace(ns).resource(cm(ns, "sh.helm.release.v1.good.v2", labels,
        "%%%")).create();
    client.configMaps().inNamespace(ns).resource(cm(ns, "sh.helm.release.v1.good.v3", labels,
        Base64.getEncoder().encodeToString(new byte[] {0x1f, (byte) 0x8b, 8, 9, 9, 9}))).create();
    client.configMaps().inNamespace(ns).resource(cm(ns, "sh.helm.release.v1.good.v4", labels,
        Base64.getEncoder().encodeToString("[1,2".getBytes(StandardCharsets.UTF_8)))).create();
    client.configMaps().inNamespace(ns).resource(cm(ns, "sh.helm.release.v1.good.v5",
        Map.of("owner", "helm"), ReleaseCodec.encode(release("good", ns, 5, DEPLOYED)))).create();
    ReleaseListing l = s.list(r -> true);
    assertThat(l.releases()).extracting(StoredRelease::key)
        .containsExactly("sh.helm.release.v1.good.v1");
    assertThat(l.skipped()).extracting(SkippedRecord::key).containsExactlyInAnyOrder(
        "sh.helm.release.v1.good.v2", "sh.helm.release.v1.good.v3", "sh.helm.release.v1.good.v4",
        "sh.helm.release.v1.good.v5");
    assertThat(s.last("good").version()).isEqualTo(1);
  }
  @Test
  @DisplayName("query refuses invalid label values and delete removes an undecodable ConfigMap by name, as Helm's ConfigMap driver")
  void labelValuesAndUnreadableDelete() {
    // Given
    String ns = "corrupt-del";
    ConfigMapDriver driver = new ConfigMapDriver(client);
    client.configMaps().inNamespace(ns).resource(cm(ns, "sh.helm.release.v1.bad.v1",
        Map.of("owner", "helm", "name", "bad", "status", "deployed", "version", "1"), "%%%"))
        .create();
    // When / Then
    assertThatThrownBy(() -> driver.query(ns, Map.of("status", "deployed ")))
        .isInstanceOf(InvalidLabelValueException.class)
        .hasMessageStartingWith("invalid label value: \"deployed \" (label status)");
    assertThatThrownBy(() -> driver.delete(ns, "sh.helm.release.v1.bad.v1"))
        .isInstanceOf(UnreadableRecordDeletedException.class)
        .extracting(e -> ((UnreadableRecordDeletedException) e).deleted().key())
        .isEqualTo("sh.helm.release.v1.bad.v1");
    assertThat(client.configMaps().inNamespace(ns).withName("sh.helm.release.v1.bad.v1").get())
        .isNull();
  }
}
