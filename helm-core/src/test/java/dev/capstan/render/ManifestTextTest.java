package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class ManifestTextTest {
  private static final Path RECORDS = Path.of("../../shared/fixtures/helm-records");

  @Test
  @DisplayName("a real Helm record's manifest reads back into documents that rebuild it byte for byte")
  void roundTripOfRealRecord() throws IOException {
    // Given the manifest text Helm 4 stored
    String manifest = new ObjectMapper().readTree(Files.readString(
        RECORDS.resolve("helm4/sh.helm.release.v1.web.v1.json"))).get("manifest").asString();

    // When read back into documents
    List<Manifest> docs = Manifest.fromManifestText(manifest);

    // Then each has its source path and head, and writing them again gives Helm's text
    assertThat(docs).extracting(Manifest::path, Manifest::kind, Manifest::name).containsExactly(
        tuple("mychart/templates/serviceaccount.yaml", "ServiceAccount", "web-mychart"),
        tuple("mychart/templates/service.yaml", "Service", "web-mychart"),
        tuple("mychart/templates/deployment.yaml", "Deployment", "web-mychart"));
    assertThat(new SortedManifests(List.of(), docs).manifestText()).isEqualTo(manifest);
  }

  @Test
  @DisplayName("a document without a # Source line has an empty path; empty documents are skipped")
  void documentsWithoutSource() {
    // Given a text with a plain document and a source line with nothing after it
    String text = "kind: A\nmetadata:\n  name: a\n---\n# Source: c/templates/none.yaml\n";

    // When read
    List<Manifest> docs = Manifest.fromManifestText(text);

    // Then only the plain document is there, without a path
    assertThat(docs).extracting(Manifest::path, Manifest::kind, Manifest::name)
        .containsExactly(tuple("", "A", "a"));
  }
}
