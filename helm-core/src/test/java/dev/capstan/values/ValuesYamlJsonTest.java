package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values read from YAML and JSON, and written back exactly as Helm writes them. */
class ValuesYamlJsonTest {
  private static final Path FIXTURES = Path.of("../../shared/fixtures");
  private static final Path HELM4 = FIXTURES.resolve("helm-records/helm4");

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** The text after the header line, as `helm get values` printed it. */
  private static String afterHeader(String text, String header) {
    int i = text.indexOf(header + "\n");
    assertThat(i).as("header %s", header).isGreaterThanOrEqualTo(0);
    String rest = text.substring(i + header.length() + 1);
    int next = rest.indexOf("USER-SUPPLIED VALUES:\n");
    return next >= 0 && !header.startsWith("USER") ? rest.substring(0, next) : rest;
  }

  /** The JSON object that follows {@code "field":} in a record, balanced over strings. */
  private static String jsonField(String json, String field) {
    int start = json.indexOf("\"" + field + "\":") + field.length() + 3;
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return json.substring(start, i + 1);
        }
      }
    }
    throw new AssertionError("no field " + field);
  }

  @Nested
  @DisplayName("against real Helm output (fixtures)")
  class Fixtures {

    private Values userValues() {
      return ValueSources.builder()
          .valuesFile(FIXTURES.resolve("helm-records/values-web.yaml"))
          .set("replicaCount=2")
          .build()
          .merge();
    }

    @Test
    @DisplayName("user values print as `helm get values` printed them")
    void userValuesToYamlMatchHelm() throws IOException {
      // Given
      String helm = afterHeader(read(HELM4.resolve("get-values-web-revision-1.txt")),
          "USER-SUPPLIED VALUES:");
      // When
      String yaml = userValues().toYaml();
      // Then
      assertThat(yaml).isEqualTo(helm.endsWith("\n") ? helm : helm + "\n");
    }

    @Test
    @DisplayName("computed values read back and print byte for byte as `helm get values --all`")
    void computedValuesRoundTrip() throws IOException {
      // Given
      String helm = afterHeader(read(HELM4.resolve("get-values-web-all.txt")), "COMPUTED VALUES:");
      // When
      String yaml = Values.fromYaml(helm, "computed").toYaml();
      // Then
      assertThat(yaml).isEqualTo(helm);
    }

    @Test
    @DisplayName("Helm 3 (helm-java, no header line) printed the same user values")
    void helm3UserValuesToYamlMatchHelm() throws IOException {
      String helm = read(FIXTURES.resolve("helm-records/helm3/get-values-web-revision-1.txt"));
      assertThat(userValues().toYaml()).isEqualTo(helm.endsWith("\n") ? helm : helm + "\n");
    }

    @Test
    @DisplayName("Helm 3's computed values read back and print byte for byte")
    void helm3ComputedValuesRoundTrip() throws IOException {
      String helm = read(FIXTURES.resolve("helm-records/helm3/get-values-web-all.txt"));
      assertThat(Values.fromYaml(helm, "computed").toYaml()).isEqualTo(helm);
    }

    @Test
    @DisplayName("Helm 3's record config field equals our JSON")
    void helm3UserValuesToJsonMatchRecord() throws IOException {
      String record = read(FIXTURES.resolve("helm-records/helm3/sh.helm.release.v1.web.v1.raw.json"));
      assertThat(userValues().toJson()).isEqualTo(jsonField(record, "config"));
    }

    @Test
    @DisplayName("user values as JSON equal the record's config field, escapes included")
    void userValuesToJsonMatchRecord() throws IOException {
      String record = read(HELM4.resolve("sh.helm.release.v1.web.v1.raw.json"));
      assertThat(userValues().toJson()).isEqualTo(jsonField(record, "config"));
    }

    @Test
    @DisplayName("the chart's values.yaml as JSON equals the record's chart values field")
    void chartValuesToJsonMatchRecord() throws IOException {
      // Given
      String record = read(HELM4.resolve("sh.helm.release.v1.web.v1.raw.json"));
      String valuesYaml = read(FIXTURES.resolve("charts/mychart/values.yaml"));
      // When
      Values chartValues = Values.fromYaml(valuesYaml, "mychart/values.yaml");
      // Then
      assertThat(chartValues.toJson()).isEqualTo(jsonField(record, "values"));
    }

    @Test
    @DisplayName("the record's config JSON reads back to the same values")
    void fromJsonReadsRecordConfig() throws IOException {
      String record = read(HELM4.resolve("sh.helm.release.v1.web.v1.raw.json"));
      Values v = Values.fromJson(jsonField(record, "config"), "config");
      assertThat(v.get("replicaCount")).contains(2.0);
      assertThat(v.toJson()).isEqualTo(jsonField(record, "config"));
    }
  }

  @Nested
  @DisplayName("fromYaml")
  class FromYaml {

    @Test
    @DisplayName("numbers become doubles, as Helm decodes them as float64")
    void numbersAreDoubles() {
      Values v = Values.fromYaml("a: 1\nb: 0x10\nc: [1, 2.5]\n", "v.yaml");
      assertThat(v.asMap()).isEqualTo(Map.of("a", 1.0, "b", 16.0, "c", List.of(1.0, 2.5)));
    }

    @Test
    @DisplayName("an empty document is the empty tree")
    void emptyDocument() {
      assertThat(Values.fromYaml("", "v.yaml").isEmpty()).isTrue();
      assertThat(Values.fromYaml("---\n# nothing\n", "v.yaml").isEmpty()).isTrue();
    }

    @Test
    @DisplayName("[H4] several documents are merged in order, later wins, maps deep-merged")
    void multipleDocumentsMerge() {
      // Given
      String yaml = "a: {x: 1, w: 1}\nl: [1, 2]\n---\na: {w: 2}\nl: [3]\n---\nb: true\n";
      // When
      Values v = Values.fromYaml(yaml, "v.yaml");
      // Then
      assertThat(v.asMap()).isEqualTo(Map.of(
          "a", Map.of("x", 1.0, "w", 2.0), "l", List.of(3.0), "b", true));
    }

    @Test
    @DisplayName("a top level that is not a map is an error naming the source")
    void topLevelListFails() {
      assertThatThrownBy(() -> Values.fromYaml("- a\n- b\n", "prod.yaml"))
          .isInstanceOf(ValuesException.class)
          .hasMessageContaining("prod.yaml")
          .hasMessageContaining("a list");
    }

    @Test
    @DisplayName("a YAML syntax error names the source, line and column")
    void syntaxError() {
      assertThatThrownBy(() -> Values.fromYaml("a: 1\nb: [\n", "prod.yaml"))
          .isInstanceOf(ValuesException.class)
          .hasMessageStartingWith("failed to parse prod.yaml:3:1: ");
    }

    @Test
    @DisplayName("an infinite number is an error: Helm cannot convert it to JSON")
    void infinityFails() {
      assertThatThrownBy(() -> Values.fromYaml("a:\n  b: .inf\n", "v.yaml"))
          .isInstanceOf(ValuesException.class)
          .hasMessageContaining("\"a.b\"")
          .hasMessageContaining("+Inf");
    }
  }

  @Nested
  @DisplayName("fromJson")
  class FromJson {

    @Test
    @DisplayName("numbers become doubles and a repeated key keeps the later value")
    void numbersAreDoubles() {
      Values v = Values.fromJson("{\"a\": 1, \"b\": [1, 2.5e3], \"a\": 7}", "v.json");
      assertThat(v.asMap()).isEqualTo(Map.of("a", 7.0, "b", List.of(1.0, 2500.0)));
    }

    @Test
    @DisplayName("null is the empty tree")
    void nullIsEmpty() {
      assertThat(Values.fromJson("null", "v.json").isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a syntax error names the source and line")
    void syntaxError() {
      assertThatThrownBy(() -> Values.fromJson("{\n\"a\": }", "v.json"))
          .isInstanceOf(ValuesException.class)
          .hasMessageStartingWith("failed to parse v.json:2:");
    }

    @Test
    @DisplayName("a top level that is not an object is an error")
    void arrayFails() {
      assertThatThrownBy(() -> Values.fromJson("[1]", "v.json"))
          .isInstanceOf(ValuesException.class)
          .hasMessageContaining("v.json")
          .hasMessageContaining("a list");
    }
  }

  @Nested
  @DisplayName("toYaml")
  class ToYaml {

    static Stream<Arguments> scalars() {
      return Stream.of(
          Arguments.of("plain", "k: plain\n"),
          Arguments.of("true", "k: \"true\"\n"),
          Arguments.of("yes", "k: \"yes\"\n"),
          Arguments.of("y", "k: \"y\"\n"),
          Arguments.of("null", "k: \"null\"\n"),
          Arguments.of("~", "k: \"~\"\n"),
          Arguments.of("1", "k: \"1\"\n"),
          Arguments.of("007", "k: \"007\"\n"),
          Arguments.of("1e3", "k: \"1e3\"\n"),
          Arguments.of("1.27.0", "k: 1.27.0\n"),
          Arguments.of("1:20", "k: \"1:20\"\n"),
          Arguments.of("2001-12-14", "k: \"2001-12-14\"\n"),
          Arguments.of("", "k: \"\"\n"),
          Arguments.of("a: b", "k: 'a: b'\n"),
          Arguments.of("key:", "k: 'key:'\n"),
          Arguments.of("http://x", "k: http://x\n"),
          Arguments.of("a,b", "k: a,b\n"),
          Arguments.of("a #b", "k: 'a #b'\n"),
          Arguments.of("a#b", "k: a#b\n"),
          Arguments.of("#c", "k: '#c'\n"),
          Arguments.of("- x", "k: '- x'\n"),
          Arguments.of("-x", "k: -x\n"),
          Arguments.of("*", "k: '*'\n"),
          Arguments.of("{a}", "k: '{a}'\n"),
          Arguments.of("it's", "k: it's\n"),
          Arguments.of("'q'", "k: '''q'''\n"),
          Arguments.of(" lead", "k: ' lead'\n"),
          Arguments.of("trail ", "k: 'trail '\n"),
          Arguments.of("tab\there", "k: \"tab\\there\"\n"),
          Arguments.of("ünïcödé €", "k: ünïcödé €\n"),
          Arguments.of("😀", "k: \"\\U0001F600\"\n"),
          Arguments.of("multi\nline", "k: |-\n  multi\n  line\n"),
          Arguments.of("multi\nline\n", "k: |\n  multi\n  line\n"),
          Arguments.of("multi\n\n", "k: |+\n  multi\n\n"),
          Arguments.of("\nlead", "k: |2-\n\n  lead\n"),
          Arguments.of("x\n indented", "k: |-\n  x\n   indented\n"),
          Arguments.of("space \nbreak", "k: \"space \\nbreak\"\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("scalars")
    @DisplayName("strings are quoted only when needed, as go-yaml v2 quotes them")
    void trickyStrings(String value, String expected) {
      assertThat(Values.of(Map.of("k", value)).toYaml()).isEqualTo(expected);
    }

    static Stream<Arguments> numbers() {
      return Stream.of(
          Arguments.of(1.0, "1"),
          Arguments.of(1.5, "1.5"),
          Arguments.of(-0.0, "0"),
          Arguments.of(1e6, "1000000"),
          Arguments.of(1e20, "1e+20"),
          Arguments.of(1e21, "1e+21"),
          Arguments.of(123456789.5, "1.234567895e+08"),
          Arguments.of(0.00001, "1e-05"),
          Arguments.of(1e-7, "1e-07"),
          Arguments.of(9.223372036854775808e18, "9223372036854776000"),
          Arguments.of(3L, "3"),
          Arguments.of(-42L, "-42"),
          Arguments.of(true, "true"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    @DisplayName("numbers print as Go prints them after the JSON round trip")
    void numbers(Object value, String expected) {
      assertThat(Values.of(Map.of("k", value)).toYaml()).isEqualTo("k: " + expected + "\n");
    }

    @Test
    @DisplayName("null, empty maps and empty lists")
    void emptyThings() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nil", null);
      m.put("m", Map.of());
      m.put("l", List.of());
      m.put("n", "a plain n key is the boolean false in YAML 1.1, so it is quoted");
      assertThat(Values.of(m).toYaml()).isEqualTo("l: []\nm: {}\n\"n\": a plain n key is the"
          + " boolean false in YAML 1.1, so it is quoted\nnil: null\n");
      assertThat(Values.empty().toYaml()).isEqualTo("{}\n");
    }

    @Test
    @DisplayName("keys sort in yaml.v2's order: digit runs compare as numbers")
    void keyOrder() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String k : List.of("b", "a10", "a9", "B", "1", "_x")) {
        m.put(k, 1L);
      }
      assertThat(Values.of(m).toYaml()).isEqualTo("_x: 1\n\"1\": 1\nB: 1\na9: 1\na10: 1\nb: 1\n");
    }

    @Test
    @DisplayName("lists sit at their key's indentation; nested lists and maps in lists")
    void nesting() {
      // Given
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("list", List.of(List.of(1L, 2L), List.of(3L)));
      m.put("maps", List.of(Map.of("a", 1L, "b", List.of("x")), Map.of()));
      m.put("deep", Map.of("inner", Map.of("leaf", "v")));
      // When / Then
      assertThat(Values.of(m).toYaml()).isEqualTo(
          "deep:\n  inner:\n    leaf: v\n"
              + "list:\n- - 1\n  - 2\n- - 3\n"
              + "maps:\n- a: 1\n  b:\n  - x\n- {}\n");
    }

    @Test
    @DisplayName("a literal block nested under a key is indented under it")
    void nestedLiteral() {
      Values v = Values.of(Map.of("a", Map.of("script", "echo 1\necho 2\n")));
      assertThat(v.toYaml()).isEqualTo("a:\n  script: |\n    echo 1\n    echo 2\n");
    }

    @Test
    @DisplayName("long plain strings fold at column 80, as yaml.v2 writes them")
    void longStringsFold() {
      // Given
      String words = String.join(" ", java.util.Collections.nCopies(20, "word"));
      // When
      String yaml = Values.of(Map.of("k", words)).toYaml();
      // Then
      String first = String.join(" ", java.util.Collections.nCopies(16, "word"));
      String rest = String.join(" ", java.util.Collections.nCopies(4, "word"));
      assertThat(yaml).isEqualTo("k: " + first + "\n  " + rest + "\n");
      assertThat(Values.fromYaml(yaml, "back").get("k")).contains(words);
    }

    @Test
    @DisplayName("what toYaml writes reads back to the same values")
    void roundTrip() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("s", List.of("true", "", "a: b", "x\ny", "😀", " lead", "'q'", "007"));
      m.put("n", List.of(1.5, 2.0, 1e21));
      Values v = Values.of(m);
      assertThat(Values.fromYaml(v.toYaml(), "back")).isEqualTo(v);
    }

    @Test
    @DisplayName("NaN cannot be written")
    void nanFails() {
      assertThatThrownBy(() -> Values.of(Map.of("k", Double.NaN)).toYaml())
          .isInstanceOf(ValuesException.class)
          .hasMessageContaining("json: unsupported value: NaN");
    }
  }

  @Nested
  @DisplayName("toJson")
  class ToJson {

    @Test
    @DisplayName("compact, keys sorted, HTML characters escaped, UTF-8 kept, Go numbers")
    void goJson() {
      // Given
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("z", "<b> & €");
      m.put("a", new ArrayList<>(List.of(1.0, 1e21, 0.000001, 1e-7, 5L)));
      m.put("m", Map.of("k", true));
      // When / Then
      assertThat(Values.of(m).toJson())
          .isEqualTo("{\"a\":[1,1e+21,0.000001,1e-7,5],\"m\":{\"k\":true},"
              + "\"z\":\"\\u003cb\\u003e \\u0026 €\"}");
    }

    @Test
    @DisplayName("the empty tree is {}")
    void empty() {
      assertThat(Values.empty().toJson()).isEqualTo("{}");
    }
  }
}
