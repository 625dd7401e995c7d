package dev.capstan.internal.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Charts;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.TemplateException;
import dev.capstan.testing.RealHelm;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential: the same Go templates rendered by real Helm 4.1.4 and by Capstan's Go engine, with
 * the chart's values and with {@code --set} variants (int64 values), print the same text; errors
 * carry the same message.
 */
class GoTemplateRealHelmTest {
  private static final String VALUES = """
      name: my-Service_name
      port: 8080
      ratio: 0.25
      big: 1000000
      enabled: true
      empty: ""
      nothing: null
      labels: {tier: web, app: shop, zone: a}
      hosts: [a.example.com, b.example.com]
      nested: {list: [1, 2], map: {k: v}}
      """;

  private static final List<String> CASES = List.of(
      "{{ .Values.port }} {{ .Values.ratio }} {{ .Values.big }} {{ .Values.labels }} {{ .Values.hosts }}",
      "{{ range $k, $v := .Values.labels }}{{ $k }}={{ $v }},{{ end }}",
      "{{ range $i, $h := .Values.hosts }}{{ $i }}:{{ $h }} {{ end }}",
      "{{ range 3 }}{{ . }}{{ end }} {{ range .Values.nothing }}x{{ else }}none{{ end }}",
      "{{ range .Values.nested.list }}{{ if eq . 2.0 }}{{ break }}{{ end }}{{ . }}{{ end }}",
      "{{ if and .Values.enabled (not .Values.empty) }}yes{{ else }}no{{ end }} {{ or .Values.empty .Values.name }}",
      "{{ with .Values.missing }}m{{ else with .Values.labels }}{{ .tier }}{{ end }}",
      "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }} {{ $.Release.Name }}",
      "[{{ .Values.missing }}] [{{ .Values.nothing }}] [{{ index .Values.labels \"none\" }}]",
      "{{ printf \"%v %T %T %T\" 1e6 1 1.5 .Values.port }} {{ 0x10 }} {{ 1_000 }} {{ 'a' }} {{ 1e3 }}",
      "{{ len .Values.hosts }} {{ len \"héllo\" }} {{ index .Values.hosts 1 }} {{ slice .Values.hosts 1 }}",
      "{{ html \"<a b='c'>&\" }} {{ js \"'x'<y>\" }} {{ urlquery \"a b&c\" }}",
      "{{ eq .Values.enabled true }} {{ ne .Values.name \"x\" }} {{ lt 1 2 }} {{ ge \"b\" \"a\" }} {{ eq 1 2 3 1 }}",
      "{{ print 1 2 \"a\" \"b\" }} {{ println \"x\" | trim }}",
      "{{- define \"t.x\" -}}<{{ . }}>{{- end -}}{{ include \"t.x\" .Values.name }} {{ template \"t.x\" 5 }}",
      "{{ tpl \"{{ .Release.Name }}-{{ .Values.port }}\" . }} {{ tpl \"{{ .Template.Name }}\" . }}",
      "{{ .Values.nested | toYaml | nindent 2 }}",
      "{{ (dict \"a\" (list 1 2)).a | toJson }} {{ .Capabilities.APIVersions.Has \"apps/v1\" }}",
      "{{ .Chart.Name }} {{ .Release.Namespace }} {{ .Release.IsInstall }} {{ .Template.BasePath }}");

  @Test
  @DisplayName("the same Go templates print the same text in real Helm and Capstan, with values variants")
  void sameOutput(@TempDir Path tmp) throws Exception {
    RealHelm helm = RealHelm.fetch(tmp.resolve("helm"));
    Path chart = chart(tmp.resolve("c"), CASES);
    for (String set : List.of("", "port=9090,big=5,ratio=1.5", "enabled=false,name=x")) {
      String expected = (set.isEmpty() ? helm.helm("template", "rel", chart.toString())
          : helm.helm("template", "rel", chart.toString(), "--set", set)).requireSuccess().out();
      Values user = set.isEmpty() ? Values.empty() : ValueSources.builder().set(set).build().merge();
      String actual = ChartRenderer.builder().build()
          .render(Charts.load(chart), ReleaseOptions.install("rel", "default"), user)
          .templateText(false, false, List.of());
      List<String> want = expected.lines().toList();
      List<String> got = actual.lines().toList();
      for (int i = 0; i < CASES.size(); i++) {
        String prefix = "# " + i + ": ";
        String w = want.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("<missing>");
        String g = got.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("<missing>");
        assertThat(g).as("--set %s case %d: %s", set, i, CASES.get(i)).isEqualTo(w);
      }
      assertThat(actual).as("--set %s", set).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("execution and parse errors carry real Helm's message")
  void sameErrors(@TempDir Path tmp) throws Exception {
    RealHelm helm = RealHelm.fetch(tmp.resolve("helm"));
    List<String> failing = List.of(
        "{{ .Values.nothing.x }}",
        "{{ required \"need it\" .Values.missing }}",
        "{{ eq 1 1.5 }}",
        "{{ upper .Values.port }}",
        "{{ include \"zz\" . }}",
        "{{ nope }}",
        "{{ if true }}");
    for (int i = 0; i < failing.size(); i++) {
      Path chart = chart(tmp.resolve("e" + i), List.of(failing.get(i)));
      RealHelm.Result r = helm.helm("template", "rel", chart.toString());
      assertThat(r.exit()).isNotZero();
      String err = r.err();
      int from = err.indexOf("Error: ") + "Error: ".length();
      int to = err.indexOf("\n\nUse --debug", from);
      String want = err.substring(from, to < 0 ? err.stripTrailing().length() : to);
      String got;
      try {
        ChartRenderer.builder().build().render(Charts.load(chart),
            ReleaseOptions.install("rel", "default"), Values.empty());
        got = "<no error>";
      } catch (TemplateException e) {
        got = e.getMessage();
      }
      assertThat(got).as(failing.get(i)).isEqualTo(want);
    }
  }

  private static Path chart(Path dir, List<String> cases) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: fn\nversion: 0.1.0\n");
    Files.writeString(dir.resolve("values.yaml"), VALUES);
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < cases.size(); i++) {
      t.append("# ").append(i).append(": ").append(cases.get(i)).append('\n');
    }
    Files.writeString(dir.resolve("templates").resolve("t.yaml"), t.toString());
    return dir;
  }
}
