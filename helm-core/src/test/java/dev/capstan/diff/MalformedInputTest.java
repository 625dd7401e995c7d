package dev.capstan.diff;

import static dev.capstan.diff.Kube.configMap;
import static dev.capstan.diff.Kube.header;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MalformedInputTest {
  private static final DiffOptions DEFAULTS = DiffOptions.defaults();

  @Test
  @DisplayName("a manifest document without a kind is an error naming its source path")
  void documentWithoutKind() {
    // Given a manifest whose second document has no kind
    String to = """
        ---
        # Source: web/templates/ok.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ok
        ---
        # Source: web/templates/broken.yaml
        apiVersion: v1
        metadata:
          name: broken
        """;

    // When compared, then the error names the side, the template and the document
    assertThatThrownBy(() -> ManifestDiff.compare("", to, DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessage("to web/templates/broken.yaml (document 2) has no kind (a resource needs an"
            + " apiVersion, a kind and a metadata.name)");
  }

  @Test
  @DisplayName("an object without a name is an error naming its place in the list")
  void objectWithoutName() {
    // Given objects where the third has no metadata.name
    Map<String, Object> nameless = new LinkedHashMap<>(header("v1", "Service", "x"));
    nameless.put("metadata", Map.of("labels", Map.of("a", "b")));
    List<Map<String, Object>> from = List.of(configMap("a", "k", "v"), configMap("b", "k", "v"),
        nameless);

    // When compared, then the error names the side and the document number
    assertThatThrownBy(() -> ManifestDiff.compare(from, List.of(), DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessageStartingWith("from document 3 has no metadata.name");
  }

  @Test
  @DisplayName("a document without an apiVersion is an error")
  void documentWithoutApiVersion() {
    Map<String, Object> o = new LinkedHashMap<>(header("v1", "Service", "x"));
    o.remove("apiVersion");

    assertThatThrownBy(() -> ManifestDiff.compare(List.of(), List.of(o), DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessageStartingWith("to document 1 has no apiVersion");
  }

  @Test
  @DisplayName("a name that is not a string is an error naming the field")
  void nameOfTheWrongType() {
    Map<String, Object> o = new LinkedHashMap<>(header("v1", "Service", "x"));
    o.put("metadata", Map.of("name", 42L));

    assertThatThrownBy(() -> ManifestDiff.compare(List.of(o), List.of(), DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessage("from document 1: metadata.name must be a string, not 42");
  }

  @Test
  @DisplayName("YAML that does not parse is an error naming the template and the line")
  void invalidYaml() {
    String from = """
        ---
        # Source: web/templates/bad.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [unclosed
        """;

    assertThatThrownBy(() -> ManifestDiff.compare(from, "", DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessageStartingWith("from manifest: ")
        .hasMessageContaining("web/templates/bad.yaml");
  }

  @Test
  @DisplayName("a document that is a list, not an object, is an error naming the template")
  void documentThatIsAList() {
    String to = "---\n# Source: web/templates/list.yaml\n- a\n- b\n";

    assertThatThrownBy(() -> ManifestDiff.compare("", to, DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessage("to manifest: YAML parse error on web/templates/list.yaml: a document must be"
            + " a map, not a list");
  }

  @Test
  @DisplayName("two objects with one identity on one side are an error naming both")
  void duplicateResource() {
    String to = """
        ---
        # Source: web/templates/a.yaml
        apiVersion: apps/v1beta1
        kind: Deployment
        metadata:
          name: web
        ---
        # Source: web/templates/b.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        """;

    assertThatThrownBy(() -> ManifestDiff.compare("", to, DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessage("to web/templates/b.yaml (document 2) and to web/templates/a.yaml (document 1)"
            + " are the same resource: , web, Deployment (apps)");
  }

  @Test
  @DisplayName("a value with no YAML form is an error naming the document and the path")
  void unsupportedValue() {
    Map<String, Object> o = new LinkedHashMap<>(configMap("c", "k", "v"));
    o.put("data", Map.of("when", new Object()));

    assertThatThrownBy(() -> ManifestDiff.compare(List.of(o), List.of(), DEFAULTS))
        .isInstanceOf(DiffException.class)
        .hasMessageStartingWith("from document 1: the value at /data/when is a java.lang.Object");
  }
}
