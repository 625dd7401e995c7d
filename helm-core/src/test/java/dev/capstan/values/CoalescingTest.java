package dev.capstan.values;

import static dev.capstan.values.DependencyTestCharts.chart;
import static dev.capstan.values.DependencyTestCharts.map;
import static dev.capstan.values.DependencyTestCharts.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §4.1 coalescing, after Helm 4's coalesce_test.go (the data re-expressed as YAML). */
class CoalescingTest {


  /** Helm's "moby" tree: moby -> (pequod -> ahab), spouter. */
  private static Chart moby() {
    return chart("moby").values("""
            back: exists
            bottom: exists
            front: exists
            left: exists
            name: moby
            nested: {boat: true}
            override: bad
            right: exists
            scope: moby
            top: nope
            global:
              nested2: {l0: moby}
            pequod:
              boat: maybe
              ahab:
                boat: maybe
                nested: {boat: maybe}
            """)
        .sub(chart("pequod").values("""
                name: pequod
                scope: pequod
                global:
                  nested2: {l1: pequod}
                boat: false
                ahab:
                  boat: false
                  nested: {boat: false}
                """)
            .sub(chart("ahab").values("""
                global:
                  nested: {foo: bar, foo2: bar2}
                  nested2: {l2: ahab}
                scope: ahab
                name: ahab
                boat: true
                nested: {foo: false, boat: true}
                object: {foo: bar}
                """)))
        .sub(chart("spouter").values("""
            scope: spouter
            global:
              nested2: {l1: spouter}
            """))
        .build();
  }

  private static final String MOBY_USER_VALUES = """
      top: yup
      bottom: null
      right: Null
      left: NULL
      front: ~
      back: ""
      nested:
        boat: null
      global:
        name: Ishmael
        subject: Queequeg
        nested:
          boat: true
      pequod:
        boat: null
        global:
          name: Stinky
          harpooner: Tashtego
          nested:
            boat: false
            sail: true
            foo2: null
        ahab:
          scope: whale
          boat: null
          nested:
            foo: true
            boat: null
          object: null
      """;

  @ParameterizedTest(name = "{0} = {1}")
  @DisplayName("§4.1 user values, chart defaults, subchart defaults and globals coalesce as in Helm")
  @CsvSource(delimiter = '|', value = {
      "top                             | yup",
      "back                            | ''",
      "name                            | moby",
      "global.name                     | Ishmael",
      "global.subject                  | Queequeg",
      "global.harpooner                | <no value>",
      "pequod.name                     | pequod",
      "pequod.ahab.name                | ahab",
      "pequod.ahab.scope               | whale",
      "pequod.ahab.nested.foo          | true",
      "pequod.ahab.global.name         | Ishmael",
      "pequod.ahab.global.nested.foo   | bar",
      "pequod.ahab.global.nested.foo2  | <no value>",
      "pequod.ahab.global.subject      | Queequeg",
      "pequod.ahab.global.harpooner    | Tashtego",
      "pequod.global.name              | Ishmael",
      "pequod.global.nested.foo        | <no value>",
      "pequod.global.subject           | Queequeg",
      "spouter.global.name             | Ishmael",
      "spouter.global.harpooner        | <no value>",
      "global.nested.boat              | true",
      "pequod.global.nested.boat       | true",
      "spouter.global.nested.boat      | true",
      "pequod.global.nested.sail       | true",
      "spouter.global.nested.sail      | <no value>",
      "global.nested2.l0               | moby",
      "global.nested2.l1               | <no value>",
      "global.nested2.l2               | <no value>",
      "pequod.global.nested2.l0        | moby",
      "pequod.global.nested2.l1        | pequod",
      "pequod.global.nested2.l2        | <no value>",
      "pequod.ahab.global.nested2.l0   | moby",
      "pequod.ahab.global.nested2.l1   | pequod",
      "pequod.ahab.global.nested2.l2   | ahab",
      "spouter.global.nested2.l0       | moby",
      "spouter.global.nested2.l1       | spouter",
      "spouter.global.nested2.l2       | <no value>"})
  void mobyTable(String path, String expected) {
    // When
    Values v = Coalescing.coalesce(moby(), yaml(MOBY_USER_VALUES));

    // Then
    Optional<Object> actual = v.get(path);
    if (expected.equals("<no value>")) {
      assertThat(actual).isEmpty();
    } else {
      assertThat(actual).map(String::valueOf).contains(expected);
    }
  }

