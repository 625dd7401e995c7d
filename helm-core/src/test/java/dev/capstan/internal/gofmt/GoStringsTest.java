package dev.capstan.internal.gofmt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartFile;
import dev.capstan.internal.template.FilesObject;
import dev.capstan.internal.template.Sprig;
import dev.capstan.render.TemplateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Go strings that hold bytes that are not UTF-8: {@code .Files.Get} of a binary file. */
class GoStringsTest {
  /** 'A', two stray bytes, é, an encoded surrogate (invalid in Go), 😀, 'Z', a cut-off €. */
  private static final byte[] MIXED = {
      'A', (byte) 0x80, (byte) 0xFF, (byte) 0xC3, (byte) 0xA9, (byte) 0xED, (byte) 0xA0,
      (byte) 0x80, (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'Z', (byte) 0xE2,
      (byte) 0x82};

  private static FilesObject files(String name, byte[] data) {
    return new FilesObject(TemplateFiles.of(List.of(ChartFile.of(name, data))));
  }

  @Test
  @DisplayName("valid UTF-8 decodes as usual; each invalid byte is kept and comes back unchanged")
  void roundTrip() {
    String s = GoStrings.fromBytes(MIXED);

    assertThat(s).startsWith("A\uDC80\uDCFF\u00E9\uDCED\uDCA0\uDC80\uD83D\uDE00Z");
    assertThat(GoStrings.hasEscapes(s)).isTrue();
    assertThat(GoStrings.bytes(s)).isEqualTo(MIXED);
    assertThat(GoStrings.hasEscapes("h\u00E9llo \uD83D\uDE00")).isFalse();
    assertThat(GoStrings.fromBytes("h\u00E9llo".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("h\u00E9llo");
  }

  @Test
  @DisplayName(".Files.Get of a binary file through b64enc, sha256sum, adler32sum, toString and "
      + "b64dec gives what real Helm 4.1.4 printed")
  void binaryFileThroughSprig() {
    // Given: real Helm 4.1.4 rendered these from the same 15 bytes
    FilesObject files = files("b.bin", MIXED);
    String text = files.Get("b.bin");

    // Then
    assertThat(Sprig.b64enc(text)).isEqualTo("QYD/w6ntoIDwn5iAWuKC");
    assertThat(Sprig.sha256sum(text))
        .isEqualTo("42531d5d048c21f0987c42b3be5828dc1f801d9dfc00feb484288c10505fe918");
    assertThat(Sprig.adler32sum(text)).isEqualTo("1303382431");
    assertThat(Sprig.b64enc(Sprig.toStringValue(text))).isEqualTo("QYD/w6ntoIDwn5iAWuKC");
    assertThat(Sprig.b64enc(Sprig.toStringValue(files.GetBytes("b.bin"))))
        .isEqualTo("QYD/w6ntoIDwn5iAWuKC");
    assertThat(Sprig.b64enc(Sprig.b64dec(Sprig.b64enc(text)))).isEqualTo("QYD/w6ntoIDwn5iAWuKC");
    assertThat(GoStrings.bytes(text)).hasSize(15); // Go's len
  }

  @Test
  @DisplayName("kube-prometheus-stack crd-upgrade-job: crds.bz2 is b64enc of the binary file, as "
      + "in Helm's expected output")
  void kubePrometheusStackCrdsBz2() throws IOException {
    // Given
    Path crds = Path.of("../../shared/charts/kube-prometheus-stack/charts/crds");
    byte[] bz2 = Files.readAllBytes(crds.resolve("files/crds.bz2"));
    String expected = Files.readAllLines(Path.of(
            "../../shared/charts-expected/kube-prometheus-stack/crd-upgrade-job.yaml")).stream()
        .filter(l -> l.startsWith("  crds.bz2: "))
        .findFirst().orElseThrow()
        .substring("  crds.bz2: ".length());

    // When: {{ .Files.Get "files/crds.bz2" | b64enc }}
    String rendered = Sprig.b64enc(files("files/crds.bz2", bz2).Get("files/crds.bz2"));

    // Then
    assertThat(rendered).isEqualTo(expected);
  }
}
