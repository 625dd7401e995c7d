package dev.capstan.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code capstan template} prints real Helm 4.1.4's {@code helm template} bytes (fixtures/templates). */
@DisplayName("capstan template prints what helm template printed")
class TemplateCommandTest {
  static final Path SAMPLES = Path.of("").toAbsolutePath();
  static final Path TEMPLATES = SAMPLES.resolve("../../shared/fixtures/templates").normalize();

  static String run(String... args) {
    CliRun r = CliRun.of(Map.of(), SAMPLES, args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  static String fixture(String name) throws IOException {
    return Files.readString(TEMPLATES.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void defaults() throws IOException {
    assertThat(run("template", "demo", "charts/mychart")).isEqualTo(fixture("defaults.yaml"));
  }

  @Test
  void setFlags() throws IOException {
    assertThat(run("template", "demo", "charts/mychart", "--set",
        "ingress.enabled=true,autoscaling.enabled=true"))
        .isEqualTo(fixture("set_ingress.enabled-true_autoscaling.enabled-true.yaml"));
    assertThat(run("template", "--set", "replicaCount=3", "demo", "--set-string", "image.tag=1.27",
        "charts/mychart"))
        .isEqualTo(fixture("set_replicaCount-3__set-string_image.tag-1.27.yaml"));
  }

  @Test
  void showOnly() throws IOException {
    assertThat(run("template", "demo", "charts/mychart", "-s", "templates/service.yaml"))
        .isEqualTo(fixture("show-only_templates_service.yaml"));
  }

  @Test
  void skipTestsLeavesTheTestHookOut() {
    assertThat(run("template", "demo", "charts/mychart", "--skip-tests"))
        .doesNotContain("test-connection").contains("kind: Deployment");
  }
}