  @Test
  @DisplayName("§4.1 a user null deletes the key and its default, at every level")
  void userNullsDelete() {
    // When
    Values v = Coalescing.coalesce(moby(), yaml(MOBY_USER_VALUES));

    // Then
    assertThat(v.asMap()).doesNotContainKeys("bottom", "right", "left", "front");
    assertThat(v.table("nested").asMap()).doesNotContainKey("boat");
    Values pequod = v.table("pequod");
    assertThat(pequod.asMap()).doesNotContainKey("boat");
    Values ahab = pequod.table("ahab");
    assertThat(ahab.asMap()).doesNotContainKeys("boat", "object");
    assertThat(ahab.table("nested").asMap()).doesNotContainKey("boat");
  }

  @Test
  @DisplayName("coalescing does not change its arguments")
  void argumentsUnchanged() {
    Values user = yaml(MOBY_USER_VALUES);
    Chart c = moby();
    Values defaults = c.values();

    Coalescing.coalesce(c, user);

    assertThat(user).isEqualTo(yaml(MOBY_USER_VALUES));
    assertThat(c.values()).isEqualTo(defaults);
  }

  @Test
  @DisplayName("§4.1 lists replace, never merge; scalars replace")
  void listsReplace() {
    Chart c = chart("app").values("""
        ports: [80, 443]
        image: {repository: nginx, tag: "1.0"}
        """).build();

    Values v = Coalescing.coalesce(c, yaml("ports: [8080]\nimage: {tag: \"2.0\"}\n"));

    assertThat(v.get("ports")).contains(List.of(8080.0));
    assertThat(v.get("image.repository")).contains("nginx");
    assertThat(v.get("image.tag")).contains("2.0");
  }

  @Test
  @DisplayName("§4.1 the subchart table is created when missing and filled with its defaults")
  void subchartTableCreated() {
    Chart c = chart("parent").sub(chart("child").values("port: 80\n")).build();

    Values v = Coalescing.coalesce(c, Values.empty());

    assertThat(v.get("child.port")).contains(80.0);
    assertThat(v.table("child").table("global").asMap()).isEmpty();
  }

  @Test
  @DisplayName("§4.1 values for a subchart that are not a map: type mismatch error, Helm's text")
  void subchartTypeMismatch() {
    Chart c = chart("parent").sub(chart("child")).build();

    assertThatThrownBy(() -> Coalescing.coalesce(c, yaml("child: nope\n")))
        .isInstanceOf(CapstanException.class)
        .hasMessage("type mismatch on child: %!t(string=nope)");
    assertThatThrownBy(() -> Coalescing.coalesce(c, yaml("child: true\n")))
        .hasMessage("type mismatch on child: true");
  }

  @Test
  @DisplayName("§4.1 table/scalar conflicts are logged with Helm's warning texts")
  void conflictWarnings() {
    // Given
    Chart c = chart("level1").values("name: moby\n")
        .sub(chart("level2").values("name: pequod\n")
            .sub(chart("level3").values("""
                name: ahab
                boat: true
                spear:
                  tip: true
                  sail:
                    cotton: true
                """)))
        .build();
    Map<String, Object> user = map("""
        level2:
          level3:
            boat: {mast: true}
            spear:
              tip: {sharp: true}
              sail: true
        """);
    List<String> warnings = new ArrayList<>();

    // When
    Coalescing.coalesceMutable(c, user, warnings::add);

    // Then
    assertThat(warnings).contains(
        "warning: skipped value for level1.level2.level3.boat: Not a table.",
        "warning: destination for level1.level2.level3.spear.tip is a table. "
            + "Ignoring non-table value (true)",
        "warning: cannot overwrite table with non table for level1.level2.level3.spear.sail "
            + "(map[cotton:true])");
  }

  @Test
  @DisplayName("§4.1 a user null for a key the defaults lack stays as null (helm#31643)")
  void userNullWithoutDefaultKept() {
    Chart c = chart("test").values("data: {}\n").build();

    Values v = Coalescing.coalesce(c, yaml("data: {foo: bar, baz: null}\n"));

    assertThat(v.table("data").asMap()).containsEntry("foo", "bar").containsEntry("baz", null);
  }

  @Test
  @DisplayName("§4.1 Helm 4.1.4 keeps nulls in subchart defaults (4.2 drops them, helm#31919)")
  void subchartDefaultNullsKept() {
    Chart c = chart("parent").sub(chart("child").values("keyMapping: {password: null}\n")).build();

    Values v = Coalescing.coalesce(c, Values.empty());

    // real Helm 4.1.4: {"child":{"global":{},"keyMapping":{"password":null}}}
    assertThat(v.table("child").table("keyMapping").asMap()).containsOnlyKeys("password")
        .containsEntry("password", null);
  }

