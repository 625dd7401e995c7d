package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ValueSources merges CLI value sources by flag type, as Helm's MergeValues does (§4.3). */
class ValueSourcesTest {

  @TempDir
  Path dir;

  private static Arguments row(String name, UnaryOperator<ValueSources.Builder> sources,
      Object expectedX) {
    return Arguments.of(name, sources, expectedX);
  }

  static Stream<Arguments> precedence() {
    return Stream.of(
        row("a file sets x", b -> b.valuesYaml("f", "x: file\n"), "file"),
        row("a later file wins over an earlier one",
            b -> b.valuesYaml("f1", "x: one\n").valuesYaml("f2", "x: two\n"), "two"),
        row("--set-json beats a file", b -> b.setJson("x=\"json\"").valuesYaml("f", "x: file\n"),
            "json"),
        row("--set beats --set-json, whatever the call order",
            b -> b.set("x=set").setJson("x=\"json\""), "set"),
        row("--set-string beats --set, whatever the call order",
            b -> b.setString("x=007").set("x=7"), "007"),
        row("--set-file beats --set-string", b -> b.setFile("x=FILE").setString("x=string"),
            "FILEPATH"),
        row("--set-literal beats every other flag",
            b -> b.setLiteral("x=a,b").setFile("x=FILE").setString("x=s").set("x=1")
                .setJson("x=2").valuesYaml("f", "x: 3\n"),
            "a,b"),
        row("within --set, the later expression wins", b -> b.set("x=first").set("x=second"),
            "second"),
        row("--set typing gives a long", b -> b.set("x=7"), 7L),
        row("--set-json numbers are doubles", b -> b.setJson("x=7"), 7.0),
        row("--set x=null gives null (coalescing then deletes the default)",
            b -> b.valuesYaml("f", "x: 1\n").set("x=null"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precedence")
  @DisplayName("§4.3 sources merge by flag type: files, json, set, string, file, literal")
  void precedence(String name, UnaryOperator<ValueSources.Builder> sources, Object expectedX)
      throws IOException {
    // Given
    Files.writeString(dir.resolve("FILE"), "FILEPATH");
    ValueSources vs = sources.apply(ValueSources.builder().baseDirectory(dir)).build();
    // When
    Values v = vs.merge();
    // Then
    assertThat(v.containsKey("x")).isTrue();
    assertThat(v.asMap().get("x")).isEqualTo(expectedX);
  }

  @Test
  @DisplayName("§4.3 --set a.b=1 merges into the map a file gave, keeping its other keys")
  void setMergesIntoFileMap() throws IOException {
    // Given
    Path file = dir.resolve("prod.yaml");
    Files.writeString(file, "image:\n  repository: nginx\n  tag: \"1.0\"\nlist: [1, 2]\n");
    // When
    Values v = ValueSources.builder()
        .valuesFile(file)
        .set("image.tag=1.27,list[2]=3")
        .build()
        .merge();
    // Then
    assertThat(v.asMap()).isEqualTo(Map.of(
        "image", Map.of("repository", "nginx", "tag", "1.27"),
        "list", List.of(1.0, 2.0, 3L)));
  }

  @Test
  @DisplayName("values files deep-merge; lists are replaced, not merged")
  void filesDeepMerge() {
    Values v = ValueSources.builder()
        .valuesYaml("a.yaml", "m: {a: 1, b: 1}\nl: [1, 2]\n")
        .valuesYaml("b.yaml", "m: {b: 2}\nl: [3]\n")
        .build()
        .merge();
    assertThat(v.asMap()).isEqualTo(Map.of("m", Map.of("a", 1.0, "b", 2.0), "l", List.of(3.0)));
  }

  @Test
  @DisplayName("[H4] --set-json accepts a whole JSON object, deep-merged")
  void setJsonWholeObject() {
    Values v = ValueSources.builder()
        .valuesYaml("f", "a: {keep: true, b: 0}\n")
        .setJson("{\"a\": {\"b\": 1}, \"c\": [1]}")
        .build()
        .merge();
    assertThat(v.asMap()).isEqualTo(Map.of("a", Map.of("keep", true, "b", 1.0), "c", List.of(1.0)));
  }

  @Test
  @DisplayName("--set-file reads the file, relative to the base directory, as a string")
  void setFileReadsFile() throws IOException {
    // Given
    Files.writeString(dir.resolve("conf.txt"), "line1\nline2\n");
    // When
    Values v = ValueSources.builder().baseDirectory(dir).setFile("cfg=conf.txt").build().merge();
    // Then
    assertThat(v.get("cfg")).contains("line1\nline2\n");
  }

  @Test
  @DisplayName("a relative values file resolves against the base directory")
  void relativeValuesFile() throws IOException {
    Files.writeString(dir.resolve("prod.yaml"), "a: 1\n");
    Values v = ValueSources.builder().baseDirectory(dir).valuesFile(Path.of("prod.yaml")).build()
        .merge();
    assertThat(v.asMap()).isEqualTo(Map.of("a", 1.0));
  }

  @Test
  @DisplayName("a missing --set-file file is an error naming the flag, expression and path")
  void setFileMissing() {
    ValueSources vs = ValueSources.builder().baseDirectory(dir).setFile("cfg=nope.txt").build();
    assertThatThrownBy(vs::merge)
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("failed parsing --set-file data")
        .hasMessageContaining("nope.txt")
        .hasMessageContaining("cfg=nope.txt");
  }

  @Test
  @DisplayName("a missing values file is an error naming the path")
  void valuesFileMissing() {
    Path missing = dir.resolve("missing.yaml");
    ValueSources vs = ValueSources.builder().valuesFile(missing).build();
    assertThatThrownBy(vs::merge)
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  @DisplayName("a broken values file is an error naming the path and line")
  void valuesFileBroken() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "a: 1\nb: [\n");
    ValueSources vs = ValueSources.builder().valuesFile(file).build();
    assertThatThrownBy(vs::merge)
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining(file + ":3:");
  }

  static Stream<Arguments> badExpressions() {
    return Stream.of(
        Arguments.of((UnaryOperator<ValueSources.Builder>) b -> b.set("a=1,x"),
            "failed parsing --set data: key \"x\" has no value", "a=1,x"),
        Arguments.of((UnaryOperator<ValueSources.Builder>) b -> b.setString("a.b"),
            "failed parsing --set-string data: key \"b\" has no value", "a.b"),
        Arguments.of((UnaryOperator<ValueSources.Builder>) b -> b.setLiteral("a"),
            "failed parsing --set-literal data: key \"a\" has no value", "\"a\""),
        Arguments.of((UnaryOperator<ValueSources.Builder>) b -> b.setJson("a={"),
            "failed parsing --set-json data a={", "a={"),
        Arguments.of((UnaryOperator<ValueSources.Builder>) b -> b.setJson("{\"a\":"),
            "failed parsing --set-json data JSON: {\"a\":", "{\"a\":"),
        Arguments.of((UnaryOperator<ValueSources.Builder>) b -> b.valuesYaml("inline.yaml", "- x"),
            "failed to parse inline.yaml", "inline.yaml"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badExpressions")
  @DisplayName("an expression that does not parse fails when built, naming the flag and expression")
  void badExpressionsFailAtBuild(UnaryOperator<ValueSources.Builder> sources, String message,
      String expression) {
    assertThatThrownBy(() -> sources.apply(ValueSources.builder()).build())
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith(message)
        .hasMessageContaining(expression);
  }

  @Test
  @DisplayName("a --set into a value of another type fails at merge time, naming the expression")
  void typeClashFailsAtMerge() {
    ValueSources vs = ValueSources.builder().valuesYaml("f", "a: text\n").set("a.b=1").build();
    assertThatThrownBy(vs::merge)
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("--set")
        .hasMessageContaining("a.b=1")
        .hasMessageContaining("interface {} is string, not map[string]interface {}");
  }

  @Test
  @DisplayName("no sources merge to the empty tree")
  void noneIsEmpty() {
    assertThat(ValueSources.none().isEmpty()).isTrue();
    assertThat(ValueSources.none().merge()).isEqualTo(Values.empty());
  }

  @Test
  @DisplayName("the sources are immutable: adding to the builder later does not change them")
  void immutable() {
    ValueSources.Builder b = ValueSources.builder().set("a=1");
    ValueSources first = b.build();
    b.set("a=2");
    assertThat(first.merge().asMap()).isEqualTo(Map.of("a", 1L));
    assertThat(b.build().merge().asMap()).isEqualTo(Map.of("a", 2L));
  }

  @Test
  @DisplayName("the merged values are unmodifiable")
  void mergedIsUnmodifiable() {
    Values v = ValueSources.builder().set("a.b=1").build().merge();
    assertThatThrownBy(() -> v.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
