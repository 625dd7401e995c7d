package dev.capstan.values;

import static dev.capstan.values.DependencyTestCharts.chart;
import static dev.capstan.values.DependencyTestCharts.chartPaths;
import static dev.capstan.values.DependencyTestCharts.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import dev.capstan.chart.Dependency;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** §4.1 dependency enablement, after Helm 4's dependencies_test.go (TestDependencyEnabled...). */
class DependenciesTest {

  static Stream<Arguments> enablementMatrix() {
    return Stream.of(
        Arguments.of("tags with no effect",
            "tags: {nothinguseful: false}",
            "parentchart parentchart.subchart1 parentchart.subchart1.subcharta "
                + "parentchart.subchart1.subchartb"),
        Arguments.of("tags disabling a group",
            "tags: {front-end: false}",
            "parentchart"),
        Arguments.of("tags disabling a group and enabling a different group",
            "tags: {front-end: false, back-end: true}",
            "parentchart parentchart.subchart2 parentchart.subchart2.subchartb "
                + "parentchart.subchart2.subchartc"),
        Arguments.of("tags disabling only children; front-end=true in values.yaml keeps them",
            "tags: {subcharta: false, subchartb: false}",
            "parentchart parentchart.subchart1 parentchart.subchart1.subcharta "
                + "parentchart.subchart1.subchartb"),
        Arguments.of("tags disabling all parents/children, another tag re-enabling a parent",
            "tags: {front-end: false, subchart1: true, back-end: false}",
            "parentchart parentchart.subchart1"),
        Arguments.of("conditions enabling the parents; back-end children still disabled by tags",
            "{subchart1: {enabled: true}, subchart2: {enabled: true}}",
            "parentchart parentchart.subchart1 parentchart.subchart1.subcharta "
                + "parentchart.subchart1.subchartb parentchart.subchart2"),
        Arguments.of("conditions disabling the parents, and so their children",
            "{subchart1: {enabled: false}, subchart2: {enabled: false}}",
            "parentchart"),
        Arguments.of("a child disabled through the path of its condition under its parent",
            "{subchart1: {subcharta: {enabled: false}}}",
            "parentchart parentchart.subchart1 parentchart.subchart1.subchartb"),
        Arguments.of("tags enabling a group, a condition disabling one child",
            "{subchart2: {subchartc: {enabled: false}}, tags: {back-end: true}}",
            "parentchart parentchart.subchart1 parentchart.subchart1.subcharta "
                + "parentchart.subchart1.subchartb parentchart.subchart2 "
                + "parentchart.subchart2.subchartb"),
        Arguments.of("tags do not enable a child whose parent a condition disables",
            "{subchart1: {enabled: false}, tags: {front-end: true}}",
            "parentchart"),
        Arguments.of("aliased subcharts respect their conditions",
            "{subchart1: {enabled: false}, subchart2alias: {enabled: true, subchartb: {enabled: true}}}",
            "parentchart parentchart.subchart2alias parentchart.subchart2alias.subchartb"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enablementMatrix")
  @DisplayName("§4.1 tags and conditions enable and disable subcharts, recursively")
  void enablement(String name, String userValues, String expected) {
    // When
    Chart processed = Dependencies.process(DependencySubpop.parent(), yaml(userValues));

    // Then
    assertThat(chartPaths(processed)).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
  }

  @Test
  @DisplayName("§1.4 processed metadata.dependencies: only enabled, alias as name, enabled true, "
      + "import-values as {child, parent}")
  void processedMetadata() {
    // Given: subchart2 disabled by the back-end tag, subchart2alias enabled by its condition
    Chart processed = Dependencies.process(DependencySubpop.parent(),
        yaml("subchart2alias: {enabled: true}"));

    // Then
    List<Dependency> deps = processed.metadata().dependencies();
    assertThat(deps).extracting(Dependency::name).containsExactly("subchart1", "subchart2alias");
    assertThat(deps).allMatch(Dependency::enabled);
    assertThat(deps.get(1).alias()).isEqualTo("subchart2alias");
    assertThat(deps.get(0).importValues()).containsExactly(
        Map.of("child", "SC1data", "parent", "imported-chart1"),
        Map.of("child", "SC1data", "parent", "overridden-chart1"),
        Map.of("child", "imported-chartA", "parent", "imported-chartA"),
        Map.of("child", "imported-chartA-B", "parent", "imported-chartA-B"),
        Map.of("child", "overridden-chartA-B", "parent", "overridden-chartA-B"),
        Map.of("child", "SCBexported1A", "parent", "."),
        Map.of("child", "exports.SCBexported2", "parent", "."),
        Map.of("child", "exports.SC1exported1", "parent", "."));
    assertThat(deps.get(1).importValues()).isEmpty();
    assertThat(processed.subcharts()).extracting(Chart::name)
        .containsExactly("subchart1", "subchart2alias");
  }

  @Test
  @DisplayName("§4.1 an alias uses a renamed copy of the subchart; the original name may be used too")
  void aliasCopies() {
    // Given: the same subchart used twice, under its name and under an alias
    Chart parent = chart("parent")
        .dependencies("""
            - {name: db, version: ^1.0.0}
            - {name: db, version: ^1.0.0, alias: cache}
            """)
        .sub(chart("db").version("1.2.0").values("port: 5432\n"))
        .build();

    // When
    ChartValues result = ChartValues.compute(parent, yaml("cache: {port: 6379}"));

    // Then
    assertThat(result.chart().subcharts()).extracting(Chart::name).containsExactly("db", "cache");
    assertThat(result.chart().subcharts().get(1).metadata().version()).isEqualTo("1.2.0");
    assertThat(result.values().get("db.port")).contains(5432.0);
    assertThat(result.values().get("cache.port")).contains(6379.0);
  }

  @Test
  @DisplayName("§4.1 a dependency matches its subchart by version range too; a subchart that no "
      + "dependency matches stays enabled")
  void versionRangeMatching() {
    // Given: the dependency wants ~2.0 but the subchart is 1.0.0
    Chart parent = chart("parent")
        .dependencies("- {name: lib, version: ~2.0, alias: renamed, condition: lib.enabled}")
        .sub(chart("lib").version("1.0.0"))
        .sub(chart("extra"))
        .build();

    // When
    Chart processed = Dependencies.process(parent, yaml("lib: {enabled: false}"));

    // Then: "lib" is not renamed (no match) and stays, as does the undeclared "extra"
    assertThat(processed.subcharts()).extracting(Chart::name).containsExactly("lib", "extra");
  }

  @Test
  @DisplayName("§4.1 conditions: the first path holding a bool decides; non-bools are skipped")
  void firstBoolConditionWins() {
    Chart parent = chart("parent")
        .dependencies("- {name: a, version: 0.1.0, condition: 'a.missing,a.notBool,a.isOff,a.isOn'}")
        .sub(chart("a"))
        .build();

    Chart processed = Dependencies.process(parent, yaml("a: {notBool: yes-string, isOff: false, isOn: true}"));

    assertThat(processed.subcharts()).isEmpty();
    assertThat(processed.metadata().dependencies()).isEmpty();
  }

  @Test
  @DisplayName("§4.1 conditions override tags; without a tags table, tags change nothing")
  void conditionOverridesTags() {
    Chart parent = chart("parent")
        .dependencies("""
            - {name: a, version: 0.1.0, condition: a.enabled, tags: [group]}
            - {name: b, version: 0.1.0, tags: [group]}
            """)
        .sub(chart("a"))
        .sub(chart("b"))
        .build();

    assertThat(chartPaths(Dependencies.process(parent,
        yaml("tags: {group: false}\na: {enabled: true}"))))
        .containsExactly("parent", "parent.a");
    assertThat(chartPaths(Dependencies.process(parent, Values.empty())))
        .containsExactly("parent", "parent.a", "parent.b");
  }

  @Test
  @DisplayName("§4.1 chart defaults take part in enablement (values.yaml can disable a subchart)")
  void defaultsDecide() {
    Chart parent = chart("parent")
        .values("a: {enabled: false}\n")
        .dependencies("- {name: a, version: 0.1.0, condition: a.enabled}")
        .sub(chart("a"))
        .build();

    assertThat(chartPaths(Dependencies.process(parent, Values.empty()))).containsExactly("parent");
    assertThat(chartPaths(Dependencies.process(parent, yaml("a: {enabled: true}"))))
        .containsExactly("parent", "parent.a");
  }

  @Test
  @DisplayName("CheckDependencies: a Chart.yaml dependency missing from charts/ is an error")
  void checkPresent() {
    Chart missing = chart("parent")
        .dependencies("- {name: a, version: 0.1.0}\n- {name: b, version: 0.1.0}\n- {name: c}")
        .sub(chart("b"))
        .build();
    Chart complete = chart("parent").dependencies("- {name: b, alias: x}").sub(chart("b")).build();

    assertThatThrownBy(() -> Dependencies.checkPresent(missing))
        .isInstanceOf(CapstanException.class)
        .hasMessage("found in Chart.yaml, but missing in charts/ directory: a, c");
    assertThatCode(() -> Dependencies.checkPresent(complete)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("§4.1 a subchart without any Chart.yaml dependency list is kept as is")
  void noDependencyList() {
    Chart parent = chart("parent").sub(chart("child").values("a: 1\n")).build();

    Chart processed = Dependencies.process(parent, yaml("child: {enabled: false}"));

    assertThat(processed.subcharts()).extracting(Chart::name).containsExactly("child");
    assertThat(processed.values()).isEqualTo(parent.values());
  }

  @Test
  @DisplayName("§4.1 non-bool tag and condition values are skipped with Helm's warning")
  void nonBoolWarns() {
    // Given
    Chart parent = chart("parent")
        .dependencies("- {name: a, version: 0.1.0, condition: 'a.enabled,a.fallback', tags: [t]}")
        .sub(chart("a"))
        .build();
    List<String> warnings = new java.util.ArrayList<>();

    // When: the tag and the first condition are strings, the second condition is false
    Chart processed = Dependencies.process(parent,
        yaml("tags: {t: 'yes'}\na: {enabled: 'true', fallback: false}"), warnings::add);

    // Then
    assertThat(processed.subcharts()).isEmpty();
    assertThat(warnings).containsExactly(
        "returned non-bool value tag=t chart=a",
        "returned non-bool value path=a.enabled chart=a");
  }
}
