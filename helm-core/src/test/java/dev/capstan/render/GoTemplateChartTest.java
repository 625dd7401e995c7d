package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.values.Values;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Go templates through ChartRenderer: Helm's built-in objects, partials, NOTES.txt, errors. */
class GoTemplateChartTest {

  private static Chart chart(String values, String... files) {
    Chart.Builder b = Chart.builder(ChartMetadata.of("c", "1.2.3"))
        .values(Values.fromYaml(values, "values.yaml"));
    for (int i = 0; i < files.length; i += 2) {
      ChartFile f = ChartFile.of(files[i], files[i + 1]);
      if (files[i].startsWith("templates/")) {
        b.addTemplate(f);
      } else {
        b.addFile(f);
      }
    }
    return b.build();
  }

  private static RenderedChart render(Chart c) {
    return ChartRenderer.builder().build().prepare(c)
        .render(ReleaseOptions.install("rel", "ns"), Values.empty());
  }

  @Test
  @DisplayName("built-in objects: Values, Release, Chart, Capabilities, Template, Files")
  void builtins() {
    Chart c = chart("replicas: 3\n",
        "templates/_helpers.tpl", "{{- define \"c.name\" -}}{{ .Chart.Name }}-{{ .Release.Name }}{{- end -}}",
        "templates/cm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ include "c.name" . }}
            data:
              replicas: {{ .Values.replicas | quote }}
              version: {{ .Chart.Version }}
              kube: {{ .Capabilities.KubeVersion.Version }}
              hasApps: {{ .Capabilities.APIVersions.Has "apps/v1" | quote }}
              template: {{ .Template.Name }}
              file: {{ .Files.Get "files/a.txt" | trim }}
              globbed: {{ range $path, $_ := .Files.Glob "files/*.txt" }}{{ $path }};{{ end }}
            {{ (.Files.Glob "files/*.txt").AsConfig | indent 2 }}
            """,
        "files/a.txt", "hello\n");

    RenderedChart out = render(c);

    assertThat(out.manifests()).hasSize(1);
    String text = out.manifests().get(0).content();
    assertThat(text).contains("name: c-rel", "replicas: \"3\"", "version: 1.2.3",
        "hasApps: \"true\"", "template: c/templates/cm.yaml", "file: hello",
        "globbed: files/a.txt;", "  a.txt: |\n    hello");
    assertThat(text).containsPattern("kube: v1\\.\\d+\\.\\d+");
  }

  @Test
  @DisplayName("partials render nothing; NOTES.txt is rendered as notes")
  void partialsAndNotes() {
    Chart c = chart("{}",
        "templates/_x.tpl", "kind: Nothing",
        "templates/NOTES.txt", "Installed {{ .Release.Name }} in {{ .Release.Namespace }}.");

    RenderedChart out = render(c);

    assertThat(out.manifests()).isEmpty();
    assertThat(out.notes()).isEqualTo("Installed rel in ns.");
  }

  @Test
  @DisplayName("a parse error names the template and line at prepare time")
  void parseError() {
    Chart c = chart("{}", "templates/a.yaml", "a: 1\n{{ if }}");

    assertThatThrownBy(() -> ChartRenderer.builder().build().prepare(c))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: c/templates/a.yaml:2: missing value for if");
  }

  @Test
  @DisplayName("required fails with Helm's execution error text")
  void required() {
    Chart c = chart("{}", "templates/a.yaml", "a: {{ required \"a is required\" .Values.a }}");

    assertThatThrownBy(() -> render(c)).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("execution error at (c/templates/a.yaml:1:6): a is required");
  }

  @Test
  @DisplayName("Pebble and Go templates render side by side in one chart")
  void mixed() {
    Chart c = chart("n: 1",
        "templates/a.yaml", "kind: A\nn: {{ .Values.n }}",
        "templates/b.yaml.peb", "kind: B\nn: {{ Values.n }}");

    List<Manifest> ms = render(c).manifests();

    assertThat(ms).extracting(Manifest::kind).containsExactlyInAnyOrder("A", "B");
  }
}
