package dev.capstan.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Yaml reads YAML as Helm does: Go's yaml.v2 resolution through sigs.k8s.io/yaml. */
class YamlTest {

  @SuppressWarnings("unchecked")
  private static Object valueOf(String scalarText) {
    Map<String, Object> m = (Map<String, Object>) Yaml.load("v: " + scalarText + "\n", "t.yaml");
    return m.get("v");
  }

  static Stream<Arguments> plainScalars() {
    return Stream.of(
        // nulls
        Arguments.of("~", null),
        Arguments.of("null", null),
        Arguments.of("Null", null),
        Arguments.of("NULL", null),
        Arguments.of("", null),
        Arguments.of("nULL", "nULL"),
        // booleans: yaml.v2's resolve table
        Arguments.of("y", true),
        Arguments.of("Y", true),
        Arguments.of("yes", true),
        Arguments.of("Yes", true),
        Arguments.of("YES", true),
        Arguments.of("on", true),
        Arguments.of("On", true),
        Arguments.of("ON", true),
        Arguments.of("true", true),
        Arguments.of("True", true),
        Arguments.of("TRUE", true),
        Arguments.of("n", false),
        Arguments.of("N", false),
        Arguments.of("no", false),
        Arguments.of("No", false),
        Arguments.of("NO", false),
        Arguments.of("off", false),
        Arguments.of("Off", false),
        Arguments.of("OFF", false),
        Arguments.of("false", false),
        Arguments.of("False", false),
        Arguments.of("FALSE", false),
        Arguments.of("yEs", "yEs"),
        Arguments.of("tRUE", "tRUE"),
        // integers
        Arguments.of("0", 0L),
        Arguments.of("42", 42L),
        Arguments.of("-17", -17L),
        Arguments.of("+17", 17L),
        Arguments.of("0x1F", 31L),
        Arguments.of("-0x1F", -31L),
        Arguments.of("0b101", 5L),
        Arguments.of("-0b101", -5L),
        Arguments.of("017", 15L),
        Arguments.of("0o17", 15L),
        Arguments.of("1_000", 1000L),
        Arguments.of("0x_1F", 31L),
        Arguments.of("9223372036854775807", Long.MAX_VALUE),
        Arguments.of("-9223372036854775808", Long.MIN_VALUE),
        Arguments.of("18446744073709551615", 1.8446744073709552e19),
        // floats
        Arguments.of("1.5", 1.5),
        Arguments.of("-1.5", -1.5),
        Arguments.of("1e3", 1000.0),
        Arguments.of("1E-2", 0.01),
        Arguments.of("1.", 1.0),
        Arguments.of(".5", 0.5),
        Arguments.of("-.5", -0.5),
        Arguments.of("08", 8.0),
        Arguments.of("1_0.5", 10.5),
        Arguments.of("99999999999999999999999", 1e23),
        Arguments.of(".inf", Double.POSITIVE_INFINITY),
        Arguments.of("+.Inf", Double.POSITIVE_INFINITY),
        Arguments.of("-.INF", Double.NEGATIVE_INFINITY),
        Arguments.of(".NaN", Double.NaN),
        // strings
        Arguments.of("1.27.0", "1.27.0"),
        Arguments.of("1e400", "1e400"),
        Arguments.of("0x", "0x"),
        Arguments.of("0xZZ", "0xZZ"),
        Arguments.of("_1", "_1"),
        Arguments.of(".", "."),
        Arguments.of("Infinity", "Infinity"),
        Arguments.of("1:20", "1:20"),
        Arguments.of("2001-12-14", "2001-12-14"),
        Arguments.of("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
        Arguments.of("<<x", "<<x"),
        Arguments.of("hello world", "hello world"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("plainScalars")
  @DisplayName("plain scalars resolve to go-yaml v2's types")
  void plainScalarsResolveLikeGoYamlV2(String text, Object expected) {
    // When
    Object v = valueOf(text);
    // Then
    if (expected == null) {
      assertThat(v).isNull();
    } else {
      assertThat(v).isEqualTo(expected).hasSameClassAs(expected);
    }
  }

  static Stream<Arguments> quotedAndTagged() {
    return Stream.of(
        Arguments.of("\"1\"", "1"),
        Arguments.of("'true'", "true"),
        Arguments.of("\"~\"", "~"),
        Arguments.of("!!str 1", "1"),
        Arguments.of("!!str true", "true"),
        Arguments.of("!!int \"12\"", 12L),
        Arguments.of("!!float 1", 1.0),
        Arguments.of("!!float \"1.5\"", 1.5),
        Arguments.of("!!bool \"yes\"", true),
        Arguments.of("!!binary aGVsbG8=", "hello"),
        Arguments.of("!custom 12", "12"),
        Arguments.of("! 12", "12"),
        Arguments.of("|\n  line1\n  line2\n", "line1\nline2\n"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("quotedAndTagged")
  @DisplayName("quoted scalars are strings and explicit tags are honoured")
  void quotedScalarsAndTags(String text, Object expected) {
    assertThat(valueOf(text)).isEqualTo(expected).hasSameClassAs(expected);
  }

  static Stream<Arguments> blockScalarsAtEnd() {
    return Stream.of(
        Arguments.of("k: |\n  x", "x"),
        Arguments.of("k: >\n  x\n  y", "x y"),
        Arguments.of("k: |+\n  x", "x"),
        Arguments.of("k: |-\n  x", "x"),
        Arguments.of("k: |\n  x\n", "x\n"),
        Arguments.of("k: |\n  x\nj: 1", "x\n"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("blockScalarsAtEnd")
  @DisplayName("a block scalar that ends a text without a final line break has none (go-yaml; app-template's fromYaml)")
  void blockScalarAtEndOfText(String text, String expected) {
    // When
    Object doc = Yaml.load(text, "t.yaml");
    // Then
    assertThat(doc).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) doc).get("k")).isEqualTo(expected);
  }

  @Test
  @DisplayName("an explicit tag that does not fit the text is an error with yaml.v2's wording")
  void tagMismatchIsAnError() {
    assertThatThrownBy(() -> Yaml.load("a: !!int abc\n", "t.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessage("t.yaml:1:4: cannot decode !!str `abc` as a !!int");
  }

  @Test
  @DisplayName("non-string keys become strings as sigs.k8s.io/yaml converts them")
  @SuppressWarnings("unchecked")
  void nonStringKeysAreConverted() {
    // Given
    String yaml = "1: int\ntrue: bool\n1.5: float\n0.1: small\n1e10: big\nyes: word\n0x10: hex\n";
    // When
    Map<String, Object> m = (Map<String, Object>) Yaml.load(yaml, "t.yaml");
    // Then
    assertThat(m).containsOnlyKeys("1", "true", "1.5", "0.1", "1e+10", "16");
    assertThat(m.get("true")).isEqualTo("word");
  }

  @Test
  @DisplayName("a plain y key is the boolean true, so it becomes the key \"true\"")
  @SuppressWarnings("unchecked")
  void plainYKeyIsTrue() {
    Map<String, Object> m = (Map<String, Object>) Yaml.load("y: 1\n", "t.yaml");
    assertThat(m).containsOnlyKeys("true");
  }

  @Test
  @DisplayName("a null key is rejected, as sigs.k8s.io/yaml rejects it")
  void nullKeyIsRejected() {
    assertThatThrownBy(() -> Yaml.load("~: x\n", "t.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("unsupported map key");
  }

  @Test
  @DisplayName("a null key inside a map that a later duplicate key replaces is no error (keys convert last)")
  @SuppressWarnings("unchecked")
  void nullKeyInDiscardedMapIsFine() {
    Map<String, Object> m = (Map<String, Object>) Yaml.load("e:\n  ~: 1\ne: {}\n", "t.yaml");
    assertThat(m).isEqualTo(Map.of("e", Map.of()));
  }

  @Test
  @DisplayName("a repeated key keeps the later value (yaml.v2 non-strict Unmarshal)")
  @SuppressWarnings("unchecked")
  void duplicateKeysLaterWins() {
    Map<String, Object> m = (Map<String, Object>) Yaml.load("a: 1\nb: 2\na: 3\n", "t.yaml");
    assertThat(m).containsEntry("a", 3L).containsEntry("b", 2L).hasSize(2);
  }

  @Test
  @DisplayName("merge keys merge a map, and keys written after the merge win")
  @SuppressWarnings("unchecked")
  void mergeKeyWithExplicitOverride() {
    // Given
    String yaml = "defaults: &defaults\n  image: nginx\n  replicas: 1\n"
        + "web:\n  <<: *defaults\n  replicas: 3\n";
    // When
    Map<String, Object> m = (Map<String, Object>) Yaml.load(yaml, "t.yaml");
    // Then
    assertThat((Map<String, Object>) m.get("web"))
        .containsEntry("image", "nginx")
        .containsEntry("replicas", 3L)
        .hasSize(2);
  }

  @Test
  @DisplayName("yaml.v2 applies a merge key in document order: it overwrites keys set before it")
  @SuppressWarnings("unchecked")
  void mergeKeyAfterExplicitKeyOverwrites() {
    String yaml = "base: &b {x: 1}\nm:\n  x: 2\n  <<: *b\n";
    Map<String, Object> m = (Map<String, Object>) Yaml.load(yaml, "t.yaml");
    assertThat((Map<String, Object>) m.get("m")).containsEntry("x", 1L);
  }

  @Test
  @DisplayName("a merge key with a list of maps: earlier maps take precedence")
  @SuppressWarnings("unchecked")
  void mergeKeyWithListOfMaps() {
    // (not "y": yaml.v2 reads a plain y as the boolean true)
    String yaml = "a: &a {x: 1, w: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n";
    Map<String, Object> m = (Map<String, Object>) Yaml.load(yaml, "t.yaml");
    assertThat((Map<String, Object>) m.get("c"))
        .containsEntry("x", 1L).containsEntry("w", 1L).containsEntry("z", 2L);
  }

  @Test
  @DisplayName("a merge key with a scalar value is an error")
  void mergeKeyWithScalarFails() {
    assertThatThrownBy(() -> Yaml.load("a:\n  <<: 1\n", "t.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("map merge requires map or sequence of maps as the value");
  }

  @Test
  @DisplayName("a quoted \"<<\" is an ordinary key")
  @SuppressWarnings("unchecked")
  void quotedMergeKeyIsOrdinary() {
    Map<String, Object> m = (Map<String, Object>) Yaml.load("\"<<\": 1\n", "t.yaml");
    assertThat(m).containsEntry("<<", 1L);
  }

  @Test
  @DisplayName("ordinary anchor use, a few dozen aliases, works")
  @SuppressWarnings("unchecked")
  void manyAliasesWork() {
    // Given
    StringBuilder sb = new StringBuilder("res: &res\n  cpu: 100m\n  memory: 128Mi\n");
    for (int i = 0; i < 60; i++) {
      sb.append("c").append(i).append(":\n  resources: *res\n");
    }
    // When
    Map<String, Object> m = (Map<String, Object>) Yaml.load(sb.toString(), "t.yaml");
    // Then
    assertThat(m).hasSize(61);
    assertThat((Map<String, Object>) ((Map<String, Object>) m.get("c59")).get("resources"))
        .containsEntry("memory", "128Mi");
  }

  @Test
  @DisplayName("a billion-laughs document fails quickly with yaml.v2's excessive-aliasing error")
  void billionLaughsFails() {
    // Given
    String yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        + "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
        + "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    // When / Then
    assertThatThrownBy(() -> Yaml.load(yaml, "laughs.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("laughs.yaml")
        .hasMessageContaining("document contains excessive aliasing");
  }

  @Test
  @DisplayName("an anchor that contains an alias to itself is an error, not a stack overflow")
  void recursiveAliasFails() {
    assertThatThrownBy(() -> Yaml.load("a: &a [*a]\n", "t.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("anchor 'a' value contains itself");
  }

  @Test
  @DisplayName("an alias to an unknown anchor is an error naming the anchor")
  void unknownAnchorFails() {
    assertThatThrownBy(() -> Yaml.load("a: *nope\n", "t.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("unknown anchor 'nope' referenced");
  }

  @Test
  @DisplayName("nesting deeper than the limit fails with an error that states the limit")
  void deepNestingFails() {
    // Given
    String yaml = "[".repeat(Yaml.MAX_DEPTH + 5) + "]".repeat(Yaml.MAX_DEPTH + 5);
    // When / Then
    assertThatThrownBy(() -> Yaml.load(yaml, "deep.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("deep.yaml:1:")
        .hasMessageContaining("limit of " + Yaml.MAX_DEPTH);
  }

  @Test
  @DisplayName("nesting within the limit is read")
  void nestingWithinLimitWorks() {
    String yaml = "[".repeat(100) + "1" + "]".repeat(100);
    Object v = Yaml.load(yaml, "t.yaml");
    for (int i = 0; i < 99; i++) {
      v = ((List<?>) v).get(0);
    }
    assertThat(v).isEqualTo(List.of(1L));
  }

  @Test
  @DisplayName("a document larger than the size limit fails with an error that states the limit")
  void oversizedDocumentFails() {
    String yaml = "a: " + "x".repeat(Yaml.MAX_CODE_POINTS) + "\n";
    assertThatThrownBy(() -> Yaml.load(yaml, "big.yaml"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("big.yaml")
        .hasMessageContaining("limit of " + Yaml.MAX_CODE_POINTS);
  }

  @Test
  @DisplayName("a syntax error names the source, 1-based line and column")
  void syntaxErrorHasLineAndColumn() {
    // Given: an unterminated flow sequence on line 3
    String yaml = "a: 1\nb: 2\nc: [1, 2\n";
    // When / Then
    assertThatThrownBy(() -> Yaml.load(yaml, "bad.yaml"))
        .isInstanceOfSatisfying(YamlException.class, e -> {
          assertThat(e.source()).isEqualTo("bad.yaml");
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.column()).isEqualTo(1);
          assertThat(e.getMessage()).startsWith("bad.yaml:4:1: ");
        });
  }

  @Test
  @DisplayName("a bad indentation error points at the offending line")
  void badIndentationHasLine() {
    assertThatThrownBy(() -> Yaml.load("a:\n  b: 1\n c: 2\n", "bad.yaml"))
        .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  @DisplayName("a tab between tokens on a line is a blank, as go-yaml reads it")
  @SuppressWarnings("unchecked")
  void tabAsSeparator() {
    Map<String, Object> m =
        (Map<String, Object>) Yaml.load("a:\t1\nb: [x,\tz]\nc: \"in\tside\"\n", "t.yaml");
    assertThat(m).containsEntry("a", 1L).containsEntry("b", List.of("x", "z"))
        .containsEntry("c", "in\tside");
  }

  @Test
  @DisplayName("a tab in indentation is still an error")
  void tabInIndentation() {
    assertThatThrownBy(() -> Yaml.load("a:\n\tb: 1\n", "t.yaml")).isInstanceOf(YamlException.class);
  }

  @Test
  @DisplayName("!!binary skips line breaks but not other blanks, as Go's base64 does")
  void binaryLineBreaks() {
    assertThat(valueOf("!!binary |\n  aGVs\n  bG8=\n")).isEqualTo("hello");
    assertThatThrownBy(() -> Yaml.load("v: !!binary aGVs bG8=\n", "t.yaml"))
        .hasMessageContaining("!!binary value contains invalid base64 data");
  }

  @Test
  @DisplayName("every document is read in order; an empty document is null")
  void loadAllReadsEveryDocument() {
    List<Object> docs = Yaml.loadAll("a: 1\n---\n---\nb: 2\n", "t.yaml");
    assertThat(docs).hasSize(3);
    assertThat(docs.get(0)).isEqualTo(Map.of("a", 1L));
    assertThat(docs.get(1)).isNull();
    assertThat(docs.get(2)).isEqualTo(Map.of("b", 2L));
  }

  @Test
  @DisplayName("empty text has no documents and loads as null")
  void emptyText() {
    assertThat(Yaml.loadAll("", "t.yaml")).isEmpty();
    assertThat(Yaml.load("# only a comment\n", "t.yaml")).isNull();
  }

  @Test
  @DisplayName("maps keep their keys in document order")
  void mapsKeepOrder() {
    Object m = Yaml.load("z: 1\na: 2\nm: 3\n", "t.yaml");
    assertThat(List.copyOf(((Map<?, ?>) m).keySet())).isEqualTo(List.of("z", "a", "m"));
  }
}
