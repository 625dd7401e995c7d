package dev.capstan.render.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.values.Values;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus test's own parts, tested without a template engine. */
class CorpusMachineryTest {
  private static final String HELM_OUT = """
      ---
      # Source: web/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: demo-web
      spec:
        ports: [{port: 80}]
      ---
      # Source: web/templates/secret.yaml
      apiVersion: v1
      kind: Secret
      data:
        password: "c2VjcmV0"
        user: "YWRtaW4="
      """;

  @Test
  void parsesEveryFlagTheCorpusUses() {
    HelmTemplateArgs a = HelmTemplateArgs.parse(List.of("demo", "charts/x", "--namespace", "demo",
        "--kube-version", "1.31.0", "-f", "a.yaml", "--set", "a=1", "--set-string", "b=2",
        "--set-json", "c={}", "--set-file", "d=f.txt", "--api-versions", "monitoring.coreos.com/v1",
        "--include-crds", "--skip-tests", "--skip-schema-validation", "--show-only",
        "templates/a.yaml"));
    assertThat(a.release()).isEqualTo("demo");
    assertThat(a.chart()).isEqualTo("charts/x");
    assertThat(a.namespace()).isEqualTo("demo");
    assertThat(a.capabilities().kubeVersion()).isEqualTo("v1.31.0");
    assertThat(a.capabilities().hasApiVersion("monitoring.coreos.com/v1")).isTrue();
    assertThat(a.includeCrds()).isTrue();
    assertThat(a.skipTests()).isTrue();
    assertThat(a.skipSchemaValidation()).isTrue();
    assertThat(a.showOnly()).containsExactly("templates/a.yaml");
    assertThat(a.values()).extracting(v -> v[0])
        .containsExactly("-f", "--set", "--set-string", "--set-json", "--set-file");
  }

  @Test
  void refusesAFlagItDoesNotKnow() {
    assertThatThrownBy(() -> HelmTemplateArgs.parse(List.of("demo", "c", "--dry-run")))
        .hasMessageContaining("--dry-run");
  }

