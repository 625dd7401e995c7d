package dev.capstan.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  @DisplayName("the quick start renders the starter chart with --set values, in install order")
  void quickStartRendersTheChart() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    QuickStart.run(Path.of("charts/mychart"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("Loaded chart mychart 0.1.0 (app 1.16.0)");
    assertThat(out).containsSubsequence("ServiceAccount", "Service", "Deployment", "Ingress");
    assertThat(out)
        .contains("  replicas: 3\n")
        .contains("image: \"nginx:1.27.1\"")
        .contains("# Source: mychart/templates/ingress.yaml")
        .contains("http://chart-example.local/");
  }
}
