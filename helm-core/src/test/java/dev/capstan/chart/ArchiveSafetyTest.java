package dev.capstan.chart;

import static dev.capstan.chart.TestArchives.chart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile archives (§7.2, §2.8): unpacking never writes outside the target; bombs stop early. */
class ArchiveSafetyTest {
  @TempDir Path tmp;

  private Path target() throws IOException {
    return Files.createDirectories(tmp.resolve("out/target"));
  }

  private void assertNothingOutside(Path target) throws IOException {
    try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
      assertThat(s.filter(Files::isRegularFile))
          .allSatisfy(p -> assertThat(p.normalize()).startsWith(target));
    }
    assertThat(tmp.resolve("out/evil")).doesNotExist();
  }

  @Test
  @DisplayName("a normal archive unpacks into target/<chart name>/")
  void unpacksChart() throws IOException {
    // Given
    Path tgz = chart("mychart").file("mychart/templates/cm.yaml", "kind: ConfigMap\n")
        .writeTo(tmp.resolve("mychart-0.1.0.tgz"));

    // When
    Path dir = ChartArchives.unpack(tgz, target());

    // Then
    assertThat(dir).isEqualTo(target().toRealPath().resolve("mychart"));
    assertThat(dir.resolve("templates/cm.yaml")).hasContent("kind: ConfigMap");
    assertThat(Charts.load(dir).name()).isEqualTo("mychart");
  }

  @Test
  @DisplayName("unpack names the directory after Chart.yaml's name, not the archive's top directory")
  void unpackUsesChartName() throws IOException {
    Path tgz = TestArchives.archive()
        .file("whatever/Chart.yaml", "apiVersion: v2\nname: real\nversion: 1.0.0\n")
        .writeTo(tmp.resolve("x.tgz"));

    assertThat(ChartArchives.unpack(tgz, target()).getFileName().toString()).isEqualTo("real");
  }

  @Test
  @DisplayName("../evil is refused and nothing is written")
  void refusesParentEntries() throws IOException {
    Path tgz = chart("mychart").file("mychart/../../evil", "x").writeTo(tmp.resolve("a.tgz"));
    Path target = target();

    assertThatThrownBy(() -> ChartArchives.unpack(tgz, target))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageContaining("chart illegally references parent directory");
    assertNothingOutside(target);
    try (Stream<Path> s = Files.list(target)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  @DisplayName("/abs loses its leading / as in Helm and lands inside the chart directory")
  void absoluteEntryStaysInside() throws IOException {
    Path tgz = chart("mychart").file("/abs", "x").writeTo(tmp.resolve("a.tgz"));
    Path target = target();

    Path dir = ChartArchives.unpack(tgz, target);

    assertThat(dir.resolve("abs")).hasContent("x");
    assertNothingOutside(target.toRealPath());
  }

  @Test
  @DisplayName("//abs is refused as an absolute path")
  void doubleSlashAbsoluteIsRefused() throws IOException {
    Path tgz = chart("mychart").file("//etc/evil", "x").writeTo(tmp.resolve("a.tgz"));
    Path target = target();

    assertThatThrownBy(() -> ChartArchives.unpack(tgz, target))
        .hasMessageContaining("chart illegally contains absolute paths");
    assertNothingOutside(target);
  }

  @Test
  @DisplayName("a\\\\b is a Windows separator: it unpacks as a/b inside the chart")
  void backslashEntryStaysInside() throws IOException {
    Path tgz = chart("mychart").file("mychart\\a\\b", "x").writeTo(tmp.resolve("a.tgz"));
    Path target = target();

    Path dir = ChartArchives.unpack(tgz, target);

    assertThat(dir.resolve("a/b")).hasContent("x");
    assertNothingOutside(target.toRealPath());
  }

  @Test
  @DisplayName("a symlink entry to /etc is refused")
  void refusesSymlinkEntries() throws IOException {
    Path tgz = chart("mychart").symlink("mychart/etc", "/etc").file("mychart/etc/passwd", "x")
        .writeTo(tmp.resolve("a.tgz"));
    Path target = target();

    assertThatThrownBy(() -> ChartArchives.unpack(tgz, target))
        .hasMessageContaining("is a symbolic link to \"/etc\"");
    assertNothingOutside(target);
  }

  @Test
  @DisplayName("unpack does not write through a symlink already present in the target")
  void refusesExistingSymlinkInTarget() throws IOException {
    Path target = target();
    Files.createDirectories(target.resolve("mychart"));
    Files.createDirectories(tmp.resolve("out/elsewhere"));
    Files.createSymbolicLink(target.resolve("mychart/templates"), tmp.resolve("out/elsewhere"));
    Path tgz = chart("mychart").file("mychart/templates/cm.yaml", "x").writeTo(tmp.resolve("a.tgz"));

    assertThatThrownBy(() -> ChartArchives.unpack(tgz, target))
        .hasMessageContaining("symbolic link");
    assertThat(tmp.resolve("out/elsewhere/cm.yaml")).doesNotExist();
  }

  @Test
  @DisplayName("a huge file is refused by its header before anything is written")
  void refusesHugeFile() throws IOException {
    Path tgz = chart("mychart").zeros("mychart/huge.bin", 64L * 1024 * 1024)
        .writeTo(tmp.resolve("a.tgz"));
    Path target = target();

    assertThatThrownBy(() -> ChartArchives.unpack(tgz, target))
        .hasMessageContaining("is larger than the maximum file size 5242880");
    try (Stream<Path> s = Files.list(target)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  @DisplayName("a gzip bomb is stopped at the total limit without reading the whole stream")
  void stopsGzipBombEarly() {
    // Given an archive that decompresses to 40 x 1 MiB, read with a 4 MiB total limit
    TestArchives bomb = chart("mychart");
    for (int i = 0; i < 40; i++) {
      bomb.zeros("mychart/z" + i, 1024 * 1024);
    }
    byte[] tgz = bomb.tgz();
    CountingStream in = new CountingStream(new ByteArrayInputStream(tgz));

    // When / Then
    assertThatThrownBy(() -> ArchiveReader.read(in, "bomb.tgz",
        new ArchiveReader.Limits(4L * 1024 * 1024, 2L * 1024 * 1024)))
        .isInstanceOf(ChartLoadException.class)
        .hasMessage("bomb.tgz: decompressed chart is larger than the maximum size 4194304");
    assertThat(in.count).isLessThan(tgz.length / 2);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "name {0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "''       | chart name not specified",
      "..       | chart name \"..\" is not allowed",
      "'a/../..' | chart name \"a/../..\" must not contain path separators",
  })
  @DisplayName("unpack refuses chart names that would escape, with Helm's Expand texts")
  void refusesEscapingChartNames(String name, String error) throws IOException {
    Path tgz = TestArchives.archive()
        .file("x/Chart.yaml", "apiVersion: v2\nname: '" + name + "'\nversion: 1.0.0\n")
        .writeTo(tmp.resolve("n.tgz"));
    Path target = target();

    assertThatThrownBy(() -> ChartArchives.unpack(tgz, target))
        .isInstanceOf(ChartLoadException.class)
        .hasMessage("n.tgz: " + error);
    assertNothingOutside(target);
  }

  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int r = super.read();
      if (r >= 0) {
        count++;
      }
      return r;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int r = super.read(b, off, len);
      if (r > 0) {
        count += r;
      }
      return r;
    }
  }
}
