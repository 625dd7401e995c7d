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
  @DisplayName("the quick start enables the cache subchart, imports its values and applies --set")
  void quickStartPrintsComputedValues() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    QuickStart.run(Path.of("charts/hello"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("Loaded chart hello 0.1.0 (app 1.27.0) with 1 subchart(s)");
    String computed = out.substring(out.indexOf("COMPUTED VALUES:"));
    assertThat(computed)
        .contains("replicaCount: 3")
        .contains("  tag: 1.27.1")
        .contains("cacheConnection:\n  host: cache\n  port: 6379")   // import-values
        .contains("cache:\n  connection:")                           // subchart defaults
        .contains("    environment: dev");                           // global pushed down
  }
}
