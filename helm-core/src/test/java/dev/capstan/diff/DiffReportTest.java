package dev.capstan.diff;

import static dev.capstan.diff.Kube.configMap;
import static dev.capstan.diff.Kube.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiffReportTest {
  private static final Map<String, Object> SERVICE = object("""
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        ports:
        - port: 80
      """);

  private static ReleaseDiff sample() {
    // An unchanged Deployment, a removed ServiceAccount, a changed ConfigMap, an added Service
    Map<String, Object> deployment = Kube.header("apps/v1", "Deployment", "web");
    Map<String, Object> from = configMap("settings", "mode", "fast");
    from.put("data", new java.util.LinkedHashMap<>(Map.of("mode", "fast", "level", "1")));
    Map<String, Object> to = configMap("settings", "mode", "slow");
    to.put("data", new java.util.LinkedHashMap<>(Map.of("mode", "slow", "level", "1")));
    return ManifestDiff.compare(
        List.of(deployment, from, Kube.header("v1", "ServiceAccount", "old")),
        List.of(to, SERVICE, deployment),
        DiffOptions.builder().namespace("default").build());
  }

  @Test
  @DisplayName("a changed resource's unified diff has helm-diff's name in its headers and one hunk")
  void changedResource() {
    // When the sample is compared
    ResourceDiff config = sample().changed().get(0);

    // Then the diff reads as written by hand from the format's rules
    assertThat(config.title()).isEqualTo("default, settings, ConfigMap (v1)");
    assertThat(config.unifiedDiff()).isEqualTo("""
        --- default, settings, ConfigMap (v1)
        +++ default, settings, ConfigMap (v1)
        @@ -1,7 +1,7 @@
         apiVersion: v1
         data:
           level: "1"
        -  mode: fast
        +  mode: slow
         kind: ConfigMap
         metadata:
           name: settings
        """);
  }

  @Test
  @DisplayName("an added resource diffs from /dev/null, a removed one to it")
  void addedAndRemoved() {
    ReleaseDiff diff = sample();

    assertThat(diff.added().get(0).unifiedDiff()).isEqualTo("""
        --- /dev/null
        +++ default, web, Service (v1)
        @@ -0,0 +1,7 @@
        +apiVersion: v1
        +kind: Service
        +metadata:
        +  name: web
        +spec:
        +  ports:
        +  - port: 80
        """);
    assertThat(diff.removed().get(0).unifiedDiff()).isEqualTo("""
        --- default, old, ServiceAccount (v1)
        +++ /dev/null
        @@ -1,4 +0,0 @@
        -apiVersion: v1
        -kind: ServiceAccount
        -metadata:
        -  name: old
        """);
    assertThat(diff.added().get(0).fromYaml()).isEmpty();
    assertThat(diff.removed().get(0).toYaml()).isEmpty();
  }

  @Test
  @DisplayName("the report names each changed resource as helm-diff does, in order, unchanged ones left out")
  void report() {
    assertThat(sample().report()).isEqualTo("""
        default, old, ServiceAccount (v1) has been removed:
        @@ -1,4 +0,0 @@
        -apiVersion: v1
        -kind: ServiceAccount
        -metadata:
        -  name: old
        default, settings, ConfigMap (v1) has changed:
        @@ -1,7 +1,7 @@
         apiVersion: v1
         data:
           level: "1"
        -  mode: fast
        +  mode: slow
         kind: ConfigMap
         metadata:
           name: settings
        default, web, Service (v1) has been added:
        @@ -0,0 +1,7 @@
        +apiVersion: v1
        +kind: Service
        +metadata:
        +  name: web
        +spec:
        +  ports:
        +  - port: 80
        """);
  }

  @Test
  @DisplayName("the context option sets how many unchanged lines surround a change")
  void contextOption() {
    // Given the ConfigMap change with one line of context
    Map<String, Object> from = configMap("settings", "mode", "fast");
    Map<String, Object> to = configMap("settings", "mode", "slow");

    // When compared with context 1
    ResourceDiff r = ManifestDiff.compare(List.of(from), List.of(to),
        DiffOptions.builder().contextLines(1).build()).resources().get(0);

    // Then the hunk has one line before and after
    assertThat(r.hunks()).isEqualTo("@@ -2,3 +2,3 @@\n data:\n-  mode: fast\n+  mode: slow\n"
        + " kind: ConfigMap\n");
  }

  @Test
  @DisplayName("a group other than core is shown by name in the title")
  void groupInTitle() {
    ResourceDiff r = ManifestDiff.compare(List.of(),
        List.of(Kube.in("prod", Kube.header("apps/v1", "Deployment", "web"))),
        DiffOptions.defaults()).resources().get(0);

    assertThat(r.title()).isEqualTo("prod, web, Deployment (apps)");
    assertThat(r).hasToString("prod, web, Deployment (apps) has been added");
  }
}
