package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartLoadException;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.chart.ChartType;
import dev.capstan.chart.KubeVersionException;
import dev.capstan.release.HookEvent;
import dev.capstan.values.SchemaValidationException;
import dev.capstan.values.Values;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Pebble engine and the render pipeline on small charts built in memory. */
class PebbleEngineTest {
  private static final ReleaseOptions INSTALL = ReleaseOptions.install("rel", "ns1");

  /** A chart named {@code c} with the given values YAML and files (path, text, path, text...). */
  static Chart chart(String values, String... files) {
    return chart(ChartMetadata.of("c", "1.2.3"), values, files);
  }

  static Chart chart(ChartMetadata md, String values, String... files) {
    Chart.Builder b = Chart.builder(md).values(Values.fromYaml(values, "values.yaml"));
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

  /**
   * Renders {@code chart} and answers the output of {@code template}. Rendered documents must be
   * YAML maps (Helm sorts them by kind), so single-line test templates print a YAML comment:
   * {@code "# "} at the start of the output is dropped here.
   */
  static String render(Chart chart, String template) {
    return uncomment(ChartRenderer.builder().build().render(chart, INSTALL, Values.empty()).files()
        .get(chart.name() + "/" + template));
  }

  static String uncomment(String out) {
    return out != null && out.startsWith("# ") ? out.substring(2) : out;
  }

  static String renderOne(String values, String template) {
    return render(chart(values, "templates/t.yaml.peb", "# " + template), "templates/t.yaml");
  }

  @Nested
  @DisplayName("built-in objects (§7.3)")
  class BuiltIns {
    @Test
    @DisplayName("Release has Name, Namespace, IsInstall, IsUpgrade, Revision and Service")
    void release() {
      Chart c = chart("{}", "templates/t.peb",
          "# {{ Release.Name }} {{ Release.Namespace }} {{ Release.IsInstall }} {{ Release.IsUpgrade }}"
              + " {{ Release.Revision }} {{ Release.Service }}");

      RenderedChart out = ChartRenderer.builder().build()
          .render(c, ReleaseOptions.upgrade("web", "prod", 7), Values.empty());

      assertThat(uncomment(out.files().get("c/templates/t"))).isEqualTo("web prod false true 7 Helm");
    }

    @Test
    @DisplayName("Chart carries Chart.yaml under Go field names, plus IsRoot")
    void chartObject() {
      ChartMetadata md = new ChartMetadata("v2", "c", "1.2.3", ">=1.20.0-0", "desc",
          ChartType.APPLICATION, List.of("k"), "https://h", List.of(), List.of(), null, "9.9",
          false, Map.of("a", "b"), List.of(), null, null);

      String out = render(chart(md, "{}", "templates/t.peb",
          "# {{ Chart.Name }} {{ Chart.Version }} {{ Chart.AppVersion }} {{ Chart.APIVersion }}"
              + " {{ Chart.Description }} {{ Chart.Home }} {{ Chart.KubeVersion }} {{ Chart.IsRoot }}"
              + " {{ Chart.Keywords }} {{ Chart.Annotations.a }} {{ Chart.Type }}"), "templates/t");

      assertThat(out).isEqualTo("c 1.2.3 9.9 v2 desc https://h >=1.20.0-0 true [k] b application");
    }

    @Test
    @DisplayName("Chart.Type is empty when Chart.yaml gives no type, as Helm's Metadata.Type")
    void chartTypeEmptyWhenUndeclared() {
      ChartMetadata md = new ChartMetadata("v2", "c", "1.2.3", null, null, null, List.of(), null,
          List.of(), List.of(), null, null, false, Map.of(), List.of(), null, null);

      String out = render(chart(md, "{}", "templates/t.peb", "# [{{ Chart.Type }}]"),
          "templates/t");

      assertThat(out).isEqualTo("[]");
    }

    @Test
    @DisplayName("Template has the output Name and the BasePath")
    void template() {
      assertThat(render(chart("{}", "templates/sub/t.yaml.peb", "# {{ Template.Name }}|{{ Template.BasePath }}"),
          "templates/sub/t.yaml")).isEqualTo("c/templates/sub/t.yaml|c/templates");
    }

    @Test
    @DisplayName("Capabilities: Helm's default Kubernetes version and API versions, with Has")
    void capabilities() {
      assertThat(renderOne("{}", "{{ Capabilities.KubeVersion }} {{ Capabilities.KubeVersion.Version }}"
          + " {{ Capabilities.KubeVersion.Major }}.{{ Capabilities.KubeVersion.Minor }}"
          + " {{ Capabilities.APIVersions.Has(\"apps/v1\") }} {{ Capabilities.APIVersions.Has(\"x/v9\") }}"
          + " {{ Capabilities.HelmVersion.Version }}"))
          .isEqualTo("v1.35.0 v1.35.0 1.35 true false v4.1.4");
    }

    @Test
    @DisplayName("capabilities given to the renderer replace the defaults")
    void customCapabilities() {
      Chart c = chart("{}", "templates/t.peb",
          "# {{ Capabilities.KubeVersion.Version }} {{ Capabilities.APIVersions.Has(\"example.com/v1\") }}");
      ChartRenderer r = ChartRenderer.builder().capabilities(Capabilities.defaults()
          .withKubeVersion("1.30").withExtraApiVersions(List.of("example.com/v1"))).build();

      assertThat(uncomment(r.render(c, INSTALL, Values.empty()).files().get("c/templates/t")))
          .isEqualTo("v1.30.0 true");
    }

    @Test
    @DisplayName("Files: Get, Glob, AsConfig, Lines, and a missing file is empty")
    void files() {
      Chart c = chart("{}",
          "conf/a.txt", "alpha\n",
          "conf/b.txt", "beta",
          "other.txt", "one\ntwo\n",
          "templates/t.peb",
          "a: {{ Files.Get(\"conf/a.txt\") | toJson }}\nmissing: {{ Files.Get(\"missing\") | toJson }}\n"
              + "config:\n{{ Files.Glob(\"conf/*\").AsConfig() | indent(2) }}\n"
              + "lines: {{ Files.Lines(\"other.txt\") | toJson }}");

      assertThat(render(c, "templates/t")).isEqualTo("a: \"alpha\\n\"\nmissing: \"\"\n"
          + "config:\n  a.txt: |\n    alpha\n  b.txt: beta\nlines: [\"one\",\"two\"]");
    }

    @Test
    @DisplayName("a subchart renders with its own Values table and Chart; the parent sees Subcharts")
    void subcharts() {
      Chart sub = chart(ChartMetadata.of("sub", "0.1.0"), "port: 80\n",
          "templates/s.yaml.peb", "# {{ Chart.Name }} {{ Chart.IsRoot }} {{ Values.port }}");
      Chart parent = chart("sub:\n  port: 8080\n",
          "templates/p.yaml.peb", "# {{ Subcharts.sub.Values.port }} {{ Subcharts.sub.Chart.Name }}")
          .toBuilder().addSubchart(sub).build();

      Map<String, String> files =
          ChartRenderer.builder().build().render(parent, INSTALL, Values.empty()).files();

      assertThat(files).containsEntry("c/charts/sub/templates/s.yaml", "# sub false 8080")
          .containsEntry("c/templates/p.yaml", "# 8080 sub");
    }
  }

  @Nested
  @DisplayName("Go semantics")
  class GoSemantics {
    @Test
    @DisplayName("numbers print as Go prints float64 and int64 values, maps and lists as %v")
    void printing() {
      assertThat(renderOne("a: 1\nb: 1.5\nc: 1000000\nd: {zz: 2, x: one}\ne: [a, 2]\nf: true\n",
          "{{ Values.a }} {{ Values.b }} {{ Values.c }} {{ Values.d }} {{ Values.e }} {{ Values.f }}"
              + " [{{ Values.missing }}]"))
          .isEqualTo("1 1.5 1e+06 map[x:one zz:2] [a 2] true []");
    }

    @Test
    @DisplayName("if, and, or, not use Go's truth: empty maps, lists, strings and zero are false")
    void truth() {
      assertThat(renderOne("m: {}\nl: []\ns: ''\nz: 0\nfull: {a: 1}\n",
          "{% if Values.m %}m{% endif %}{% if Values.l %}l{% endif %}{% if Values.s %}s{% endif %}"
              + "{% if Values.z %}z{% endif %}{% if Values.full %}F{% endif %}"
              + "{% if not Values.m %}!m{% endif %}{% if Values.full and Values.l %}&{% endif %}"
              + "{% if Values.full or Values.l %}|{% endif %}"))
          .isEqualTo("F!m|");
    }

    @Test
    @DisplayName("whitespace is kept as written; a dash trims it as in Go templates")
    void whitespace() {
      assertThat(render(chart("{}", "templates/t.peb", "a:\n  {%- if true %}\n  b: 1\n  {%- endif %}\n"),
          "templates/t")).isEqualTo("a:\n  b: 1\n");
    }

    @Test
    @DisplayName("maps iterate in sorted key order, as Go's range does")
    void mapOrder() {
      assertThat(renderOne("m: {zeta: 1, alpha: 2, mid: 3}\n",
          "{% for e in Values.m %}{{ e.key }}{% endfor %}")).isEqualTo("alphamidzeta");
    }

    @Test
    @DisplayName("Helm functions work as functions with Go's argument order and as filters")
    void functionsAndFilters() {
      assertThat(renderOne("name: my-very-long-name\n",
          "{{ trunc(5, Values.name) }} {{ Values.name | trunc(5) }} {{ Values.x | default(\"d\") }}"
              + " {{ printf(\"%s-%d\", Values.name, 3) }} {{ Values.name | quote }}"))
          .isEqualTo("my-ve my-ve d my-very-long-name-3 \"my-very-long-name\"");
    }
  }

  @Nested
  @DisplayName("named templates, include and tpl")
  class Partials {
    @Test
    @DisplayName("define in a partial, include with the current or a given context")
    void includeDefine() {
      Chart c = chart("who: world\n",
          "templates/_helpers.peb", "{% define \"c.greet\" %}hello {{ Values.who }}{% enddefine %}"
              + "{% define \"c.echo\" %}[{{ dot }}]{% enddefine %}",
          "templates/t.peb", "# {{ include(\"c.greet\") }} {{ include(\"c.greet\", _context) }}"
              + " {{ include(\"c.echo\", \"x\") | upper }}");

      assertThat(render(c, "templates/t")).isEqualTo("hello world hello world [X]");
    }

    @Test
    @DisplayName("partials are not emitted")
    void partialsNotEmitted() {
      Chart c = chart("{}", "templates/_helpers.peb", "kind: ConfigMap", "templates/t.peb", "# x");

      assertThat(ChartRenderer.builder().build().render(c, INSTALL, Values.empty()).files())
          .containsOnlyKeys("c/templates/t");
    }

    @Test
    @DisplayName("a parent's define overrides a subchart's define of the same name")
    void parentOverrides() {
      Chart sub = chart(ChartMetadata.of("sub", "0.1.0"), "{}",
          "templates/_h.peb", "{% define \"shared\" %}sub{% enddefine %}",
          "templates/s.peb", "# {{ include(\"shared\") }}");
      Chart parent = chart("{}", "templates/_h.peb", "{% define \"shared\" %}parent{% enddefine %}")
          .toBuilder().addSubchart(sub).build();

      assertThat(ChartRenderer.builder().build().render(parent, INSTALL, Values.empty()).files())
          .containsEntry("c/charts/sub/templates/s", "# parent");
    }

    @Test
    @DisplayName("tpl renders a value as a template in the given context")
    void tpl() {
      assertThat(renderOne("greeting: 'Hi {{ Release.Name }} from {{ Values.place }}'\nplace: here\n",
          "{{ tpl(Values.greeting, _context) }}")).isEqualTo("Hi rel from here");
    }

    @Test
    @DisplayName("an include of an undefined template names it")
    void undefinedInclude() {
      assertThatThrownBy(() -> renderOne("{}", "line1\n# {{ include(\"nope\") }}"))
          .isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(e.template()).isEqualTo("c/templates/t.yaml.peb");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.problem()).contains("no template \"nope\"");
          });
    }

    @Test
    @DisplayName("endless include recursion stops with an error instead of overflowing")
    void recursion() {
      Chart c = chart("{}", "templates/_h.peb", "{% define \"loop\" %}{{ include(\"loop\") }}{% enddefine %}",
          "templates/t.peb", "# {{ include(\"loop\") }}");

      assertThatThrownBy(() -> render(c, "templates/t")).isInstanceOf(TemplateException.class)
          .hasMessageContaining("loop");
    }
  }

  @Nested
  @DisplayName("errors name the chart, the template, the line and what failed")
  class Errors {
    @Test
    @DisplayName("required fails with its message")
    void required() {
      assertThatThrownBy(() -> renderOne("{}", "a: 1\n# b: {{ required(\"b is required\", Values.b) }}"))
          .isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("c/templates/t.yaml.peb:2: execution error: b is required");
            assertThat(e.line()).isEqualTo(2);
          });
    }

    @Test
    @DisplayName("required passes a present value through, as a filter too")
    void requiredPresent() {
      assertThat(renderOne("b: x\n", "{{ Values.b | required(\"need b\") }}")).isEqualTo("x");
    }

    @Test
    @DisplayName("fail stops the render with its message")
    void fail() {
      assertThatThrownBy(() -> renderOne("{}", "{{ fail(\"unsupported setup\") }}"))
          .hasMessage("c/templates/t.yaml.peb:1: execution error: unsupported setup");
    }

    @Test
    @DisplayName("strict mode: a missing key is an error naming it; without it, it prints nothing")
    void strict() {
      Chart c = chart("a: {}\n", "templates/t.peb", "# x{{ Values.a.missing }}{{ Values.nope.deeper }}");

      assertThat(render(c, "templates/t")).isEqualTo("x");
      assertThatThrownBy(() -> ChartRenderer.builder().strict(true).build()
          .render(c, INSTALL, Values.empty()))
          .isInstanceOf(TemplateException.class).hasMessageContaining("missing")
          .hasMessageStartingWith("c/templates/t.peb:1:");
    }

    @Test
    @DisplayName("an unknown filter is named")
    void unknownFilter() {
      assertThatThrownBy(() -> renderOne("{}", "{{ 'a' | frobnicate }}"))
          .isInstanceOf(TemplateException.class).hasMessageContaining("frobnicate")
          .hasMessageStartingWith("c/templates/t.yaml.peb:1:");
    }

    @Test
    @DisplayName("a syntax error names the template and the line at prepare time")
    void syntax() {
      Chart c = chart("{}", "templates/t.peb", "ok\n{% if %}");

      assertThatThrownBy(() -> ChartRenderer.builder().build().prepare(c))
          .isInstanceOf(TemplateException.class).hasMessageStartingWith("c/templates/t.peb:2:");
    }

    @Test
    @DisplayName("a template that no configured engine renders is refused, naming the file; by default Go templates render it")
    void noEngine() {
      Chart c = chart("kind: ConfigMap", "templates/deployment.yaml", "kind: {{ .Values.kind }}");

      assertThatThrownBy(() -> ChartRenderer.builder().engine(TemplateEngine.pebble()).build().prepare(c))
          .isInstanceOf(RenderException.class)
          .hasMessageStartingWith("c/templates/deployment.yaml: no template engine renders this file");
      assertThat(ChartRenderer.builder().build().prepare(c)
          .render(ReleaseOptions.install("r", "ns"), Values.empty()).manifests()).hasSize(1);
    }

    @Test
    @DisplayName("wrong argument types get Go's message")
    void wrongType() {
      assertThatThrownBy(() -> renderOne("num: 5\n", "{{ trunc(2, Values.num) }}"))
          .hasMessageContaining("error calling trunc: wrong type for value; expected string; got float64");
    }
  }

  @Nested
  @DisplayName("safety limits")
  class Limits {
    @Test
    @DisplayName("templates can read only the chart's own templates")
    void loaderConfined() {
      for (String path : List.of("../../../../etc/passwd", "/etc/passwd", "META-INF/MANIFEST.MF",
          "dev/capstan/CapstanException.class", "c/values.yaml")) {
        assertThatThrownBy(() -> renderOne("{}", "{% include \"" + path + "\" %}"), path)
            .isInstanceOf(TemplateException.class);
      }
    }

    @Test
    @DisplayName("templates of the chart can be included by full or relative name")
    void loaderIncludes() {
      Chart c = chart("{}", "templates/_part.peb", "P{{ Release.Name }}",
          "templates/t.peb", "# {% include \"./_part.peb\" %}-{% include \"c/templates/_part.peb\" %}");

      assertThat(render(c, "templates/t")).isEqualTo("Prel-Prel");
    }

    @Test
    @DisplayName("output beyond the maximum rendered size fails the render, includes counted")
    void maxSize() {
      Chart direct = chart("{}", "templates/t.peb", "# {% for i in range(1, 5000) %}0123456789{% endfor %}");
      Chart viaInclude = chart("{}",
          "templates/_h.peb", "{% define \"big\" %}{% for i in range(1, 5000) %}0123456789{% endfor %}{% enddefine %}",
          "templates/t.peb", "# {{ include(\"big\") | sha256sum }}");
      ChartRenderer small = ChartRenderer.builder().maxRenderedChars(10_000).build();

      assertThatThrownBy(() -> small.render(direct, INSTALL, Values.empty()))
          .isInstanceOf(TemplateException.class);
      assertThatThrownBy(() -> small.render(viaInclude, INSTALL, Values.empty()))
          .isInstanceOf(TemplateException.class).hasMessageContaining("maximum rendered size");
      assertThat(ChartRenderer.builder().build().render(viaInclude, INSTALL, Values.empty())
          .files().get("c/templates/t")).hasSize(66);
    }
  }

  @Nested
  @DisplayName("the render pipeline (§5.1)")
  class Pipeline {
    @Test
    @DisplayName("NOTES.txt of the root chart become the notes; subchart notes only when asked")
    void notes() {
      Chart sub = chart(ChartMetadata.of("sub", "0.1.0"), "{}", "templates/NOTES.txt.peb", "sub notes");
      Chart c = chart("{}", "templates/NOTES.txt.peb", "Installed {{ Release.Name }}.")
          .toBuilder().addSubchart(sub).build();

      RenderedChart plain = ChartRenderer.builder().build().render(c, INSTALL, Values.empty());
      RenderedChart all = ChartRenderer.builder().subchartNotes(true).build()
          .render(c, INSTALL, Values.empty());

      assertThat(plain.notes()).isEqualTo("Installed rel.");
      assertThat(plain.files()).isEmpty();
      assertThat(all.notes()).contains("Installed rel.").contains("sub notes");
    }

    @Test
    @DisplayName("CRDs are collected from crds/ without templating and are not in the manifest")
    void crds() {
      Chart c = chart("{}", "crds/crd.yaml", "kind: CustomResourceDefinition # {{ not templated }}",
          "crds/README.md", "not a manifest",
          "templates/t.yaml.peb", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x");

      RenderedChart out = ChartRenderer.builder().build().render(c, INSTALL, Values.empty());

      assertThat(out.crds()).containsExactly(
          new ChartCrd("c/crds/crd.yaml", "kind: CustomResourceDefinition # {{ not templated }}"));
      assertThat(out.manifestText()).doesNotContain("CustomResourceDefinition");
      assertThat(out.templateText(true, false, List.of()))
          .startsWith("---\n# Source: c/crds/crd.yaml\nkind: CustomResourceDefinition");
    }

    @Test
    @DisplayName("documents are split, empty ones dropped, hooks separated, manifests in install order")
    void sorting() {
      Chart c = chart("{}", "templates/a.yaml.peb",
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n---\n---\n"
              + "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n",
          "templates/b.yaml.peb", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n"
              + "  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-weight: \"-5\"\n");

      RenderedChart out = ChartRenderer.builder().build().render(c, INSTALL, Values.empty());

      assertThat(out.manifests()).extracting(Manifest::kind).containsExactly("ServiceAccount", "Deployment");
      assertThat(out.sorted().manifestsInUninstallOrder()).extracting(Manifest::kind)
          .containsExactly("Deployment", "ServiceAccount");
      assertThat(out.hooks()).singleElement().satisfies(h -> {
        assertThat(h.events()).containsExactly(HookEvent.PRE_INSTALL);
        assertThat(h.weight()).isEqualTo(-5);
      });
    }

    @Test
    @DisplayName("library charts cannot be rendered as a release; their defines serve the parent")
    void library() {
      ChartMetadata libMd = new ChartMetadata("v2", "lib", "1.0.0", null, null, ChartType.LIBRARY,
          List.of(), null, List.of(), List.of(), null, null, false, Map.of(), List.of(), null, null);
      Chart lib = chart(libMd, "{}", "templates/_lib.peb", "{% define \"lib.name\" %}from-lib{% enddefine %}",
          "templates/ignored.yaml.peb", "kind: Ignored");
      Chart app = chart("{}", "templates/t.peb", "# {{ include(\"lib.name\") }}").toBuilder()
          .addSubchart(lib).build();

      assertThat(ChartRenderer.builder().build().render(app, INSTALL, Values.empty()).files())
          .containsExactly(Map.entry("c/templates/t", "# from-lib"));
      assertThatThrownBy(() -> ChartRenderer.builder().build().render(lib, INSTALL, Values.empty()))
          .isInstanceOf(ChartLoadException.class).hasMessage("library charts are not installable");
    }

    @Test
    @DisplayName("the chart's kubeVersion is checked against the capabilities")
    void kubeVersion() {
      ChartMetadata md = new ChartMetadata("v2", "c", "1.0.0", "<1.20.0", null, ChartType.APPLICATION,
          List.of(), null, List.of(), List.of(), null, null, false, Map.of(), List.of(), null, null);

      assertThatThrownBy(() -> ChartRenderer.builder().build()
          .render(chart(md, "{}", "templates/t.peb", "# x"), INSTALL, Values.empty()))
          .isInstanceOf(KubeVersionException.class);
    }

    @Test
    @DisplayName("values are validated against values.schema.json unless disabled")
    void schema() {
      Chart c = chart("port: 80\n", "templates/t.peb", "# {{ Values.port }}").toBuilder()
          .schema("{\"properties\": {\"port\": {\"type\": \"integer\"}}}".getBytes(StandardCharsets.UTF_8))
          .build();
      Values bad = Values.fromYaml("port: eighty\n", "user");

      assertThatThrownBy(() -> ChartRenderer.builder().build().render(c, INSTALL, bad))
          .isInstanceOf(SchemaValidationException.class);
      assertThat(ChartRenderer.builder().validateSchema(false).build().render(c, INSTALL, bad)
          .files().get("c/templates/t")).isEqualTo("# eighty");
    }

    @Test
    @DisplayName("lookup asks the Lookup given to the render; offline it answers an empty map")
    void lookup() {
      Chart c = chart("{}", "templates/t.peb",
          "# {% set cm = lookup(\"v1\", \"ConfigMap\", Release.Namespace, \"cfg\") %}"
              + "{% if cm %}{{ cm.data.key }}{% else %}none{% endif %}");
      Lookup cluster = (api, kind, ns, name) -> api.equals("v1") && kind.equals("ConfigMap")
          && ns.equals("ns1") && name.equals("cfg") ? Map.of("data", Map.of("key", "live")) : Map.of();
      PreparedChart p = ChartRenderer.builder().build().prepare(c);

      assertThat(p.render(INSTALL, Values.empty()).files().get("c/templates/t")).isEqualTo("# none");
      assertThat(p.render(INSTALL, Values.empty(), cluster).files().get("c/templates/t"))
          .isEqualTo("# live");
    }

    @Test
    @DisplayName("templates are compiled once: the same chart loaded again reuses the compilation")
    void compiledOnce() {
      ChartRenderer r = ChartRenderer.builder().build();
      TemplateEngine pebble = r.engines.all().get(0);
      List<TemplateSource> sources = List.of(new TemplateSource("c/templates/t.peb", "x"));

      CompiledTemplates first = r.compile(pebble, sources);
      CompiledTemplates again = r.compile(pebble, List.of(new TemplateSource("c/templates/t.peb", "x")));
      CompiledTemplates other = r.compile(pebble, List.of(new TemplateSource("c/templates/t.peb", "y")));

      assertThat(again).isSameAs(first);
      assertThat(other).isNotSameAs(first);
    }
  }
}