  @Test
  @DisplayName("§4.1 a user null in the parent's values erases a subchart default (helm#31919)")
  void userNullErasesSubchartDefault() {
    Chart c = chart("parent").sub(chart("child").values("someKey: default\n")).build();

    Values v = Coalescing.coalesce(c, yaml("child: {someKey: null}\n"));

    assertThat(v.table("child").asMap()).doesNotContainKey("someKey");
  }

  @Test
  @DisplayName("§4.1 Helm 4.1.4 keeps a null subchart default beside the global of the same name")
  void subchartNullBesideGlobal() {
    Chart c = chart("parent").sub(chart("child").values("ingress: {feature: null}\n")).build();

    Values v = Coalescing.coalesce(c, yaml("global: {ingress: {feature: true}}\n"));

    // real Helm 4.1.4: "child":{"global":{"ingress":{"feature":true}},"ingress":{"feature":null}}
    assertThat(v.table("child").table("ingress").asMap()).containsOnlyKeys("feature")
        .containsEntry("feature", null);
    assertThat(v.get("child.global.ingress.feature")).contains(true);
  }

  @Test
  @DisplayName("§4.1 Helm 4.1.4 keeps subchart default nulls when the user overrides part of the map")
  void subchartNullsKeptOnPartialOverride() {
    Chart c = chart("parent")
        .sub(chart("child").values("keyMapping: {password: null, format: bcrypt}\n")).build();

    Values v = Coalescing.coalesce(c, yaml("child: {keyMapping: {format: sha256}}\n"));

    // real Helm 4.1.4: "keyMapping":{"format":"sha256","password":null}
    assertThat(v.table("child").table("keyMapping").asMap())
        .containsOnlyKeys("format", "password")
        .containsEntry("format", "sha256")
        .containsEntry("password", null);
  }

  @Test
  @DisplayName("§4.1 a chart's own null defaults stay, top-level and nested (podinfo "
      + "resources.limits, as real Helm 4.1.4 renders them)")
  void chartDefaultNullsKept() {
    Chart c = chart("podinfo").values("""
        a: null
        resources:
          limits:
          requests: {cpu: 1m}
        e: {f: null, h: 2}
        """).build();

    Values v = Coalescing.coalesce(c, yaml("e: {g: 1}\n"));

    assertThat(v.asMap()).containsKey("a").containsEntry("a", null);
    assertThat(v.table("resources").asMap()).containsOnlyKeys("limits", "requests")
        .containsEntry("limits", null);
    assertThat(v.table("e").asMap()).containsOnlyKeys("f", "g", "h").containsEntry("f", null);
  }

  @Test
  @DisplayName("§4.1 a user null deletes a non-null default but a null over a null default stays")
  void userNullOverNullDefault() {
    Chart c = chart("c").values("k: 1\nl: {m: 1, nn: null}\n").build();

    Values v = Coalescing.coalesce(c, yaml("k: null\nl: {m: null, nn: null}\nnew: null\n"));

    // real Helm 4.1.4: {"l":{"nn":null},"new":null}
    assertThat(v.asMap()).containsOnlyKeys("l", "new").containsEntry("new", null);
    assertThat(v.table("l").asMap()).containsOnlyKeys("nn").containsEntry("nn", null);
  }

  @Test
  @DisplayName("§4.1 with dependencies, Helm 4.1.4 coalesces twice: a subchart's top-level null "
      + "defaults vanish, even under a user null; nested ones stay")
  void computedSubchartNulls() {
    // Given: the chart rendered by real Helm 4.1.4 (helm template, toJson .Values)
    Chart c = chart("p").values("a: null\nsub: {z: null}\nglobal: {gn: null}\n")
        .dependencies("- name: sub\n  version: 1.0.0\n")
        .sub(chart("sub").version("1.0.0").values("yy: null\nw: {q: null}\nz: 5\n"))
        .build();

    // When
    Values none = ChartValues.compute(c, Values.empty()).values();
    Values set = ChartValues.compute(c, yaml("sub: {yy: null, w: {q2: null}}\n")).values();

    // Then: {"a":null,"global":{"gn":null},"sub":{"global":{"gn":null},"w":{"q":null}}}
    assertThat(none.asMap()).containsOnlyKeys("a", "global", "sub").containsEntry("a", null);
    assertThat(none.table("sub").asMap()).containsOnlyKeys("global", "w");
    assertThat(none.table("sub").table("w").asMap()).containsEntry("q", null);
    assertThat(none.table("sub").table("global").asMap()).containsEntry("gn", null);
    // {"global":{"gn":null},"w":{"q":null,"q2":null}}
    assertThat(set.table("sub").asMap()).containsOnlyKeys("global", "w");
    assertThat(set.table("sub").table("w").asMap()).containsOnlyKeys("q", "q2");
  }

