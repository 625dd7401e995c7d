package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.release.Hook;
import dev.capstan.release.HookEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ManifestSorterTest {
  private static final Path RECORDS = Path.of("../../shared/fixtures/helm-records");
  private static final Path TEMPLATES = Path.of("../../shared/fixtures/templates");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"helm4/sh.helm.release.v1.web.v1.json",
      "helm4/sh.helm.release.v1.web.v3.json", "helm3/sh.helm.release.v1.web.v1.json"})
  @DisplayName("§5.1: the manifest text rebuilt from a real Helm record's documents is byte-identical")
  void manifestTextMatchesRealHelmRecord(String record) throws IOException {
    // Given the documents of a record Helm wrote, grouped back into per-template files
    JsonNode json = new ObjectMapper().readTree(Files.readString(RECORDS.resolve(record)));
    String manifest = json.get("manifest").asString();
    Map<String, String> files = filesFromSourceBlocks(manifest);
    for (JsonNode hook : json.get("hooks")) {
      files.merge(hook.get("path").asString(), hook.get("manifest").asString(),
          (a, b) -> a + "\n---\n" + b);
    }

    // When they are sorted as a render result would be
    SortedManifests sorted = ManifestSorter.sort(files, KindSortOrder.INSTALL);

    // Then the manifest text equals Helm's, and the hooks equal Helm's hooks
    assertThat(sorted.manifestText()).isEqualTo(manifest);
    assertThat(sorted.hooks()).hasSize(json.get("hooks").size());
    JsonNode h0 = json.get("hooks").get(0);
    Hook hook = sorted.hooks().get(0);
    assertThat(hook.name()).isEqualTo(h0.get("name").asString());
    assertThat(hook.kind()).isEqualTo(h0.get("kind").asString());
    assertThat(hook.path()).isEqualTo(h0.get("path").asString());
    assertThat(hook.manifest()).isEqualTo(h0.get("manifest").asString());
    assertThat(hook.events()).containsExactly(HookEvent.TEST);
    assertThat(hook.deletePolicies()).isEmpty();
    assertThat(hook.weight()).isZero();
  }

  @Test
  @DisplayName("§5.1: documents from helm template output come back in Helm's install order")
  void installOrderMatchesHelmTemplate() throws IOException {
    // Given helm template's output, regrouped by file, with files given in reverse path order
    String rendered = Files.readString(
        TEMPLATES.resolve("set_ingress.enabled-true_autoscaling.enabled-true.yaml"));
    Map<String, String> byFile = filesFromSourceBlocks(rendered);
    Map<String, String> reversed = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>(byFile.keySet());
    java.util.Collections.reverse(paths);
    paths.forEach(k -> reversed.put(k, byFile.get(k)));

    // When sorted
    SortedManifests sorted = ManifestSorter.sort(reversed, KindSortOrder.INSTALL);

    // Then the manifests are in Helm's order and the test hook is separate
    assertThat(sorted.manifests()).extracting(Manifest::kind)
        .containsExactly("ServiceAccount", "Service", "Deployment", "HorizontalPodAutoscaler",
            "Ingress");
    assertThat(sorted.hooks()).extracting(Hook::kind).containsExactly("Pod");
    StringBuilder all = new StringBuilder(sorted.manifestText());
    sorted.hooks().forEach(h -> SortedManifests.appendDocument(all, h.path(), h.manifest()));
    assertThat(all.toString()).isEqualTo(rendered);
  }

  @Test
  @DisplayName("§5.1: unknown kinds come after known kinds, alphabetically; same kinds keep order")
  void unknownKindsAfterKnownOnesAlphabetically() {
    Map<String, String> files = Map.of(
        "c/templates/a.yaml", "kind: Zebra\nmetadata:\n  name: z1\n---\nkind: Service\nmetadata:\n  name: s1",
        "c/templates/b.yaml", "kind: Alpaca\nmetadata:\n  name: a1\n---\nkind: Zebra\nmetadata:\n  name: z2",
        "c/templates/c.yaml", "kind: Namespace\nmetadata:\n  name: n1\n---\nkind: Service\nmetadata:\n  name: s2");

    SortedManifests sorted = ManifestSorter.sort(files, KindSortOrder.INSTALL);

    assertThat(sorted.manifests()).extracting(Manifest::name)
        .containsExactly("n1", "s1", "s2", "a1", "z1", "z2");
  }

  @Test
  @DisplayName("§5.1: uninstall order reverses the kinds, webhooks first [H4]")
  void uninstallOrder() {
    Map<String, String> files = Map.of(
        "c/templates/a.yaml", "kind: Namespace\n---\nkind: Deployment\n---\n"
            + "kind: ValidatingWebhookConfiguration\n---\nkind: MutatingWebhookConfiguration");

    assertThat(ManifestSorter.sort(files, KindSortOrder.UNINSTALL).manifests())
        .extracting(Manifest::kind).containsExactly("ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration", "Deployment", "Namespace");
    assertThat(ManifestSorter.sort(files, KindSortOrder.INSTALL).manifests())
        .extracting(Manifest::kind).containsExactly("Namespace", "Deployment",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
  }

  @Test
  @DisplayName("§5.1: partials and blank files are skipped, blank documents dropped, documents trimmed")
  void partialsBlankFilesAndDocuments() {
    Map<String, String> files = Map.of(
        "c/templates/_helpers.tpl", "kind: ConfigMap",
        "c/templates/empty.yaml", "  \n\n",
        "c/templates/cm.yaml", "\n---\nkind: ConfigMap\nmetadata:\n  name: x   \n\n---\n  \n");

    SortedManifests sorted = ManifestSorter.sort(files, KindSortOrder.INSTALL);

    assertThat(sorted.manifests()).singleElement()
        .satisfies(m -> assertThat(m.content()).isEqualTo("kind: ConfigMap\nmetadata:\n  name: x"));
  }

  @Test
  @DisplayName("§5.1: like Go's regexp split, back-to-back separators leave the second --- in the document")
  void backToBackSeparatorsAsHelm() {
    // (?:^|\s*\n)---\s* consumes the newline after the first ---, so the second cannot match
    assertThat(ManifestSorter.split("a: 1\n---\n---\nb: 2\n"))
        .containsExactly("a: 1", "---\nb: 2");
    assertThat(ManifestSorter.split("---\na: 1\n---   \n\nb: 2")).containsExactly("a: 1", "b: 2");
  }

  @Test
  @DisplayName("§6: hook annotations give events, weight and policies; an unknown event drops the document")
  void hookAnnotations() {
    String hook = """
        kind: Job
        metadata:
          name: migrate
          annotations:
            helm.sh/hook: " Pre-Install , post-upgrade"
            helm.sh/hook-weight: "-5"
            helm.sh/hook-delete-policy: "hook-succeeded, Before-Hook-Creation"
            helm.sh/hook-output-log-policy: hook-failed
        """;
    String badWeight = """
        kind: Pod
        metadata:
          name: t
          annotations:
            helm.sh/hook: test-success
            helm.sh/hook-weight: "heavy"
        """;
    String unknown = """
        kind: Job
        metadata:
          name: never
          annotations:
            helm.sh/hook: pre-install,on-a-full-moon
        """;
    SortedManifests sorted = ManifestSorter.sort(Map.of("c/templates/h.yaml",
        hook + "---\n" + badWeight + "---\n" + unknown), KindSortOrder.INSTALL);

    assertThat(sorted.manifests()).isEmpty();
    assertThat(sorted.hooks()).extracting(Hook::name).containsExactly("t", "migrate");
    Hook migrate = sorted.hooks().get(1);
    assertThat(migrate.events()).containsExactly(HookEvent.PRE_INSTALL, HookEvent.POST_UPGRADE);
    assertThat(migrate.weight()).isEqualTo(-5);
    assertThat(migrate.deletePolicies()).containsExactly("hook-succeeded", "before-hook-creation");
    assertThat(migrate.outputLogPolicies()).containsExactly("hook-failed");
    Hook test = sorted.hooks().get(0);
    assertThat(test.events()).containsExactly(HookEvent.TEST);
    assertThat(test.weight()).isZero();
  }

  @Test
  @DisplayName("a document that is not valid YAML names the template")
  void invalidYamlNamesTemplate() {
    assertThatThrownBy(() -> ManifestSorter.sort(
        Map.of("c/templates/bad.yaml", "kind: ConfigMap\nmetadata:\n  name: [x\n"),
        KindSortOrder.INSTALL))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("YAML parse error on c/templates/bad.yaml: line ");
  }

  @Test
  @DisplayName("an annotation that is not a string names the template and the field")
  void nonStringAnnotation() {
    assertThatThrownBy(() -> ManifestSorter.sort(Map.of("c/templates/x.yaml",
        "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook-weight: 5\n"),
        KindSortOrder.INSTALL))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("c/templates/x.yaml")
        .hasMessageContaining("metadata.annotations.helm.sh/hook-weight must be a string");
  }

  /** Splits text made of {@code ---\n# Source: p\n<doc>\n} blocks into path -> documents. */
  private static Map<String, String> filesFromSourceBlocks(String text) {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> blocks = List.of(text.split("(?m)^---\n# Source: "));
    for (String block : blocks) {
      if (block.isEmpty()) {
        continue;
      }
      int nl = block.indexOf('\n');
      String path = block.substring(0, nl);
      String doc = block.substring(nl + 1);
      files.merge(path, doc, (a, b) -> a + "---\n" + b);
    }
    return files;
  }
}
