package dev.capstan.storage;

import static dev.capstan.release.ReleaseStatus.DEPLOYED;
import static dev.capstan.release.ReleaseStatus.PENDING_UPGRADE;
import static dev.capstan.storage.TestReleases.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseChart;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.release.StoredFile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class SecretDriverTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"),
      ZoneOffset.UTC);

  private ReleaseStorage storage(String ns) {
    return ReleaseStorage.of(new SecretDriver(client), ns, CLOCK);
  }

  private static Secret secret(String ns, String name, String type, Map<String, String> labels,
      String data) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns)
        .withLabels(labels).endMetadata().withType(type).withData(Map.of("release", data)).build();
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("§2.3: a record is a Secret of type helm.sh/release.v1 with Helm's labels and data.release = base64 of the body")
  void secretShape() {
    // Given
    Release r = release("web", "shape", 1, DEPLOYED).withLabels(Map.of("team", "a"));
    // When
    storage("shape").create(r);
    // Then
    Secret s = client.secrets().inNamespace("shape").withName("sh.helm.release.v1.web.v1").get();
    assertThat(s.getType()).isEqualTo("helm.sh/release.v1");
    assertThat(s.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "name", "web", "owner", "helm", "status", "deployed", "version", "1", "team", "a",
        "createdAt", Long.toString(CLOCK.instant().getEpochSecond())));
    String body = new String(Base64.getDecoder().decode(s.getData().get("release")),
        StandardCharsets.US_ASCII);
    assertThat(body).startsWith("H4sI");
    assertThat(dev.capstan.release.ReleaseCodec.decode(body, "x")).isEqualTo(r.withLabels(Map.of()));
  }

  @Test
  @DisplayName("an update whose read was current but is overtaken before the PUT gets ReleaseConflictException from the server's 409")
  void serverSideConflict() {
    // Given: the record, then a newer write the driver's read does not see
    SecretDriver driver = new SecretDriver(client);
    StoredRelease v1 = driver.create(StoredRelease.of("race", release("web", "race", 1,
        PENDING_UPGRADE), Map.of("owner", "helm", "name", "web", "status", "pending-upgrade",
        "version", "1")));
    Secret staleView = client.secrets().inNamespace("race").withName(v1.key()).get();
    driver.update(v1.withContent(v1.release().withStatus(DEPLOYED), v1.labels()));
    server.expect().get().withPath("/api/v1/namespaces/race/secrets/" + v1.key())
        .andReturn(200, staleView).once();
    // When / Then
    assertThatThrownBy(() -> driver.update(v1.withContent(
        v1.release().withStatus(ReleaseStatus.FAILED), v1.labels())))
        .isInstanceOf(ReleaseConflictException.class).hasMessageContaining(v1.key())
        .hasMessageContaining("the API server refused the write");
    assertThat(driver.get("race", v1.key()).release().info().status()).isEqualTo(DEPLOYED);
  }

  @Test
  @DisplayName("§2.8: a record over 1 MiB is refused before writing, naming its size and biggest parts")
  void tooLarge() {
    // Given: 900 KiB of incompressible chart file, base64 makes the body about 1.2 MiB
    byte[] big = new byte[900 * 1024];
    new Random(42).nextBytes(big);
    Release r = release("big", "size", 1, DEPLOYED).withChart(new ReleaseChart(
        Map.of("name", "big", "version", "1.0.0"), null,
        List.of(StoredFile.of("templates/cm.yaml", "kind: ConfigMap".getBytes(StandardCharsets.UTF_8))),
        null, null, null, List.of(StoredFile.of("files/blob.bin", big)), null, Map.of()));
    // When / Then
    assertThatThrownBy(() -> storage("size").create(r))
        .isInstanceOfSatisfying(ReleaseTooLargeException.class,
            e -> assertThat(e.encodedBytes()).isGreaterThan(1024 * 1024))
        .hasMessageContaining("sh.helm.release.v1.big.v1").hasMessageContaining("1048576")
        .hasMessageMatching("(?s).*stored body would be \\d+ bytes.*")
        .hasMessageContaining("chart file files/blob.bin (921600 bytes)")
        .hasMessageContaining("Nothing was written");
    assertThat(client.secrets().inNamespace("size").list().getItems()).isEmpty();
  }

  @Test
  @DisplayName("§2.8: an update that would exceed 1 MiB is refused and the stored record stays as it was")
  void tooLargeUpdate() {
    ReleaseStorage s = storage("size2");
    s.create(release("web", "size2", 1, DEPLOYED));
    byte[] big = new byte[800 * 1024];
    new Random(7).nextBytes(big);
    String manifest = Base64.getEncoder().encodeToString(big);
    assertThatThrownBy(() -> s.update(release("web", "size2", 1, DEPLOYED).withManifest(manifest)))
        .isInstanceOf(ReleaseTooLargeException.class).hasMessageContaining("manifest (");
    assertThat(s.get("web", 1).manifest()).isEqualTo("kind: ConfigMap\n");
  }

  @Test
  @DisplayName("corrupt and foreign Secrets are skipped in list and query and reported; history of other releases still works")
  void corruptSkipped() {
    // Given
    String ns = "corrupt";
    ReleaseStorage s = storage(ns);
    s.create(release("good", ns, 1, DEPLOYED));
    Map<String, String> labels = Map.of("owner", "helm", "name", "good", "status", "deployed",
        "version", "9");
    client.secrets().inNamespace(ns).resource(secret(ns, "sh.helm.release.v1.good.v2",
        "helm.sh/release.v1", labels, b64("!!not base64!!"))).create();
    client.secrets().inNamespace(ns).resource(secret(ns, "sh.helm.release.v1.good.v3",
        "helm.sh/release.v1", labels, b64(b64(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}))))
        .create();
    client.secrets().inNamespace(ns).resource(secret(ns, "sh.helm.release.v1.good.v4",
        "helm.sh/release.v1", labels, b64(b64("this is not json")))).create();
    client.secrets().inNamespace(ns).resource(secret(ns, "sh.helm.release.v1.good.v5",
        "helm.sh/release.v1", Map.of("owner", "helm", "name", "good"),
        b64(dev.capstan.release.ReleaseCodec.encode(release("good", ns, 5, DEPLOYED))))).create();
    client.secrets().inNamespace(ns).resource(secret(ns, "sh.helm.release.v1.good.v6",
        "Opaque", labels, b64(b64("{}")))).create();
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata()
        .withName("sh.helm.release.v1.good.v7").withNamespace(ns).withLabels(labels).endMetadata()
        .withType("helm.sh/release.v1").withData(Map.of("other", b64("x"))).build()).create();
    // When
    ReleaseListing listed = s.list(r -> true);
    ReleaseListing queried = new SecretDriver(client).query(ns, Map.of("name", "good"));
    // Then
    assertThat(listed.releases()).extracting(StoredRelease::key)
        .containsExactly("sh.helm.release.v1.good.v1");
    assertThat(listed.skipped()).extracting(SkippedRecord::key).containsExactlyInAnyOrder(
        "sh.helm.release.v1.good.v2", "sh.helm.release.v1.good.v3", "sh.helm.release.v1.good.v4",
        "sh.helm.release.v1.good.v5", "sh.helm.release.v1.good.v6", "sh.helm.release.v1.good.v7");
    assertThat(listed.skipped()).allMatch(k -> k.namespace().equals(ns));
    assertThat(reason(listed, 2)).contains("not valid base64");
    assertThat(reason(listed, 3)).contains("not valid gzip");
    assertThat(reason(listed, 4)).contains("sh.helm.release.v1.good.v4");
    assertThat(reason(listed, 5)).contains("missing labels [status, version]");
    assertThat(reason(listed, 6)).contains("type Opaque");
    assertThat(reason(listed, 7)).contains("no data key release");
    assertThat(queried.skipped()).hasSize(6);
    assertThat(s.history("good")).extracting(Release::version).containsExactly(1);
    assertThat(s.deployed("good").version()).isEqualTo(1);
  }

  private static String reason(ReleaseListing l, int rev) {
    return l.skipped().stream().filter(k -> k.key().endsWith(".v" + rev)).findFirst()
        .orElseThrow().reason();
  }

  @Test
  @DisplayName("get of a corrupt Secret fails with an error naming the object")
  void getCorrupt() {
    client.secrets().inNamespace("corrupt2").resource(secret("corrupt2",
        "sh.helm.release.v1.bad.v1", "helm.sh/release.v1",
        Map.of("owner", "helm", "name", "bad", "status", "deployed", "version", "1"),
        b64(b64("{\"name\": 3")))).create();
    assertThatThrownBy(() -> storage("corrupt2").get("bad", 1))
        .isInstanceOf(dev.capstan.release.ReleaseRecordException.class)
        .hasMessageContaining("Secret sh.helm.release.v1.bad.v1 in namespace corrupt2");
  }

  @Test
  @DisplayName("query refuses a label value Kubernetes cannot hold, as Helm's Secret driver does, before listing anything")
  void queryRefusesInvalidLabelValues() {
    SecretDriver driver = new SecretDriver(client);
    assertThatThrownBy(() -> driver.query("labels", Map.of("name", "web app!")))
        .isInstanceOf(InvalidLabelValueException.class)
        .hasMessageStartingWith("invalid label value: \"web app!\" (label name): ")
        .hasMessageContaining("alphanumeric");
    String tooLong = "a".repeat(64);
    assertThatThrownBy(() -> driver.query("labels", Map.of("team", tooLong)))
        .isInstanceOf(InvalidLabelValueException.class)
        .hasMessageContaining("(label team)")
        .hasMessageContaining("must be no more than 63 characters (has 64)");
    assertThatThrownBy(() -> storage("labels").history("-web"))
        .isInstanceOf(InvalidLabelValueException.class);
    assertThat(driver.query("labels", Map.of("name", "a".repeat(63), "team", "")).releases())
        .isEmpty();
  }

  @Test
  @DisplayName("delete of a Secret that exists but cannot be decoded deletes it by name and says what it deleted")
  void deleteUnreadable() {
    // Given: an unreadable record next to a readable one
    String ns = "corrupt3";
    ReleaseStorage s = storage(ns);
    s.create(release("bad", ns, 1, ReleaseStatus.SUPERSEDED));
    client.secrets().inNamespace(ns).resource(secret(ns, "sh.helm.release.v1.bad.v2",
        "helm.sh/release.v1", Map.of("owner", "helm", "name", "bad", "status", "deployed",
            "version", "2"), b64("!!not base64!!"))).create();
    // When / Then
    assertThatThrownBy(() -> s.delete("bad", 2))
        .isInstanceOf(UnreadableRecordDeletedException.class)
        .hasMessageStartingWith("deleted sh.helm.release.v1.bad.v2 in namespace corrupt3, which was"
            + " not a readable release record: ")
        .satisfies(e -> {
          SkippedRecord gone = ((UnreadableRecordDeletedException) e).deleted();
          assertThat(gone.namespace()).isEqualTo(ns);
          assertThat(gone.key()).isEqualTo("sh.helm.release.v1.bad.v2");
          assertThat(gone.reason()).contains("not valid base64");
        });
    assertThat(client.secrets().inNamespace(ns).withName("sh.helm.release.v1.bad.v2").get())
        .isNull();
    assertThat(s.history("bad")).extracting(Release::version).containsExactly(1);
    assertThatThrownBy(() -> s.delete("bad", 2)).isInstanceOf(ReleaseNotFoundException.class);
  }

  @Test
  @DisplayName("an all-namespaces storage finds an unreadable record by its labels and deletes it")
  void deleteUnreadableInAnyNamespace() {
    String ns = "corrupt4";
    client.secrets().inNamespace(ns).resource(secret(ns, "sh.helm.release.v1.lost.v1",
        "helm.sh/release.v1", Map.of("owner", "helm", "name", "lost", "status", "deployed",
            "version", "1"), b64(b64("{\"name\": 3}")))).create();
    ReleaseStorage all = ReleaseStorage.of(new SecretDriver(client), "", CLOCK);

    assertThatThrownBy(() -> all.delete("lost", 1))
        .isInstanceOf(UnreadableRecordDeletedException.class)
        .hasMessageContaining("sh.helm.release.v1.lost.v1 in namespace corrupt4");
    assertThat(client.secrets().inNamespace(ns).withName("sh.helm.release.v1.lost.v1").get())
        .isNull();
  }

  @Test
  @DisplayName("§2.9: pruning through the Secret driver deletes the oldest Secrets and keeps the deployed one")
  void pruningOnSecrets() {
    // Given
    ReleaseStorage s = storage("prune");
    s.create(release("web", "prune", 1, ReleaseStatus.SUPERSEDED));
    s.create(release("web", "prune", 2, DEPLOYED));
    s.create(release("web", "prune", 3, ReleaseStatus.FAILED));
    s.create(release("web", "prune", 4, ReleaseStatus.FAILED));
    // When
    s.withMaxHistory(2).create(release("web", "prune", 5, PENDING_UPGRADE));
    // Then
    assertThat(client.secrets().inNamespace("prune").list().getItems())
        .extracting(x -> x.getMetadata().getName()).containsExactlyInAnyOrder(
            "sh.helm.release.v1.web.v2", "sh.helm.release.v1.web.v5");
  }

  @Test
  @DisplayName("the latest revision of every release is chosen by labels: one decode per release, the next revision when the latest is unreadable")
  void latestDecodesOnePerRelease() {
    // Given: 3 releases x 4 revisions, and a corrupt 5th revision of rel-2
    SecretDriver driver = new SecretDriver(client);
    ReleaseStorage s = ReleaseStorage.of(driver, "latest", CLOCK);
    for (int r = 0; r < 3; r++) {
      for (int v = 1; v <= 4; v++) {
        s.create(release("rel-" + r, "latest", v, v == 4 ? DEPLOYED : ReleaseStatus.SUPERSEDED));
      }
    }
    client.secrets().inNamespace("latest").resource(secret("latest", "sh.helm.release.v1.rel-2.v5",
        "helm.sh/release.v1", Map.of("owner", "helm", "name", "rel-2", "status", "deployed",
            "version", "5"), b64("%%%"))).create();
    long before = driver.decodeCount();
    // When
    ReleaseListing latest = s.latest();
    // Then
    assertThat(latest.releases()).extracting(StoredRelease::key).containsExactlyInAnyOrder(
        "sh.helm.release.v1.rel-0.v4", "sh.helm.release.v1.rel-1.v4", "sh.helm.release.v1.rel-2.v4");
    assertThat(latest.skipped()).extracting(SkippedRecord::key)
        .containsExactly("sh.helm.release.v1.rel-2.v5");
    assertThat(driver.decodeCount() - before).isEqualTo(4);
    long beforeList = driver.decodeCount();
    s.list(r -> true);
    assertThat(driver.decodeCount() - beforeList).isEqualTo(13);
  }
}
