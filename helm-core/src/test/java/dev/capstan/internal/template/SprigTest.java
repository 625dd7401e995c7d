package dev.capstan.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sprig errors (texts observed from Helm 4.1.4's {@code error calling <fn>: <text>}) and the
 * documented deviations that the real-Helm table cannot express.
 */
class SprigTest {

  @Test
  @DisplayName("first/last/has on non-lists fail with Sprig's 'Cannot find ... on type' text")
  void listFunctionsRejectNonLists() {
    assertThatThrownBy(() -> Sprig.first("abc"))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("Cannot find first on type string")
        .extracting(e -> ((Sprig.FunctionException) e).function()).isEqualTo("first");
    assertThatThrownBy(() -> Sprig.last(Map.of()))
        .hasMessage("Cannot find last on type map");
    assertThatThrownBy(() -> Sprig.has(1, "abc"))
        .hasMessage("Cannot find has on type string");
  }

  @Test
  @DisplayName("first of nil fails as Go's nil dereference does")
  void firstOfNil() {
    assertThatThrownBy(() -> Sprig.first(null))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("runtime error: invalid memory address or nil pointer dereference");
  }

  @Test
  @DisplayName("indent and nindent with a negative count fail as strings.Repeat panics")
  void negativeIndent() {
    assertThatThrownBy(() -> Sprig.indent(-1, "a")).hasMessage("strings: negative Repeat count");
    assertThatThrownBy(() -> Sprig.nindent(-1, "a")).hasMessage("strings: negative Repeat count");
  }

  @Test
  @DisplayName("semverCompare fails on a bad version or constraint with Masterminds' text")
  void semverCompareErrors() {
    assertThatThrownBy(() -> Sprig.semverCompare(">1.0", "x.y"))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("invalid semantic version");
    assertThatThrownBy(() -> Sprig.semverCompare(">>1.0", "1.0.0"))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessageStartingWith("improper constraint: ")
        .hasMessageContaining(">>1.0");
  }

  @Test
  @DisplayName("fromYaml reports a syntax error under Error with Helm's prefix and the line")
  void fromYamlSyntaxError() {
    Map<String, Object> m = Sprig.fromYaml("a: [1");

    assertThat(m).containsOnlyKeys("Error");
    assertThat((String) m.get("Error"))
        .startsWith("error converting YAML to JSON: yaml: line 1: ");
  }

  @Test
  @DisplayName("trunc counts bytes; a cut through a character leaves U+FFFD")
  void truncCutsBytes() {
    assertThat(Sprig.trunc(2, "héllo")).isEqualTo("h\uFFFD");
    assertThat(Sprig.trunc(2, "héllo").getBytes(StandardCharsets.UTF_8)).hasSize(4);
  }

  @Test
  @DisplayName("keys are returned sorted across all maps (Go's order is random)")
  void keysSorted() {
    assertThat(Sprig.keys(Map.of("b", 1, "c", 2), Map.of("a", 3)))
        .containsExactly("a", "b", "c");
  }

  @Test
  @DisplayName("dict and list return new mutable collections")
  void mutableResults() {
    Map<String, Object> d = Sprig.dict("a", 1);
    d.put("b", 2);
    List<Object> l = Sprig.list(1);
    l.add(2);

    assertThat(d).containsOnlyKeys("a", "b");
    assertThat(l).containsExactly(1, 2);
  }

  @Test
  @DisplayName("has compares deeply and by type, byte arrays by content")
  void hasDeepEquality() {
    List<Object> haystack = new ArrayList<>(Arrays.asList(new byte[] {1, 2}, 1L, null));

    assertThat(Sprig.has(new byte[] {1, 2}, haystack)).isTrue();
    assertThat(Sprig.has(1, haystack)).isFalse();
    assertThat(Sprig.has(null, haystack)).isTrue();
    assertThat(Sprig.has(Double.NaN, List.of(Double.NaN))).isFalse();
  }

  @Test
  @DisplayName("toStringValue renders bytes as text; toYaml and toJson swallow errors as Helm")
  void conversions() {
    assertThat(Sprig.toStringValue("hé".getBytes(StandardCharsets.UTF_8))).isEqualTo("hé");
    assertThat(Sprig.toYaml(Double.NaN)).isEmpty();
    assertThat(Sprig.toJson(new Object())).isEmpty();
    assertThat(Sprig.toYaml(Map.of("a", List.of(1L)))).isEqualTo("a:\n- 1");
  }
}