  @Test
  void everyCorpusVariantParsesAndItsValuesMerge() throws Exception {
    Corpus corpus = new Corpus(Corpus.locateShared());
    List<Corpus.Variant> variants = corpus.variants();
    assertThat(variants).hasSizeGreaterThanOrEqualTo(197);
    List<String> problems = new ArrayList<>();
    for (Corpus.Variant v : variants) {
      try {
        HelmTemplateArgs a = HelmTemplateArgs.parse(v.args());
        Values values = a.valueSources(corpus.shared()).merge();
        assertThat(values).isNotNull();
        if (v.expected() != null) {
          assertThat(v.expected()).isRegularFile();
        }
      } catch (RuntimeException e) {
        problems.add(v.id() + ": " + e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theBareVariantsCarryHelmsError() throws Exception {
    Corpus corpus = new Corpus(Corpus.locateShared());
    assertThat(corpus.variants()).filteredOn(v -> v.id().equals("jupyterhub/bare")).singleElement()
        .satisfies(v -> assertThat(v.expectedError()).startsWith("chart requires kubeVersion"));
  }

  @Test
  void anOutputEqualsItself() throws Exception {
    Corpus corpus = new Corpus(Corpus.locateShared());
    for (Corpus.Variant v : corpus.variants()) {
      if (v.expected() == null) {
        continue;
      }
      String text = Files.readString(v.expected(), StandardCharsets.UTF_8);
      DocumentComparison.Result r = DocumentComparison.compare(text, text, List.of());
      assertThat(r.firstDifference()).as(v.id()).isNull();
      assertThat(r.textDiffers()).as(v.id()).isEmpty();
    }
  }

  @Test
  void splitsAtSeparatorsAndNamesDocumentsBySource() {
    assertThat(DocumentComparison.split(HELM_OUT)).extracting(DocumentComparison.Document::source)
        .containsExactly("web/templates/service.yaml", "web/templates/secret.yaml");
  }

  @Test
  void reportsThePathOfTheFirstDifference() {
    String actual = HELM_OUT.replace("port: 80", "port: 8080");
    assertThat(DocumentComparison.compare(HELM_OUT, actual, List.of()).firstDifference())
        .isEqualTo("document 1 (web/templates/service.yaml): spec.ports[0].port: expected 80,"
            + " actual 8080");
  }

  @Test
  void aQuotedNumberIsNotTheNumber() {
    String actual = HELM_OUT.replace("port: 80", "port: \"80\"");
    assertThat(DocumentComparison.compare(HELM_OUT, actual, List.of()).firstDifference())
        .contains("spec.ports[0].port: expected 80, actual \"80\"");
  }

  @Test
  void reportsMissingKeysExtraKeysAndMissingDocuments() {
    String noUser = HELM_OUT.replace("  user: \"YWRtaW4=\"\n", "");
    assertThat(DocumentComparison.compare(HELM_OUT, noUser, List.of()).firstDifference())
        .isEqualTo("document 2 (web/templates/secret.yaml): data.user: missing in Capstan's output"
            + " (expected \"YWRtaW4=\")");
    assertThat(DocumentComparison.compare(noUser, HELM_OUT, List.of()).firstDifference())
        .contains("data.user: not in Helm's output");
    String oneDoc = HELM_OUT.substring(0, HELM_OUT.indexOf("---", 4));
    assertThat(DocumentComparison.compare(HELM_OUT, oneDoc, List.of()).firstDifference())
        .startsWith("document 2 (web/templates/secret.yaml) missing");
    assertThat(DocumentComparison.compare(oneDoc, HELM_OUT, List.of()).firstDifference())
        .startsWith("extra document 2");
  }

  @Test
  void aDocumentFromAnotherTemplateIsADifference() {
    String swapped = HELM_OUT.replace("web/templates/service.yaml", "web/templates/svc.yaml");
    assertThat(DocumentComparison.compare(HELM_OUT, swapped, List.of()).firstDifference())
        .contains("is from web/templates/svc.yaml");
  }

  @Test
  void textDifferencesOfEqualYamlAreNotedNotFailed() {
    String reformatted = HELM_OUT.replace("ports: [{port: 80}]", "ports:\n  - port: 80");
    DocumentComparison.Result r = DocumentComparison.compare(HELM_OUT, reformatted, List.of());
    assertThat(r.equal()).isTrue();
    assertThat(r.textDiffers()).singleElement().asString()
        .startsWith("document 1 (web/templates/service.yaml): line 7");
  }

  @Test
  void masksHideOnlyTheirKeyInTheirTemplates() {
    Masks masks = Masks.parse("""
        # random
        web * password web/templates/secret.yaml
        # elsewhere only
        web default name web/templates/other.yaml
        """, "test");
    String other = HELM_OUT.replace("c2VjcmV0", "b3RoZXI=");
    assertThat(DocumentComparison.compare(HELM_OUT, other, masks.forVariant("web", "ci-x")).equal())
        .isTrue();
    assertThat(DocumentComparison.compare(HELM_OUT, other, masks.forVariant("api", "ci-x")).equal())
        .isFalse();
    String renamed = HELM_OUT.replace("demo-web", "demo-xyz");
    assertThat(DocumentComparison.compare(HELM_OUT, renamed, masks.forVariant("web", "default"))
        .firstDifference()).contains("metadata.name");
    String noPassword = HELM_OUT.replace("  password: \"c2VjcmV0\"\n", "");
    assertThat(DocumentComparison.compare(HELM_OUT, noPassword, masks.forVariant("web", "x"))
        .firstDifference()).contains("data.password: missing");
  }

  @Test
  void aMaskWithoutAReasonIsRefused() {
    assertThatThrownBy(() -> Masks.parse("web * password\n", "masks.txt"))
        .hasMessageContaining("masks.txt:1").hasMessageContaining("comment");
    assertThatThrownBy(() -> Masks.parse("# why\nweb *\n", "masks.txt"))
        .hasMessageContaining("masks.txt:2");
  }

  @Test
  void everyMaskNamesACorpusChartAndANonDeterministicVariant() throws Exception {
    Corpus corpus = new Corpus(Corpus.locateShared());
    Masks masks = Masks.load("/corpus-masks.txt");
    for (Corpus.Variant v : corpus.variants()) {
      if (v.deterministic()) {
        assertThat(masks.forVariant(v.chart(), v.variant())).as(v.id()).isEmpty();
      } else {
        assertThat(masks.forVariant(v.chart(), v.variant())).as(v.id()).isNotEmpty();
      }
    }
  }
}
