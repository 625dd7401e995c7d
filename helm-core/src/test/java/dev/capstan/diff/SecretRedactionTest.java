package dev.capstan.diff;

import static dev.capstan.diff.Kube.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  private static final List<String> PLAIN = List.of("hunter2-old", "hunter2-new", "tok-unchanged",
      "added-value", "removed-value", "plain-key-1", "plain-key-2", "sd-unchanged");

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The old Secret, as a live object with its last-applied copy. */
  private static Map<String, Object> oldSecret() {
    return object("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: prod
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"%s"}}'
        type: Opaque
        data:
          password: %s
          token: %s
          gone: %s
        stringData:
          apiKey: plain-key-1
          same: sd-unchanged
        """.formatted(b64("hunter2-old"), b64("hunter2-old"), b64("tok-unchanged"),
        b64("removed-value")));
  }

  /** The new Secret: password changed, token the same, a key added, one removed. */
  private static Map<String, Object> newSecret() {
    return object("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: prod
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"%s"}}'
        type: Opaque
        data:
          password: %s
          token: %s
          extra: %s
        stringData:
          apiKey: plain-key-2
          same: sd-unchanged
        """.formatted(b64("hunter2-new"), b64("hunter2-new"), b64("tok-unchanged"),
        b64("added-value")));
  }

  @Test
  @DisplayName("no secret value, plain or base64, appears in any text a diff produces")
  void noValueLeaks() {
    // Given a changed Secret, an added one and a removed one
    Map<String, Object> added = newSecret();
    Kube.in("other", added);
    Map<String, Object> removed = oldSecret();
    Kube.in("third", removed);

    // When compared with the default options
    ReleaseDiff diff = ManifestDiff.compare(List.of(oldSecret(), removed),
        List.of(newSecret(), added), DiffOptions.defaults());

    // Then no text contains a value in any form
    List<String> texts = new ArrayList<>();
    texts.add(diff.report());
    texts.add(diff.toString());
    for (ResourceDiff r : diff.resources()) {
      texts.addAll(List.of(r.fromYaml(), r.toYaml(), r.unifiedDiff(), r.hunks(), r.toString()));
    }
    assertThat(diff.resources()).hasSize(3);
    for (String secret : PLAIN) {
      for (String text : texts) {
        assertThat(text).doesNotContain(secret, b64(secret), b64(b64(secret)));
      }
    }
  }

  @Test
  @DisplayName("a changed value shows as changed, an unchanged one does not, added and removed keys show")
  void changesStillShow() {
    // When the old and new Secret are compared
    ResourceDiff r = ManifestDiff.compare(List.of(oldSecret()), List.of(newSecret()),
        DiffOptions.defaults()).resources().get(0);

    // Then the markers tell which values changed
    List<String> edits = r.hunks().lines()
        .filter(l -> l.startsWith("-") || l.startsWith("+")).toList();
    assertThat(r.change()).isEqualTo(Change.CHANGED);
    assertThat(edits).contains(
        "-  password: REDACTED (old value)", "+  password: REDACTED (new value)",
        "-  gone: REDACTED", "+  extra: REDACTED",
        "-  apiKey: REDACTED (old value)", "+  apiKey: REDACTED (new value)",
        "-    kubectl.kubernetes.io/last-applied-configuration: REDACTED (old value)",
        "+    kubectl.kubernetes.io/last-applied-configuration: REDACTED (new value)");
    assertThat(edits).noneMatch(l -> l.contains("token") || l.contains("same"));
    assertThat(r.toYaml()).contains("  token: REDACTED\n", "  same: REDACTED\n", "type: Opaque\n");
  }

  @Test
  @DisplayName("a Secret whose values did not change is unchanged")
  void unchangedSecret() {
    ReleaseDiff diff = ManifestDiff.compare(List.of(oldSecret()), List.of(oldSecret()),
        DiffOptions.defaults());

    assertThat(diff.resources()).extracting(ResourceDiff::change)
        .containsExactly(Change.UNCHANGED);
  }

  @Test
  @DisplayName("with showSecrets the values appear as they are")
  void showSecrets() {
    ResourceDiff r = ManifestDiff.compare(List.of(oldSecret()), List.of(newSecret()),
        DiffOptions.builder().showSecrets(true).build()).resources().get(0);

    assertThat(r.hunks()).contains("-  password: " + b64("hunter2-old") + "\n",
        "+  password: " + b64("hunter2-new") + "\n", "+  apiKey: plain-key-2\n");
  }

  @Test
  @DisplayName("only core-group Secrets are redacted; a data field of another kind shows")
  void otherKindsAreNotRedacted() {
    // Given a ConfigMap and a custom kind named Secret in another group
    Map<String, Object> config = Kube.configMap("c", "password", "visible-1");
    Map<String, Object> custom = object("""
        apiVersion: example.com/v1
        kind: Secret
        metadata:
          name: s
        data:
          password: visible-2
        """);

    // When added
    ReleaseDiff diff = ManifestDiff.compare(List.of(), List.of(config, custom),
        DiffOptions.defaults());

    // Then their values show
    assertThat(diff.report()).contains("+  password: visible-1\n", "+  password: visible-2\n");
  }

  @Test
  @DisplayName("manifest texts are redacted the same way")
  void manifestTextsAreRedacted() {
    String from = "---\n# Source: c/templates/s.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n"
        + "  name: s\ndata:\n  k: " + b64("hunter2-old") + "\n";
    String to = from.replace(b64("hunter2-old"), b64("hunter2-new"));

    ReleaseDiff diff = ManifestDiff.compare(from, to, DiffOptions.defaults());

    assertThat(diff.report()).isEqualTo(", s, Secret (v1) has changed:\n"
        + "@@ -1,6 +1,6 @@\n"
        + " apiVersion: v1\n"
        + " data:\n"
        + "-  k: REDACTED (old value)\n"
        + "+  k: REDACTED (new value)\n"
        + " kind: Secret\n"
        + " metadata:\n"
        + "   name: s\n");
  }
}
