package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Charts;
import dev.capstan.testing.RealHelm;
import dev.capstan.values.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same expressions written as Helm Go templates and as Pebble print the same text: real Helm
 * 4.1.4 renders the Go side, Capstan the Pebble side, with the same values.
 */
class PebbleFunctionsRealHelmTest {
  private static final String VALUES = """
      name: my-Service_name
      port: 8080
      ratio: 0.25
      big: 1000000
      enabled: true
      empty: ""
      labels: {tier: web, app: shop}
      hosts: [a.example.com, b.example.com]
      nested: {list: [1, 2], map: {k: v}}
      multi: "a\\nb"
      """;

  /** {Go template expression, Pebble expression}. */
  private static final List<String[]> CASES = List.of(
      new String[] {"{{ .Values.name | lower }}", "{{ Values.name | lower }}"},
      new String[] {"{{ .Values.name | upper }}", "{{ Values.name | upper }}"},
      new String[] {"{{ .Values.name | title }}", "{{ Values.name | title }}"},
      new String[] {"{{ .Values.name | trunc 5 }}", "{{ Values.name | trunc(5) }}"},
      new String[] {"{{ .Values.name | trunc -4 }}", "{{ Values.name | trunc(-4) }}"},
      new String[] {"{{ .Values.name | trimSuffix \"name\" }}", "{{ Values.name | trimSuffix(\"name\") }}"},
      new String[] {"{{ .Values.name | trimPrefix \"my-\" }}", "{{ Values.name | trimPrefix(\"my-\") }}"},
      new String[] {"{{ .Values.name | replace \"_\" \"-\" }}", "{{ Values.name | replace(\"_\", \"-\") }}"},
      new String[] {"{{ .Values.name | quote }}", "{{ Values.name | quote }}"},
      new String[] {"{{ .Values.port | quote }}", "{{ Values.port | quote }}"},
      new String[] {"{{ .Values.name | squote }}", "{{ Values.name | squote }}"},
      new String[] {"{{ .Values.empty | default \"fallback\" }}", "{{ Values.empty | default(\"fallback\") }}"},
      new String[] {"{{ .Values.port | default 1 }}", "{{ Values.port | default(1) }}"},
      new String[] {"{{ .Values.missing | default .Values.name }}", "{{ Values.missing | default(Values.name) }}"},
      new String[] {"{{ .Values.port }} {{ .Values.ratio }} {{ .Values.big }}", "{{ Values.port }} {{ Values.ratio }} {{ Values.big }}"},
      new String[] {"{{ .Values.labels }}", "{{ Values.labels }}"},
      new String[] {"{{ .Values.hosts }}", "{{ Values.hosts }}"},
      new String[] {"{{ .Values.labels | toJson }}", "{{ Values.labels | toJson }}"},
      new String[] {"{{ .Values.nested | toYaml | nindent 2 | toJson }}", "{{ Values.nested | toYaml | nindent(2) | toJson }}"},
      new String[] {"{{ .Values.hosts | join \",\" }}", "{{ Values.hosts | join(\",\") }}"},
      new String[] {"{{ first .Values.hosts }} {{ last .Values.hosts }}", "{{ first(Values.hosts) }} {{ last(Values.hosts) }}"},
      new String[] {"{{ printf \"%s:%d\" .Values.name 80 }}", "{{ printf(\"%s:%d\", Values.name, 80) }}"},
      new String[] {"{{ printf \"%d\" .Values.port }}", "{{ printf(\"%d\", Values.port) }}"},
      new String[] {"{{ printf \"%v|%q|%05.1f\" .Values.big .Values.name .Values.ratio }}", "{{ printf(\"%v|%q|%05.1f\", Values.big, Values.name, Values.ratio) }}"},
      new String[] {"{{ .Values.name | b64enc }}", "{{ Values.name | b64enc }}"},
      new String[] {"{{ .Values.name | b64enc | b64dec }}", "{{ Values.name | b64enc | b64dec }}"},
      new String[] {"{{ .Values.name | sha256sum }}", "{{ Values.name | sha256sum }}"},
      new String[] {"{{ hasKey .Values.labels \"tier\" }} {{ hasKey .Values.labels \"x\" }}", "{{ hasKey(Values.labels, \"tier\") }} {{ hasKey(Values.labels, \"x\") }}"},
      new String[] {"{{ empty .Values.empty }} {{ empty .Values.labels }} {{ empty 0 }}", "{{ empty(Values.empty) }} {{ empty(Values.labels) }} {{ empty(0) }}"},
      new String[] {"{{ dict \"a\" 1 \"b\" \"two\" | toJson }}", "{{ dict(\"a\", 1, \"b\", \"two\") | toJson }}"},
      new String[] {"{{ list 1 \"x\" true | toJson }}", "{{ list(1, \"x\", true) | toJson }}"},
      new String[] {"{{ .Values.port | toString | quote }}", "{{ Values.port | toString | quote }}"},
      new String[] {"{{ .Values.ratio | int }} {{ \"42\" | int }} {{ .Values.big | int64 }}", "{{ Values.ratio | int }} {{ \"42\" | int }} {{ Values.big | int64 }}"},
      new String[] {"{{ semverCompare \">=1.25.0-0\" .Capabilities.KubeVersion.Version }}", "{{ semverCompare(\">=1.25.0-0\", Capabilities.KubeVersion.Version) }}"},
      new String[] {"{{ semverCompare \"<1.20\" \"1.19.3\" }}", "{{ semverCompare(\"<1.20\", \"1.19.3\") }}"},
      new String[] {"{{ .Values.multi | indent 3 | toJson }}", "{{ Values.multi | indent(3) | toJson }}"},
      new String[] {"{{ .Values.enabled }} {{ not .Values.enabled }}", "{{ Values.enabled }} {{ not Values.enabled }}"},
      new String[] {"{{ contains \"Service\" .Values.name }}", "{{ Values.name contains \"Service\" }}"},
      new String[] {"{{ add 1 2 3 }} {{ sub 10 4 }} {{ mul 2 3 }} {{ div 7 2 }} {{ mod 7 2 }}", "{{ add(1, 2, 3) }} {{ sub(10, 4) }} {{ mul(2, 3) }} {{ div(7, 2) }} {{ mod(7, 2) }}"},
      new String[] {"{{ keys .Values.labels | sortAlpha | toJson }}", "{{ keys(Values.labels) | sortAlpha | toJson }}"},
      new String[] {"{{ .Values.name | kebabcase }} {{ .Values.name | snakecase }}", "{{ Values.name | kebabcase }} {{ Values.name | snakecase }}"},
      new String[] {"{{ regexReplaceAll \"[^a-z]+\" .Values.name \"-\" }}", "{{ regexReplaceAll(\"[^a-z]+\", Values.name, \"-\") }}"},
      new String[] {"{{ ternary \"yes\" \"no\" .Values.enabled }}", "{{ ternary(\"yes\", \"no\", Values.enabled) }}"},
      new String[] {"{{ typeOf .Values.port }} {{ kindOf .Values.labels }}", "{{ typeOf(Values.port) }} {{ kindOf(Values.labels) }}"},
      new String[] {"{{ tpl \"{{ .Release.Name }}-x\" . }}", "{{ tpl(\"{{ Release.Name }}-x\", _context) }}"});

