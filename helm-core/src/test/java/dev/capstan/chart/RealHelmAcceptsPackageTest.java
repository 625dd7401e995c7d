package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testing.RealHelm;
import dev.capstan.testing.RealHelm.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Helm 4.1.4 accepts what {@link Charts#save} writes (§7.2). The binary comes from
 * {@code ../../shared/tools/real-helm.sh}; the test is skipped only when that script cannot fetch it, and fails instead under CI.
 */
class RealHelmAcceptsPackageTest {
  private static RealHelm realHelm;
  @TempDir static Path tmp;

  @BeforeAll
  static void fetchHelm() throws Exception {
    realHelm = RealHelm.fetch(tmp);
  }

  private static Result helm(String... args) throws Exception {
    return realHelm.helm(args);
  }

  @Test
  @DisplayName("helm show chart, lint and template accept our package of mychart, and template renders as for the directory")
  void helmAcceptsOurPackage() throws Exception {
    // Given our package of the fixture chart
    Path dir = FixtureChartsTest.MYCHART.toAbsolutePath().normalize();
    Path tgz = Charts.save(Charts.load(dir), tmp.resolve("pkg"), ChartPackagingTest.MTIME);

    // When
    Result show = helm("show", "chart", tgz.toString());
    Result lint = helm("lint", tgz.toString());
    Result ours = helm("template", "demo", tgz.toString());
    Result original = helm("template", "demo", dir.toString());

    // Then
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out()).contains("name: mychart").contains("version: 0.1.0");
    assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
    assertThat(lint.out()).contains("1 chart(s) linted, 0 chart(s) failed");
    assertThat(ours.exit()).as(ours.err()).isZero();
    assertThat(original.exit()).as(original.err()).isZero();
    assertThat(ours.out()).isNotBlank().isEqualTo(original.out());
  }

  @Test
  @DisplayName("Helm renders a package with a subchart that we wrote as it renders the directory")
  void helmAcceptsSubchartsAndLock() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src/app"));
    Files.writeString(src.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n"
        + "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://charts/sub\n");
    Files.createDirectories(src.resolve("templates"));
    Files.writeString(src.resolve("templates/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-app\n");
    Path sub = Files.createDirectories(src.resolve("charts/sub/templates"));
    Files.writeString(sub.getParent().resolve("Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 0.1.0\n");
    Files.writeString(sub.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-sub\n");
    Path tgz = Charts.save(Charts.load(src), tmp.resolve("pkg2"), ChartPackagingTest.MTIME);

    Result ours = helm("template", "demo", tgz.toString());
    Result original = helm("template", "demo", src.toString());

    assertThat(ours.exit()).as(ours.err()).isZero();
    assertThat(ours.out()).contains("name: demo-sub").isEqualTo(original.out());
  }

  @Test
  @DisplayName("helm lint accepts our package of a v1 chart (no type written, requirements kept)")
  void helmLintsV1Package() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("v1src/old/templates"));
    Files.writeString(src.getParent().resolve("Chart.yaml"), "apiVersion: v1\nname: old\nversion: 1.0.0\n");
    Files.writeString(src.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-old\n");
    Path tgz = Charts.save(Charts.load(src.getParent()), tmp.resolve("pkg3"), ChartPackagingTest.MTIME);

    Result lint = helm("lint", tgz.toString());

    assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
  }

  @Test
  @DisplayName("helm package and Charts.save write the same Chart.yaml for a chart full of YAML traps")
  void chartYamlMatchesHelmPackage() throws Exception {
    // Given a chart whose Chart.yaml exercises number coercion, sanitising, quoting and key order
    Path src = Files.createDirectories(tmp.resolve("tricky-src/tricky"));
    Files.writeString(src.resolve("Chart.yaml"), """
        apiVersion: v2
        name: tricky
        version: 1.10
        appVersion: 1.0
        description: "tab\\there: colon # hash"
        home: https://example.test/a?b=c
        keywords: ["1.0", "yes", "-dash", "it's", "\u00fc\u00f1\u00ed", "[x]", "?q", "- item"]
        kubeVersion: ">=1.20.0-0"
        maintainers:
          - name: Ann
            email: ann@example.test
          - {}
        annotations:
          b: "2"
          a/b: "multi\\nline"
          c: "kept\\n"
          "10": ten
          "9": nine
          Z: upper
          category: "true"
        dependencies:
          - name: sub
            version: "~1.2"
            repository: "@alias"
            import-values:
              - child: a
                parent: b
              - data
            tags: [x, "on"]
            alias: s_1
            enabled: true
        deprecated: true
        type: application
        """);
    Files.createDirectories(src.resolve("charts/sub"));
    Files.writeString(src.resolve("charts/sub/Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 1.2.0\n");
    Files.writeString(src.resolve("Chart.lock"), """
        dependencies:
        - name: sub
          repository: "@alias"
          version: 1.2.0
        digest: sha256:0123abcd
        generated: "2026-01-02T03:04:05.123456789Z"
        """);
    Path helmOut = Files.createDirectories(tmp.resolve("tricky-helm"));

    // When
    Result pkg = helm("package", src.toString(), "-d", helmOut.toString());
    Path ours = Charts.save(Charts.load(src), tmp.resolve("tricky-ours"), ChartPackagingTest.MTIME);

    // Then
    assertThat(pkg.exit()).as(pkg.err()).isZero();
    Path helms = helmOut.resolve("tricky-1.1.tgz");
    String expected = new String(FixtureChartsTest.tarEntries(helms).get("tricky/Chart.yaml"),
        StandardCharsets.UTF_8);
    String actual = new String(FixtureChartsTest.tarEntries(ours).get("tricky/Chart.yaml"),
        StandardCharsets.UTF_8);
    assertThat(ours.getFileName().toString()).isEqualTo("tricky-1.1.tgz");
    assertThat(actual).isEqualTo(expected);
    assertThat(new String(FixtureChartsTest.tarEntries(ours).get("tricky/Chart.lock"),
        StandardCharsets.UTF_8)).isEqualTo(new String(
            FixtureChartsTest.tarEntries(helms).get("tricky/Chart.lock"), StandardCharsets.UTF_8));
    assertThat(Charts.load(helms).metadata()).isEqualTo(Charts.load(ours).metadata());
  }
}
