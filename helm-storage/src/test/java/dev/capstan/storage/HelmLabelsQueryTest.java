package dev.capstan.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kubernetes' label-value rule, which Helm's Secret and ConfigMap drivers apply to a query. */
class HelmLabelsQueryTest {

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "a", "9", "web", "My_Value.1-x", "deployed", "1700000000",
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"})
  @DisplayName("empty values and alphanumerics with - _ . inside, up to 63 characters, are valid")
  void valid(String value) {
    assertThat(HelmLabels.labelValueProblems(value)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"-web", "web-", "_a", "a.", "a b", "a/b", "é", "a:b", " "})
  @DisplayName("a value that does not start and end with an alphanumeric, or holds another"
      + " character, is invalid")
  void invalidCharacters(String value) {
    assertThat(HelmLabels.labelValueProblems(value)).singleElement().asString()
        .contains("must start and end with an alphanumeric character");
  }

  @Test
  @DisplayName("a value over 63 characters is invalid, and both problems are reported together")
  void tooLong() {
    assertThat(HelmLabels.labelValueProblems("a".repeat(64)))
        .containsExactly("must be no more than 63 characters (has 64)");
    assertThat(HelmLabels.labelValueProblems("-" + "a".repeat(64))).hasSize(2);
  }

  @Test
  @DisplayName("checkQueryValues names the first bad label and its value; keys are not checked")
  void checkQueryValues() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("not a key!", "fine");
    labels.put("name", "bad value");
    assertThatThrownBy(() -> HelmLabels.checkQueryValues(labels))
        .isInstanceOf(InvalidLabelValueException.class)
        .hasMessageStartingWith("invalid label value: \"bad value\" (label name): ");
    labels.remove("name");
    assertThatCode(() -> HelmLabels.checkQueryValues(labels)).doesNotThrowAnyException();
  }
}
