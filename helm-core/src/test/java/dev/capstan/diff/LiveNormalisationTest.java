package dev.capstan.diff;

import static dev.capstan.diff.Kube.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveNormalisationTest {
  /** A Deployment as a chart renders it. */
  private static final String MANIFEST = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels:
          app: web
      spec:
        replicas: 2
      """;

  /** The same Deployment as the API server returns it. */
  private static final String LIVE = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: prod
        uid: 6f1c2d9e-0000-4000-8000-000000000001
        resourceVersion: "4711"
        generation: 3
        creationTimestamp: "2026-11-23T10:00:00Z"
        selfLink: /apis/apps/v1/namespaces/prod/deployments/web
        managedFields:
        - manager: helm
          operation: Update
        labels:
          app: web
        annotations:
          kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Deployment"}'
      spec:
        replicas: 2
      status:
        readyReplicas: 2
      """;

  @Test
  @DisplayName("normalizeLive removes what the API server adds, so a live object equals its manifest")
  void liveObjectEqualsManifest() {
    // Given the live object and the manifest, with normalisation and the release namespace
    DiffOptions options = DiffOptions.builder().normalizeLive(true).namespace("prod").build();

    // When compared
    ReleaseDiff diff = ManifestDiff.compare(List.of(object(LIVE)), List.of(object(MANIFEST)),
        options);

    // Then it is unchanged, and the emptied annotations map does not show
    ResourceDiff r = diff.resources().get(0);
    assertThat(r.change()).isEqualTo(Change.UNCHANGED);
    assertThat(r.namespace()).isEqualTo("prod");
    assertThat(r.fromYaml()).doesNotContain("annotations", "uid", "status", "managedFields",
        "namespace");
  }

  @Test
  @DisplayName("without normalizeLive, the server's fields show as changes")
  void withoutNormalisation() {
    DiffOptions options = DiffOptions.builder().namespace("prod").build();

    ReleaseDiff diff = ManifestDiff.compare(List.of(object(LIVE)), List.of(object(MANIFEST)),
        options);

    ResourceDiff r = diff.resources().get(0);
    assertThat(r.change()).isEqualTo(Change.CHANGED);
    assertThat(r.hunks()).contains("-  uid: 6f1c2d9e-0000-4000-8000-000000000001\n",
        "-status:\n", "-  resourceVersion: \"4711\"\n");
  }

  @Test
  @DisplayName("normalisation keeps what a user changed: another annotation and the spec still show")
  void realChangesStillShow() {
    // Given a live object with an extra annotation and another replica count
    String live = LIVE.replace("  annotations:\n", "  annotations:\n    team: blue\n")
        .replace("replicas: 2\nstatus", "replicas: 5\nstatus");
    DiffOptions options = DiffOptions.builder().normalizeLive(true).namespace("prod").build();

    // When compared
    ResourceDiff r = ManifestDiff.compare(List.of(object(live)), List.of(object(MANIFEST)),
        options).resources().get(0);

    // Then exactly those lines differ
    assertThat(r.change()).isEqualTo(Change.CHANGED);
    assertThat(r.hunks().lines().filter(l -> l.startsWith("-") || l.startsWith("+")))
        .containsExactly("-  annotations:", "-    team: blue", "-  replicas: 5", "+  replicas: 2");
  }

  @Test
  @DisplayName("normalizeLive folds a Secret's stringData into data, as the API server stores it")
  void stringDataFolded() {
    // Given a manifest with stringData and the live Secret with the base64 form in data
    Map<String, Object> manifest = object("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        stringData:
          password: s3cret
        """);
    Map<String, Object> live = object("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        data:
          password: czNjcmV0
        """);
    DiffOptions options = DiffOptions.builder().normalizeLive(true).build();

    // When compared (with and without the values shown)
    ResourceDiff redacted = ManifestDiff.compare(List.of(live), List.of(manifest), options)
        .resources().get(0);
    ResourceDiff shown = ManifestDiff.compare(List.of(live), List.of(manifest),
        options.toBuilder().showSecrets(true).build()).resources().get(0);

    // Then both are unchanged
    assertThat(redacted.change()).isEqualTo(Change.UNCHANGED);
    assertThat(shown.change()).isEqualTo(Change.UNCHANGED);
    assertThat(shown.toYaml()).contains("data:\n  password: czNjcmV0\n");
  }

  @Test
  @DisplayName("an ignore path removes an annotation from both sides; ~1 stands for a slash")
  void ignorePathWithEscape() {
    // Given two objects that differ only in a checksum annotation
    String yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            checksum/config: %s
            owner: team-a
        """;
    Map<String, Object> from = object(yaml.formatted("aaa"));
    Map<String, Object> to = object(yaml.formatted("bbb"));
    DiffOptions ignoring = DiffOptions.builder()
        .ignorePath("/metadata/annotations/checksum~1config").build();

    // When compared with and without the ignore path
    ResourceDiff ignored = ManifestDiff.compare(List.of(from), List.of(to), ignoring)
        .resources().get(0);
    ResourceDiff seen = ManifestDiff.compare(List.of(from), List.of(to), DiffOptions.defaults())
        .resources().get(0);

    // Then only the comparison without it sees the change; other annotations stay
    assertThat(ignored.change()).isEqualTo(Change.UNCHANGED);
    assertThat(ignored.toYaml()).contains("    owner: team-a\n").doesNotContain("checksum");
    assertThat(seen.change()).isEqualTo(Change.CHANGED);
  }

  @Test
  @DisplayName("an ignore path can pick a list item by index, and a path that is absent changes nothing")
  void ignorePathIntoList() {
    // Given two pods whose first container's image differs
    String yaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: %s
        """;
    DiffOptions options = DiffOptions.builder()
        .ignorePath("/spec/containers/0/image")
        .ignorePath("/spec/nothing/here")
        .build();

    // When compared
    ResourceDiff r = ManifestDiff.compare(List.of(object(yaml.formatted("app:1"))),
        List.of(object(yaml.formatted("app:2"))), options).resources().get(0);

    // Then it is unchanged, and the container keeps its name
    assertThat(r.change()).isEqualTo(Change.UNCHANGED);
    assertThat(r.toYaml()).contains("  containers:\n  - name: app\n");
  }

  @Test
  @DisplayName("an ignore path that empties a map removes the map too")
  void ignorePathPrunesEmptiedMaps() {
    // Given an object whose only annotation is ignored, and one without annotations
    Map<String, Object> with = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          annotations:
            checksum/config: abc
        """);
    Map<String, Object> without = Kube.header("v1", "ConfigMap", "c");
    DiffOptions options = DiffOptions.builder()
        .ignorePath("/metadata/annotations/checksum~1config").build();

    // When compared, then they are equal
    assertThat(ManifestDiff.compare(List.of(with), List.of(without), options).hasChanges())
        .isFalse();
  }
}
