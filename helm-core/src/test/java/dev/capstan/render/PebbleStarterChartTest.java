package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Charts;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.release.Hook;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseCodec;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Pebble port of Helm's starter chart ({@code samples/charts/mychart}) renders what real Helm
 * 4.1.4 rendered from the original Go-template chart: every variant of
 * {@code fixtures/templates/MANIFEST.md} byte for byte, and the manifest, hooks and notes of the
 * releases real Helm 3 and Helm 4 recorded.
 */
class PebbleStarterChartTest {
  private static final Path CHART = Path.of("../samples/charts/mychart");
  private static final Path TEMPLATES = Path.of("../../shared/fixtures/templates");
  private static final Path RECORDS = Path.of("../../shared/fixtures/helm-records");

  private static PreparedChart prepared;

  @BeforeAll
  static void prepare() {
    prepared = ChartRenderer.builder().build().prepare(Charts.load(CHART));
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("defaults.yaml", ValueSources.none(), List.of()),
        Arguments.of("set_ingress.enabled-true_autoscaling.enabled-true.yaml",
            ValueSources.builder().set("ingress.enabled=true,autoscaling.enabled=true").build(),
            List.of()),
        Arguments.of("set_replicaCount-3__set-string_image.tag-1.27.yaml",
            ValueSources.builder().set("replicaCount=3").setString("image.tag=1.27").build(),
            List.of()),
        Arguments.of("show-only_templates_service.yaml", ValueSources.none(),
            List.of("templates/service.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  @DisplayName("helm template output equals real Helm's, byte for byte and document by document")
  void templateOutputEqualsRealHelm(String file, ValueSources values, List<String> showOnly)
      throws IOException {
    String expected = Files.readString(TEMPLATES.resolve(file));

    String actual = prepared.render(ReleaseOptions.install("demo", "default"), values.merge())
        .templateText(false, false, showOnly);

    assertThat(Yaml.loadAll(actual, "capstan")).isEqualTo(Yaml.loadAll(expected, file));
    assertThat(actual).isEqualTo(expected);
  }

  static Stream<Arguments> records() {
    List<Arguments> out = new ArrayList<>();
    for (String helm : List.of("helm3", "helm4")) {
      out.add(Arguments.of(helm, "web", "sh.helm.release.v1.web.v1.raw.json", true));
      out.add(Arguments.of(helm, "gone", "sh.helm.release.v1.gone.v1.raw.json", false));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("records")
  @DisplayName("manifest, hooks and notes equal those real Helm stored in its release record")
  void releaseRecordParts(String helm, String name, String record, boolean webValues)
      throws IOException {
    Path dir = RECORDS.resolve(helm);
    Release expected = ReleaseCodec.fromJson(Files.readString(dir.resolve(record)), record);
    Values user = webValues
        ? ValueSources.builder().valuesFile(RECORDS.resolve("values-web.yaml"))
            .set("replicaCount=2").build().merge()
        : Values.empty();

    RenderedChart out = prepared.render(ReleaseOptions.install(name, "default"), user);

    assertThat(out.manifestText()).isEqualTo(expected.manifest());
    assertThat(out.notes()).isEqualTo(expected.info().notes());
    assertThat(out.hooks()).hasSameSizeAs(expected.hooks());
    for (int i = 0; i < expected.hooks().size(); i++) {
      Hook e = expected.hooks().get(i);
      Hook a = out.hooks().get(i);
      assertThat(a.name()).isEqualTo(e.name());
      assertThat(a.kind()).isEqualTo(e.kind());
      assertThat(a.path()).isEqualTo(e.path());
      assertThat(a.manifest()).isEqualTo(e.manifest());
      assertThat(a.events()).isEqualTo(e.events());
      assertThat(a.weight()).isEqualTo(e.weight());
      assertThat(a.deletePolicies()).isEqualTo(e.deletePolicies());
    }
  }

  @Test
  @DisplayName("a show-only pattern that matches no template is Helm's error")
  void showOnlyMissing() {
    RenderedChart out = prepared.render(ReleaseOptions.install("demo", "default"), Values.empty());

    assertThatThrownBy(() -> out.templateText(false, false, List.of("templates/nope.yaml")))
        .isInstanceOf(RenderException.class)
        .hasMessage("could not find template templates/nope.yaml in chart");
  }

  @Test
  @DisplayName("one prepared chart renders the same text from many threads at once")
  void concurrentRenders() throws Exception {
    String expected = Files.readString(TEMPLATES.resolve("defaults.yaml"));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> prepared.render(ReleaseOptions.install("demo", "default"),
            Values.empty()).templateText(false, false, List.of())));
      }
      for (java.util.concurrent.Future<String> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("skip-tests leaves the test hook out of the template output")
  void skipTests() {
    RenderedChart out = prepared.render(ReleaseOptions.install("demo", "default"), Values.empty());

    assertThat(out.templateText(false, false, List.of())).contains("test-connection");
    assertThat(out.templateText(false, true, List.of())).doesNotContain("test-connection");
  }
}
