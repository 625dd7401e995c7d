package dev.capstan.chart;

import static dev.capstan.chart.TestArchives.archive;
import static dev.capstan.chart.TestArchives.chart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-chart corpus (§7.1, §7.2, §2.8): every broken chart or archive fails with a
 * {@link ChartLoadException} whose message names the file and the problem. Text charts live under
 * {@code src/test/resources/malformed/}; binary ones are built here.
 */
class MalformedChartsTest {
  private static final Path CORPUS = Path.of("src/test/resources/malformed");
  private static final String V2 = "apiVersion: v2\nname: mychart\nversion: 0.1.0\n";

  /** Makes the chart (directory or archive) to load inside a scratch directory. */
  @FunctionalInterface
  interface Fixture {
    Path make(Path tmp) throws IOException;
  }

  static Fixture dir(String name) {
    return tmp -> CORPUS.resolve(name);
  }

  static Fixture tgz(String fileName, TestArchives a) {
    return tmp -> a.writeTo(tmp.resolve(fileName));
  }

  static Fixture bytes(String fileName, byte[] data) {
    return tmp -> Files.write(tmp.resolve(fileName), data);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        // Chart.yaml (§7.1)
        Arguments.of("missing Chart.yaml", dir("missing-chart-yaml"),
            "missing-chart-yaml: Chart.yaml file is missing"),
        Arguments.of("bad YAML with line and column", dir("bad-yaml"),
            "bad-yaml/Chart.yaml:3:7: mapping values are not allowed here"),
        Arguments.of("missing name", dir("missing-name"),
            "missing-name/Chart.yaml: validation: chart.metadata.name is required"),
        Arguments.of("missing version", dir("missing-version"),
            "missing-version/Chart.yaml: validation: chart.metadata.version is required"),
        Arguments.of("invalid version", dir("invalid-version"),
            "invalid-version/Chart.yaml: validation: chart.metadata.version \"x\" is invalid"),
        Arguments.of("unsupported apiVersion", dir("bad-api-version"),
            "bad-api-version/Chart.yaml: unsupported chart version: apiVersion \"v9\""),
        Arguments.of("bad type", dir("bad-type"),
            "bad-type/Chart.yaml: validation: chart.metadata.type must be application or library"),
        Arguments.of("name with a slash", dir("name-with-slash"),
            "name-with-slash/Chart.yaml: validation: chart.metadata.name \"a/b\" is invalid"),
        Arguments.of("name ..", dir("name-dotdot"),
            "name-dotdot/Chart.yaml: validation: chart.metadata.name \"..\" is not allowed"),
        Arguments.of("duplicate dependency alias", dir("duplicate-alias"),
            "duplicate-alias/Chart.yaml: validation: more than one dependency with name or alias \"db\""),
        Arguments.of("duplicate dependency name", dir("duplicate-name"),
            "duplicate-name/Chart.yaml: validation: more than one dependency with name or alias \"redis\""),
        Arguments.of("bad alias characters", dir("bad-alias-chars"),
            "bad-alias-chars/Chart.yaml: validation: dependency \"redis\" has disallowed characters in the alias"),
        Arguments.of("null dependency", dir("null-dependency"),
            "null-dependency/Chart.yaml: validation: dependencies must not contain empty or null nodes"),
        Arguments.of("null maintainer", dir("null-maintainer"),
            "null-maintainer/Chart.yaml: validation: maintainers must not contain empty or null nodes"),
        Arguments.of("keywords not a list", dir("keywords-not-list"),
            "keywords-not-list/Chart.yaml: cannot load Chart.yaml: field \"keywords\" must be a list, got the string \"web\""),
        Arguments.of("deprecated not a boolean", dir("deprecated-not-bool"),
            "deprecated-not-bool/Chart.yaml: cannot load Chart.yaml: field \"deprecated\" must be a boolean"),
        Arguments.of("Chart.yaml is a list", dir("chart-yaml-list"),
            "chart-yaml-list/Chart.yaml: cannot load Chart.yaml: the top level is a list, expected a map"),
        Arguments.of("bad requirements.yaml", dir("bad-requirements"),
            "bad-requirements/requirements.yaml:3:"),
        // other files (§7.2)
        Arguments.of("bad values.yaml YAML", dir("bad-values-yaml"),
            "bad-values-yaml/values.yaml:3:1: "),
        Arguments.of("values.yaml top-level list", dir("values-top-level-list"),
            "values-top-level-list/values.yaml: the top level is a list, but values must be a map of keys to values"),
        Arguments.of("bad subchart", dir("bad-subchart"),
            "bad-subchart/charts/sub/Chart.yaml: validation: chart.metadata.version is required"),
        Arguments.of("bad Chart.lock", dir("bad-chart-lock"),
            "bad-chart-lock/Chart.lock: cannot load Chart.lock: field \"dependencies\" must be a list, got a map"),
        Arguments.of("Chart.lock with a bad time", dir("bad-lock-time"),
            "bad-lock-time/Chart.lock: cannot load Chart.lock: generated \"yesterday\" is not an RFC 3339 time"),
        Arguments.of("bad .helmignore", dir("bad-helmignore"),
            "bad-helmignore/.helmignore:2: double-star (**) syntax is not supported"),
        // directories built here (symbolic links, sizes)
        Arguments.of("broken symlink", (Fixture) tmp -> {
          Path c = minimalDir(tmp, "broken-link");
          Files.createSymbolicLink(c.resolve("templates/x.yaml"), c.resolve("missing.yaml"));
          return c;
        }, "broken-link/templates/x.yaml: error evaluating symlink: its target"),
        Arguments.of("symlink out of the chart", (Fixture) tmp -> {
          Path c = minimalDir(tmp, "escaping-link");
          Files.writeString(tmp.resolve("secret.txt"), "s");
          Files.createSymbolicLink(c.resolve("secret.txt"), tmp.resolve("secret.txt"));
          return c;
        }, "escaping-link/secret.txt: symbolic link to "),
        Arguments.of("symlink loop", (Fixture) tmp -> {
          Path c = minimalDir(tmp, "loop");
          Files.createSymbolicLink(c.resolve("templates/again"), c.resolve("templates"));
          return c;
        }, "loop/templates/again: symbolic link loop back to "),
        Arguments.of("oversized file in a directory", (Fixture) tmp -> {
          Path c = minimalDir(tmp, "big-dir");
          Files.write(c.resolve("big.bin"), new byte[5 * 1024 * 1024 + 1]);
          return c;
        }, "big-dir/big.bin: chart file \"big.bin\" is larger than the maximum file size 5242880"),
        Arguments.of("bad subchart archive in a directory", (Fixture) tmp -> {
          Path c = minimalDir(tmp, "parent");
          Files.createDirectories(c.resolve("charts"));
          Files.write(c.resolve("charts/sub-0.1.0.tgz"),
              archive().file("sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: nope\n").tgz());
          return c;
        }, "parent/charts/sub-0.1.0.tgz: sub/Chart.yaml: validation: chart.metadata.version \"nope\" is invalid"),
        // archives (§7.2, §2.8)
        Arguments.of("not gzip", bytes("plain.tgz", "apiVersion: v2\n".getBytes(StandardCharsets.UTF_8)),
            "plain.tgz: does not appear to be a gzipped archive"),
        Arguments.of("YAML given as a chart", bytes("values.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8)),
            "values.yaml: seems to be a YAML file, but expected a gzipped archive"),
        Arguments.of("corrupt gzip", bytes("corrupt.tgz", corruptGzip()),
            "corrupt.tgz: does not appear to be a valid chart file (details: "),
        Arguments.of("truncated gzip", bytes("truncated.tgz", truncated(chart("mychart").tgz())),
            "truncated.tgz: unexpected end of archive"),
        Arguments.of("gzip that is not a tar", bytes("text.tgz", gzip(("x".repeat(600)).getBytes(StandardCharsets.UTF_8))),
            "text.tgz: "),
        Arguments.of("empty archive", tgz("empty.tgz", archive()),
            "empty.tgz: no files in chart archive"),
        Arguments.of("only directories", tgz("dirs.tgz", archive().dir("mychart/").dir("mychart/templates/")),
            "dirs.tgz: no files in chart archive"),
        Arguments.of("Chart.yaml at the archive root", tgz("root.tgz", archive().file("Chart.yaml", V2)),
            "root.tgz: chart yaml not in base directory"),
        Arguments.of("parent-directory entry", tgz("dotdot.tgz", chart("mychart").file("mychart/../../evil", "x")),
            "dotdot.tgz: entry \"mychart/../../evil\": chart illegally references parent directory"),
        Arguments.of("absolute entry", tgz("abs.tgz", chart("mychart").file("//etc/evil", "x")),
            "abs.tgz: entry \"//etc/evil\": chart illegally contains absolute paths"),
        Arguments.of("backslash entry escaping", tgz("backslash.tgz", chart("mychart").file("mychart\\..\\..\\evil", "x")),
            "backslash.tgz: entry \"mychart\\..\\..\\evil\": chart illegally references parent directory"),
        Arguments.of("Windows drive entry", tgz("drive.tgz", chart("mychart").file("mychart\\C:\\evil", "x")),
            "drive.tgz: entry \"mychart\\C:\\evil\": chart contains illegally named files"),
        Arguments.of("symlink entry", tgz("symlink.tgz", chart("mychart").symlink("mychart/templates/x.yaml", "/etc/passwd")),
            "symlink.tgz: entry \"mychart/templates/x.yaml\" is a symbolic link to \"/etc/passwd\""),
        Arguments.of("hard link entry", tgz("hardlink.tgz", chart("mychart").hardlink("mychart/x", "mychart/Chart.yaml")),
            "hardlink.tgz: entry \"mychart/x\" is a hard link to \"mychart/Chart.yaml\""),
        Arguments.of("oversized file", tgz("bigfile.tgz", chart("mychart").zeros("mychart/big.bin", 5L * 1024 * 1024 + 1)),
            "bigfile.tgz: decompressed chart file \"mychart/big.bin\" is larger than the maximum file size 5242880"),
        Arguments.of("oversized total", tgz("bigtotal.tgz", manyFiles(21, 5L * 1024 * 1024)),
            "bigtotal.tgz: decompressed chart is larger than the maximum size 104857600"),
        Arguments.of("archive without Chart.yaml", tgz("nochart.tgz", archive().file("mychart/values.yaml", "a: 1\n")),
            "nochart.tgz: mychart: Chart.yaml file is missing"),
        Arguments.of("bad values.yaml in an archive", tgz("badvalues.tgz", chart("mychart").file("mychart/values.yaml", "a: [\n")),
            "badvalues.tgz: mychart/values.yaml:2:1: "),
        Arguments.of("bad nested subchart archive", tgz("nested.tgz", chart("mychart").file("mychart/charts/sub-1.0.0.tgz",
            archive().file("sub/Chart.yaml", "apiVersion: v2\nversion: 1.0.0\n").tgz())),
            "nested.tgz: mychart/charts/sub-1.0.0.tgz: sub/Chart.yaml: validation: chart.metadata.name is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void malformedChartFailsNamingFileAndProblem(String description, Fixture fixture, String expected,
      @TempDir Path tmp) throws IOException {
    // Given
    Path chart = fixture.make(tmp);

    // When / Then
    assertThatThrownBy(() -> Charts.load(chart))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageStartingWith(expected);
  }

  @org.junit.jupiter.api.Test
  void corpusIsLargeEnough() {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(25);
  }

  static Path minimalDir(Path tmp, String name) throws IOException {
    Path c = Files.createDirectories(tmp.resolve(name).resolve("templates")).getParent();
    Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
    return c;
  }

  private static TestArchives manyFiles(int count, long size) {
    TestArchives a = chart("mychart");
    for (int i = 0; i < count; i++) {
      a.zeros("mychart/files/blob" + i + ".bin", size);
    }
    return a;
  }

  private static byte[] corruptGzip() {
    byte[] data = new byte[64];
    data[0] = 0x1f;
    data[1] = (byte) 0x8b;
    data[2] = 0x08;
    data[3] = (byte) 0xE0; // reserved flag bits set: an invalid header
    return data;
  }

  private static byte[] truncated(byte[] tgz) {
    return Arrays.copyOf(tgz, tgz.length / 2);
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
