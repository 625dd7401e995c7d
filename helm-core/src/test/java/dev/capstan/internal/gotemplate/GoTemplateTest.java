package dev.capstan.internal.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.render.Lookup;
import dev.capstan.render.TemplateEngine;
import dev.capstan.render.TemplateEngine.EngineOptions;
import dev.capstan.render.TemplateException;
import dev.capstan.render.TemplateSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Go text/template behaviour, written from Go's documentation of text/template. */
class GoTemplateTest {
  static final String NAME = "c/templates/t.yaml";

  static final TemplateEngine ENGINE = new GoTemplateEngine(
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
      () -> new SplittableRandom(1));

  static String render(String text, Map<String, Object> values) {
    return render(text, values, false, "");
  }

  static String render(String text) {
    return render(text, Map.of(), false, "");
  }

  static String render(String text, Map<String, Object> values, boolean strict, String helpers) {
    List<TemplateSource> src = new ArrayList<>();
    src.add(new TemplateSource(NAME, text));
    if (!helpers.isEmpty()) {
      src.add(new TemplateSource("c/templates/_helpers.tpl", helpers));
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("Values", values);
    scope.put("Release", Map.of("Name", "rel", "Namespace", "ns"));
    scope.put("Template", Map.of("Name", NAME, "BasePath", "c/templates"));
    return ENGINE.compile(src, new EngineOptions(strict, 1_000_000))
        .render(NAME, scope, Lookup.offline());
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Nested
  @DisplayName("text, actions and trim markers")
  class Text {
    @Test
    void plainTextAndFields() {
      assertThat(render("a: {{ .Values.x }}\nb: {{ .Release.Name }}", map("x", "hi")))
          .isEqualTo("a: hi\nb: rel");
    }

    @Test
    @DisplayName("{{- trims the whitespace before, -}} after; a dash needs a space")
    void trim() {
      assertThat(render("a  \n  {{- 1 -}}  \n b")).isEqualTo("a1b");
      assertThat(render("{{ -1 }}")).isEqualTo("-1");
    }

    @Test
    void comments() {
      assertThat(render("a{{/* c */}}b {{- /* x */ -}} c")).isEqualTo("abc");
      assertThatThrownBy(() -> render("{{/* c */ 1}}"))
          .hasMessage("template: c/templates/t.yaml:1: comment ends before closing delimiter");
    }

    @Test
    @DisplayName("a missing value prints <no value>, which Helm blanks")
    void missing() {
      assertThat(render("[{{ .Values.nope }}]")).isEqualTo("[]");
      assertThat(render("[{{ .Values.nope | toString }}]")).isEqualTo("[<nil>]");
    }

    @Test
    @DisplayName("values print as Go's fmt prints them")
    void formatting() {
      assertThat(render("{{ .Values.f }} {{ .Values.l }} {{ .Values.m }} {{ .Values.i }}",
          map("f", 1e6, "l", List.of("a", 1.5), "m", map("b", 2.0, "a", true), "i", 3L)))
          .isEqualTo("1e+06 [a 1.5] map[a:true b:2] 3");
    }
  }

  @Nested
  @DisplayName("literals")
  class Literals {
    @Test
    void numbers() {
      assertThat(render("{{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1_000 }} {{ 1.5 }} {{ 1e3 }} {{ 'a' }}"))
          .isEqualTo("31 15 15 5 1000 1.5 1000 97");
      assertThat(render("{{ printf \"%T %T %T\" 1 1.0 'x' }}")).isEqualTo("int float64 int");
    }

    @Test
    void imaginaryIsAnError() {
      assertThatThrownBy(() -> render("{{ 1i }}")).isInstanceOf(TemplateException.class)
          .hasMessageStartingWith("template: c/templates/t.yaml:1: ");
    }

    @Test
    void strings() {
      assertThat(render("{{ \"a\\tb\\u00e9\" }}|{{ `raw\\n` }}")).isEqualTo("a\tbé|raw\\n");
    }

    @Test
    void badNumber() {
      assertThatThrownBy(() -> render("{{ 12ab }}"))
          .hasMessage("template: c/templates/t.yaml:1: bad number syntax: \"12ab\"");
    }
  }

  @Nested
  @DisplayName("control structures")
  class Control {
    @Test
    void ifElse() {
      String t = "{{ if .Values.a }}A{{ else if .Values.b }}B{{ else }}C{{ end }}";
      assertThat(render(t, map("a", 1.0))).isEqualTo("A");
      assertThat(render(t, map("b", "x"))).isEqualTo("B");
      assertThat(render(t, map("a", 0.0, "b", List.of()))).isEqualTo("C");
    }

    @Test
    void withAndElseWith() {
      String t = "{{ with .Values.a }}{{ . }}{{ else with .Values.b }}b={{ . }}{{ else }}none{{ end }}";
      assertThat(render(t, map("a", "x"))).isEqualTo("x");
      assertThat(render(t, map("b", "y"))).isEqualTo("b=y");
      assertThat(render(t, map())).isEqualTo("none");
    }

    @Test
    @DisplayName("range over lists, maps in key order, integers; else; break and continue")
    void range() {
      assertThat(render("{{ range $i, $e := .Values.l }}{{ $i }}={{ $e }};{{ end }}",
          map("l", List.of("a", "b")))).isEqualTo("0=a;1=b;");
      assertThat(render("{{ range $k, $v := .Values.m }}{{ $k }}={{ $v }};{{ end }}",
          map("m", map("z", 1.0, "a", 2.0)))).isEqualTo("a=2;z=1;");
      assertThat(render("{{ range 3 }}{{ . }}{{ end }}")).isEqualTo("012");
      assertThat(render("{{ range .Values.l }}x{{ else }}empty{{ end }}", map("l", List.of())))
          .isEqualTo("empty");
      assertThat(render("{{ range .Values.l }}{{ if eq . 2.0 }}{{ continue }}{{ end }}"
          + "{{ if eq . 4.0 }}{{ break }}{{ end }}{{ . }}{{ end }}",
          map("l", List.of(1.0, 2.0, 3.0, 4.0, 5.0)))).isEqualTo("13");
    }

    @Test
    void breakOutsideRange() {
      assertThatThrownBy(() -> render("{{ break }}"))
          .hasMessage("template: c/templates/t.yaml:1: {{break}} outside {{range}}");
    }

    @Test
    void variablesAndScope() {
      assertThat(render("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}"))
          .isEqualTo("2");
      assertThatThrownBy(() -> render("{{ if true }}{{ $y := 3 }}{{ end }}{{ $y }}"))
          .hasMessage("template: c/templates/t.yaml:1: undefined variable \"$y\"");
      assertThat(render("{{ range .Values.l }}{{ $.Release.Name }}{{ end }}",
          map("l", List.of(1.0)))).isEqualTo("rel");
    }

    @Test
    void defineTemplateBlock() {
      assertThat(render("{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" \"a\" }}"
          + "{{ block \"y\" 2 }}<{{ . }}>{{ end }}")).isEqualTo("[a]<2>");
    }

    @Test
    void unexpectedEnd() {
      assertThatThrownBy(() -> render("a\n{{ end }}"))
          .hasMessage("template: c/templates/t.yaml:2: unexpected {{end}}");
      assertThatThrownBy(() -> render("{{ if true }}"))
          .hasMessage("template: c/templates/t.yaml:1: unexpected EOF");
    }
  }

  @Nested
  @DisplayName("functions and pipelines")
  class Functions {
    @Test
    void pipelinesPassTheLastArgument() {
      assertThat(render("{{ .Values.s | upper | printf \"%d-%s\" 5 }}", map("s", "ab")))
          .isEqualTo("5-AB");
      assertThat(render("{{ (printf \"%s\" \"x\") | quote }}")).isEqualTo("\"x\"");
    }

    @Test
    @DisplayName("and/or return an argument and short-circuit")
    void andOr() {
      assertThat(render("{{ and 1 0 2 }} {{ or 0 \"\" \"x\" }} {{ or 0 false }}"))
          .isEqualTo("0 x false");
      assertThat(render("{{ or true (fail \"boom\") }}")).isEqualTo("true");
    }

    @Test
    void comparisons() {
      assertThat(render("{{ eq 1 2 1 }} {{ ne \"a\" \"b\" }} {{ lt 1 2 }} {{ ge 2.5 2.5 }}"))
          .isEqualTo("true true true true");
      assertThatThrownBy(() -> render("{{ eq 1 1.0 }}")).hasMessage(
          "template: c/templates/t.yaml:1:3: executing \"c/templates/t.yaml\" at <eq 1 1.0>: "
              + "error calling eq: incompatible types for comparison");
    }

    @Test
    void indexLenSlice() {
      assertThat(render("{{ index .Values.m \"a\" }} {{ index .Values.l 1 }} {{ len .Values.l }} "
          + "{{ len \"héllo\" }}", map("m", map("a", "x"), "l", List.of("p", "q"))))
          .isEqualTo("x q 2 6");
      assertThatThrownBy(() -> render("{{ index .Values.l 5 }}", map("l", List.of())))
          .hasMessageEndingWith("error calling index: index out of range: 5");
    }

    @Test
    void escapers() {
      assertThat(render("{{ html \"<a href='x'>&\\\"\" }}")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&#34;");
      assertThat(render("{{ js \"<'a'\\n=\" }}")).isEqualTo("\\u003C\\'a\\'\\u000A\\u003D");
      assertThat(render("{{ urlquery \"a b&c\" }}")).isEqualTo("a+b%26c");
    }

    @Test
    void unknownFunctionAtParseTime() {
      assertThatThrownBy(() -> render("{{ nope 1 }}"))
          .hasMessage("template: c/templates/t.yaml:1: function \"nope\" not defined");
    }

    @Test
    void arityAndTypes() {
      assertThatThrownBy(() -> render("{{ upper }}")).hasMessageEndingWith(
          "wrong number of args for upper: want 1 got 0");
      assertThatThrownBy(() -> render("{{ upper 1 }}")).hasMessageEndingWith(
          "error calling upper: wrong type for value; expected string; got int");
    }

    @Test
    void sprigAndHelm() {
      assertThat(render("{{ dict \"a\" 1 | toJson }} {{ list 1 2 | len }} {{ default \"d\" .Values.x }} "
          + "{{ \"abc\" | b64enc }} {{ toYaml .Values.m | trim }}", map("m", map("k", "v"))))
          .isEqualTo("{\"a\":1} 2 d YWJj k: v");
    }

    @Test
    @DisplayName("include renders a define with its dot; recursion is bounded")
    void include() {
      assertThat(render("{{ include \"h.name\" . | upper }}", map(), false,
          "{{- define \"h.name\" -}}{{ .Release.Name }}-x{{- end -}}")).isEqualTo("REL-X");
      assertThatThrownBy(() -> render("{{ include \"r\" . }}", map(), false,
          "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}"))
          .hasMessageContaining("rendering template has a nested reference name: r");
      assertThatThrownBy(() -> render("{{ include \"none\" . }}")).hasMessageEndingWith(
          "error calling include: template: no template \"none\" associated with template \"gotpl\"");
    }

    @Test
    void tpl() {
      assertThat(render("{{ tpl .Values.t . }}", map("t", "{{ .Release.Name }}-{{ .Values.nope }}")))
          .isEqualTo("rel-");
    }

    @Test
    @DisplayName("required and fail report Helm's execution error")
    void requiredFail() {
      assertThatThrownBy(() -> render("a: {{ required \"x is required\" .Values.x }}"))
          .isInstanceOf(TemplateException.class)
          .hasMessage("execution error at (c/templates/t.yaml:1:6): x is required");
      assertThatThrownBy(() -> render("\n{{ fail \"no\" }}"))
          .hasMessage("execution error at (c/templates/t.yaml:2:3): no");
    }
  }

  @Nested
  @DisplayName("execution errors")
  class Errors {
    @Test
    void nilPointer() {
      assertThatThrownBy(() -> render("{{ .Values.a.b }}", map("a", null)))
          .hasMessage("template: c/templates/t.yaml:1:10: executing \"c/templates/t.yaml\" at "
              + "<.Values.a.b>: nil pointer evaluating interface {}.b");
    }

    @Test
    void strictMissingKey() {
      assertThatThrownBy(() -> render("{{ .Values.a }}", map(), true, ""))
          .hasMessageEndingWith("map has no entry for key \"a\"");
    }

    @Test
    void fieldOfString() {
      assertThatThrownBy(() -> render("{{ .Values.s.x }}", map("s", "str")))
          .hasMessageEndingWith("can't evaluate field x in type string");
    }
  }
}