  @Test
  @DisplayName("§4.2 coalesceTables: dst wins, missing keys copied, dst nulls delete src keys")
  void coalesceTablesLikeHelm() {
    // Given: Helm's TestCoalesceTables data
    Values dst = yaml("""
        name: Ishmael
        address: {street: 123 Spouter Inn Ct., city: Nantucket, country: null}
        details: {friends: [Tashtego]}
        boat: pequod
        hole: null
        """);
    Values src = yaml("""
        occupation: whaler
        address: {state: MA, street: 234 Spouter Inn Ct., country: US}
        details: empty
        boat: {mast: true}
        hole: black
        """);

    // When
    Values v = Coalescing.coalesceTables(dst, src);

    // Then
    assertThat(v.get("name")).contains("Ishmael");
    assertThat(v.get("occupation")).contains("whaler");
    assertThat(v.get("address.street")).contains("123 Spouter Inn Ct.");
    assertThat(v.get("address.city")).contains("Nantucket");
    assertThat(v.get("address.state")).contains("MA");
    assertThat(v.table("address").asMap()).doesNotContainKey("country");
    assertThat(v.get("details.friends")).contains(List.of("Tashtego"));
    assertThat(v.get("boat")).contains("pequod");
    assertThat(v.asMap()).doesNotContainKey("hole");
  }

  @Test
  @DisplayName("§4.2 coalesceTables with an empty source returns the destination unchanged")
  void coalesceTablesEmptySource() {
    Values dst = yaml("name: Ishmael\naddress: {country: US}\nhole: black\n");

    assertThat(Coalescing.coalesceTables(dst, Values.empty())).isEqualTo(dst);
  }

  @Test
  @DisplayName("§4.3 mergeValuesFiles: later file wins, maps merge deep, lists and nulls replace")
  void mergeValuesFiles() {
    Values base = yaml("""
        image: {repository: nginx, tag: "1.0"}
        ports: [80, 443]
        keep: me
        drop: me
        """);
    Values override = yaml("""
        image: {tag: "2.0"}
        ports: [8080]
        drop: null
        extra: {a: 1}
        """);

    Values v = Coalescing.mergeValuesFiles(base, override);

    assertThat(v).isEqualTo(yaml("""
        image: {repository: nginx, tag: "2.0"}
        ports: [8080]
        keep: me
        drop: null
        extra: {a: 1}
        """));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("§4.1 globals: parent scalars overwrite, parent maps deep-merge over the child's")
  @CsvSource(delimiter = '|', value = {
      "child.global.a       | parent",
      "child.global.m.x     | parent-x",
      "child.global.m.yy    | child-y",
      "child.global.onlyChild | c",
      "global.a             | parent",
      "child.grand.global.a | parent",
      "child.grand.global.m.yy | child-y"})
  void globalsPropagation(String path, String expected) {
    Chart c = chart("parent").values("global: {a: parent, m: {x: parent-x}}\n")
        .sub(chart("child").values("global: {a: child, m: {x: child-x, yy: child-y}, onlyChild: c}\n")
            .sub(chart("grand")))
        .build();

    Values v = Coalescing.coalesce(c, Values.empty());

    assertThat(v.get(path)).contains(expected);
  }

  @Test
  @DisplayName("§4.1 globals are copied one level deep, as in Helm: a subchart's default for a "
      + "table two levels down reaches the parent's globals (helm#12181, kept by Helm)")
  void deepGlobalTablesSharedAsInHelm() {
    // Given
    Chart c = chart("parent").values("global: {a: {b: {x: 1}}, nn: {v1: chart}}\n")
        .sub(chart("alpha").values("global: {a: {b: {yy: 2}}, nn: {v2: alpha}}\n"))
        .sub(chart("beta"))
        .build();

    // When
    Values v = Coalescing.coalesce(c, Values.empty());

    // Then: one level down the copy isolates the parent ...
    assertThat(v.get("alpha.global.nn.v2")).contains("alpha");
    assertThat(v.get("global.nn.v2")).isEmpty();
    // ... two levels down the table is shared, so alpha's default shows in the parent and beta
    assertThat(v.get("alpha.global.a.b.yy")).contains(2.0);
    assertThat(v.get("global.a.b.yy")).contains(2.0);
    assertThat(v.get("beta.global.a.b.yy")).contains(2.0);
  }
}
