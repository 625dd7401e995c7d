package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  private static Map<String, Object> object(Map<String, Object> labels, Map<String, Object> annotations) {
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", "web");
    md.put("namespace", "prod");
    if (labels != null) {
      md.put("labels", labels);
    }
    if (annotations != null) {
      md.put("annotations", annotations);
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", "v1");
    o.put("kind", "Service");
    o.put("metadata", md);
    return o;
  }

  @Test
  @DisplayName("an object without ownership metadata gets all three of Helm's validation errors")
  void missingEverything() {
    assertThat(Ownership.problem(object(Map.of("app", "web"), null), "web", "prod")).hasValue(
        "invalid ownership metadata; label validation error: missing key "
            + "\"app.kubernetes.io/managed-by\": must be set to \"Helm\"; annotation validation error: "
            + "missing key \"meta.helm.sh/release-name\": must be set to \"web\"; annotation validation"
            + " error: missing key \"meta.helm.sh/release-namespace\": must be set to \"prod\"");
  }

  @Test
  @DisplayName("an object of another release is reported with the current values")
  void otherRelease() {
    Map<String, Object> live = object(Map.of("app.kubernetes.io/managed-by", "Helm"),
        Map.of("meta.helm.sh/release-name", "other", "meta.helm.sh/release-namespace", "prod"));

    assertThat(Ownership.problem(live, "web", "prod")).hasValue("invalid ownership metadata; "
        + "annotation validation error: key \"meta.helm.sh/release-name\" must equal \"web\": "
        + "current value is \"other\"");
  }

  @Test
  @DisplayName("an object marked for this release may be adopted; the marks are set over existing ones")
  void owned() {
    Map<String, Object> marked = Ownership.withOwnership(
        object(Map.of("app", "web", "app.kubernetes.io/managed-by", "Tiller"), Map.of("x", "y")),
        "web", "prod");

    assertThat(Ownership.problem(marked, "web", "prod")).isEmpty();
    assertThat(Ownership.problem(marked, "web", "staging")).isPresent();
    @SuppressWarnings("unchecked")
    Map<String, Object> md = (Map<String, Object>) marked.get("metadata");
    assertThat(md.get("labels")).isEqualTo(Map.of("app", "web", "app.kubernetes.io/managed-by", "Helm"));
    assertThat(md.get("annotations")).isEqualTo(Map.of("x", "y", "meta.helm.sh/release-name", "web",
        "meta.helm.sh/release-namespace", "prod"));
  }

  @Test
  @DisplayName("the conflict message names kind, name and namespace as Helm does")
  void conflictMessage() {
    assertThat(Ownership.conflictMessage(new ResourceRef("v1", "Service", "prod", "web"),
        "invalid ownership metadata; x")).isEqualTo("Service \"web\" in namespace \"prod\" exists and"
        + " cannot be imported into the current release: invalid ownership metadata; x");
  }
}