  @Test
  @DisplayName("Helm functions in Pebble print what real Helm prints for the same Go expression")
  void sameOutputAsRealHelm(@TempDir Path tmp) throws Exception {
    RealHelm helm = RealHelm.fetch(tmp.resolve("helm"));
    Path go = chart(tmp.resolve("go"), "t.yaml", 0);
    Path peb = chart(tmp.resolve("peb"), "t.yaml.peb", 1);

    String expected = helm.helm("template", "rel", go.toString()).requireSuccess().out();
    String actual = ChartRenderer.builder().build()
        .render(Charts.load(peb), ReleaseOptions.install("rel", "default"), Values.empty())
        .templateText(false, false, List.of());

    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    for (int i = 0; i < CASES.size(); i++) {
      String prefix = "# " + i + ": ";
      String w = want.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("<missing>");
      String g = got.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("<missing>");
      assertThat(g).as("case %d: %s", i, CASES.get(i)[1]).isEqualTo(w);
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static Path chart(Path dir, String file, int column) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: fn\nversion: 0.1.0\n");
    Files.writeString(dir.resolve("values.yaml"), VALUES);
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < CASES.size(); i++) {
      t.append("# ").append(i).append(": ").append(CASES.get(i)[column]).append('\n');
    }
    Files.writeString(dir.resolve("templates").resolve(file), t.toString());
    return dir;
  }
}
