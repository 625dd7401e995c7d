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

  @Test
  @DisplayName("div and mod by zero fail as Go's integer division panics")
  void divideByZero() {
    assertThatThrownBy(() -> Sprig.div(1, 0)).hasMessage("runtime error: integer divide by zero");
    assertThatThrownBy(() -> Sprig.mod(1, "0"))
        .hasMessage("runtime error: integer divide by zero");
  }

  @Test
  @DisplayName("substr out of range fails with Go's slice-bounds panic text")
  void substrBounds() {
    assertThatThrownBy(() -> Sprig.substr(5, 6, "abc"))
        .hasMessage("runtime error: slice bounds out of range [5:3]");
    assertThatThrownBy(() -> Sprig.substr(2, 1, "abc"))
        .hasMessage("runtime error: slice bounds out of range [2:1]");
    assertThatThrownBy(() -> Sprig.substr(-1, 5, "abc"))
        .hasMessage("runtime error: slice bounds out of range [:5] with length 3");
  }

  @Test
  @DisplayName("list functions name the function and the wrong type as Sprig does")
  void listFunctionErrors() {
    assertThatThrownBy(() -> Sprig.append(null, 1))
        .hasMessage("runtime error: invalid memory address or nil pointer dereference");
    assertThatThrownBy(() -> Sprig.append("x", 1)).hasMessage("Cannot push on type string");
    assertThatThrownBy(() -> Sprig.prepend(Map.of(), 1)).hasMessage("Cannot prepend on type map");
    assertThatThrownBy(() -> Sprig.concat(List.of(1), "x"))
        .hasMessage("Cannot concat type string as list");
    assertThatThrownBy(() -> Sprig.uniq(1)).hasMessage("Cannot find uniq on type int");
    assertThatThrownBy(() -> Sprig.compact("s")).hasMessage("Cannot compact on type string");
    assertThatThrownBy(() -> Sprig.deepCopy(null))
        .hasMessage("reflect: call of reflect.Value.Type on zero Value");
    assertThatThrownBy(() -> Sprig.repeat(-1, "x")).hasMessage("strings: negative Repeat count");
  }

  @Test
  @DisplayName("an invalid regex fails with Go's Compile prefix; regexMatch only returns false")
  void regexCompileErrors() {
    assertThatThrownBy(() -> Sprig.regexFindAll("(", "x", -1))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("regexp: Compile(`(`): error parsing regexp: missing closing ): `(`");
    assertThatThrownBy(() -> Sprig.regexFind("a)", "x"))
        .hasMessage("regexp: Compile(`a)`): error parsing regexp: unexpected ): `a)`");
    assertThatThrownBy(() -> Sprig.regexSplit("*a", "x", -1)).hasMessage(
        "regexp: Compile(`*a`): error parsing regexp: missing argument to repetition operator: `*`");
    assertThatThrownBy(() -> Sprig.regexFind("a**", "x")).hasMessage(
        "regexp: Compile(`a**`): error parsing regexp: invalid nested repetition operator: `**`");
    assertThatThrownBy(() -> Sprig.regexFind("a++", "x")).hasMessage(
        "regexp: Compile(`a++`): error parsing regexp: invalid nested repetition operator: `++`");
    assertThatThrownBy(() -> Sprig.regexFind("[a", "x"))
        .hasMessage("regexp: Compile(`[a`): error parsing regexp: missing closing ]: `[a`");
    assertThatThrownBy(() -> Sprig.regexFind("\\q", "x"))
        .hasMessage("regexp: Compile(`\\q`): error parsing regexp: invalid escape sequence: `\\q`");
    assertThatThrownBy(() -> Sprig.regexFind("(?=a)", "x")).hasMessage("regexp: Compile(`(?=a)`):"
        + " error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
    assertThatThrownBy(() -> Sprig.regexFind("(?<=a)b", "x")).hasMessage(
        "regexp: Compile(`(?<=a)b`): error parsing regexp: invalid named capture: `(?<=a)b`");
    assertThatThrownBy(() -> Sprig.regexFind("(a)\\1", "x")).hasMessage(
        "regexp: Compile(`(a)\\1`): error parsing regexp: invalid escape sequence: `\\1`");
    assertThatThrownBy(() -> Sprig.regexFind("a{3,2}", "x")).hasMessage(
        "regexp: Compile(`a{3,2}`): error parsing regexp: invalid repeat count: `{3,2}`");
    assertThatThrownBy(() -> Sprig.mustRegexMatch("(", "x"))
        .hasMessage("error parsing regexp: missing closing ): `(`");
    assertThat(Sprig.regexMatch("(", "x")).isFalse();
  }

  @Test
  @DisplayName("set and merge change the given map in place; an unmodifiable map is an error")
  void inPlaceMutation() {
    Map<String, Object> d = Sprig.dict("a", Sprig.dict("x", 1));
    Sprig.merge(d, Map.of("a", Map.of("y", 2), "b", 3));
    Sprig.set(d, "c", 4);

    assertThat(d).isEqualTo(Map.of("a", Map.of("x", 1, "y", 2), "b", 3, "c", 4));
    assertThatThrownBy(() -> Sprig.set(Map.of(), "a", 1))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessageContaining("unmodifiable");
  }

  @Test
  @DisplayName("Go regex syntax is translated: named groups, POSIX classes, $ as end of text")
  void regexTranslation() {
    assertThat(Sprig.regexReplaceAll("(?P<word>[[:alpha:]]+)", "ab 12", "<${word}>"))
        .isEqualTo("<ab> 12");
    assertThat(Sprig.regexMatch("a$", "a\n")).isFalse();
    assertThat(Sprig.regexMatch("(?m)a$", "a\nb")).isTrue();
    assertThat(Sprig.regexMatch("^.$", "\r")).isTrue();
  }

  @Test
  @DisplayName("int beyond 32 bits is a Long (Go's int is 64 bits; Capstan's int is Integer)")
  void wideInt() {
    assertThat(Sprig.toInt("9999999999")).isEqualTo(9_999_999_999L);
    assertThat(Sprig.toInt("12")).isEqualTo(12);
  }

  @Test
  @DisplayName("required and fail report the template's own message")
  void requiredAndFail() {
    assertThat(Sprig.required("need it", 0)).isEqualTo(0);
    assertThatThrownBy(() -> Sprig.required("need it", "")).hasMessage("need it");
    assertThatThrownBy(() -> Sprig.required("need it", null)).hasMessage("need it");
    assertThatThrownBy(() -> Sprig.fail("boom"))
        .isInstanceOf(Sprig.FunctionException.class).hasMessage("boom");
  }

  @Test
  @DisplayName("dig, slice and chunk fail with Sprig's and Go's texts")
  void furtherErrors() {
    assertThatThrownBy(() -> Sprig.dig("a", Map.of()))
        .hasMessage("dig needs at least three arguments");
    assertThatThrownBy(() -> Sprig.dig("a", "x", "d", Map.of("a", "s")))
        .hasMessage("interface conversion: interface {} is string, not map[string]interface {}");
    assertThatThrownBy(() -> Sprig.slice(List.of(1, 2, 3), 5))
        .hasMessage("reflect.Value.Slice: slice index out of bounds");
    assertThatThrownBy(() -> Sprig.slice("abc", 1))
        .hasMessage("list should be type of slice or array but string");
    assertThatThrownBy(() -> Sprig.chunk(0, List.of(1, 2)))
        .hasMessage("runtime error: makeslice: len out of range");
    assertThatThrownBy(() -> Sprig.toRawJson(Double.NaN))
        .hasMessage("json: unsupported value: NaN");
  }

  @Test
  @DisplayName("must* JSON and YAML functions fail where the plain ones return \"\" or an Error key")
  void mustVariants() {
    assertThatThrownBy(() -> Sprig.mustToYaml(Double.NaN))
        .hasMessage("error marshaling into JSON: json: unsupported value: NaN");
    assertThatThrownBy(() -> Sprig.mustToJson(Double.NaN))
        .hasMessage("json: unsupported value: NaN");
    assertThatThrownBy(() -> Sprig.mustFromJson("{")).hasMessage("unexpected end of JSON input");
    assertThatThrownBy(() -> Sprig.mustFromJson("[1]"))
        .hasMessage("json: cannot unmarshal array into Go value of type map[string]interface {}");
    assertThat(Sprig.mustFromJson("{\"a\":1}")).containsEntry("a", 1.0);
    assertThat(Sprig.mustToYaml(Map.of("a", 1L))).isEqualTo("a: 1");
  }
}
