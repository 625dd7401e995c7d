package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Charts;
import dev.capstan.testing.RealHelm;
import dev.capstan.values.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Capabilities#defaults()} is what real Helm 4.1.4 gives templates without a cluster. */
class CapabilitiesRealHelmTest {

  @Test
  @DisplayName("default Kubernetes version and API versions equal real helm template's")
  void defaultsEqualRealHelm(@TempDir Path tmp) throws Exception {
    RealHelm helm = RealHelm.fetch(tmp.resolve("helm"));
    Path goChart = tmp.resolve("go");
    Files.createDirectories(goChart.resolve("templates"));
    Files.writeString(goChart.resolve("Chart.yaml"), "apiVersion: v2\nname: caps\nversion: 0.1.0\n");
    Files.writeString(goChart.resolve("templates/caps.yaml"),
        "# {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}"
            + " {{ .Capabilities.KubeVersion.Minor }}\n"
            + "{{- range .Capabilities.APIVersions }}\n# {{ . }}\n{{- end }}\n");
    Path pebChart = tmp.resolve("peb");
    Files.createDirectories(pebChart.resolve("templates"));
    Files.writeString(pebChart.resolve("Chart.yaml"), "apiVersion: v2\nname: caps\nversion: 0.1.0\n");
    Files.writeString(pebChart.resolve("templates/caps.yaml.peb"),
        "# {{ Capabilities.KubeVersion }} {{ Capabilities.KubeVersion.Major }}"
            + " {{ Capabilities.KubeVersion.Minor }}\n"
            + "{%- for v in Capabilities.APIVersions %}\n# {{ v }}\n{%- endfor %}\n");

    String expected = helm.helm("template", "x", goChart.toString()).requireSuccess().out();
    String actual = ChartRenderer.builder().build()
        .render(Charts.load(pebChart), ReleaseOptions.install("x", "default"), Values.empty())
        .templateText(false, false, java.util.List.of());

    assertThat(actual).isEqualTo(expected);
    assertThat(actual).contains("# v1.35.0 1 35").contains("# apps/v1");
  }
}
