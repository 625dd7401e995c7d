package dev.capstan.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kube.KubeCluster;
import dev.capstan.kube.ServerSide;
import dev.capstan.storage.SecretDriver;
import dev.capstan.testing.RealHelm;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real Helm 4.1.4 CLI reads what Capstan's release client wrote: both talk to the same mock
 * API server ({@code ../shared/tools/mock-apiserver.sh}), Capstan installs, upgrades and rolls
 * back through its Secret driver, and {@code helm history} and {@code helm get values} print the
 * same story. Skipped where the tools cannot run, except under CI.
 */
class RealHelmReadsCapstanTest {
  private static final Path SCRATCH = Path.of("target/real-helm-reads-capstan");
  private static final Path KUBECONFIG = SCRATCH.resolve("kubeconfig").toAbsolutePath();
  private static String pid;
  private static KubernetesClient kube;

  @BeforeAll
  static void startServer() throws IOException, InterruptedException {
    Files.createDirectories(SCRATCH);
    Path script = Path.of("../../shared/tools/mock-apiserver.sh");
    boolean ci = "true".equals(System.getenv("CI"));
    if (!Files.isRegularFile(script)) {
      if (ci) {
        throw new IllegalStateException("CI=true but " + script.toAbsolutePath() + " is missing");
      }
      Assumptions.abort("mock-apiserver.sh not found at " + script.toAbsolutePath());
    }
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "start", "0",
        KUBECONFIG.toString());
    // The mock is built with the project's own Maven wrapper: CI has no other Maven.
    pb.environment().put("MVN", Path.of("../mvnw").toAbsolutePath().normalize().toString());
    pb.redirectError(SCRATCH.resolve("mock-start.err").toFile());
    Process start = pb.start();
    String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!start.waitFor(5, TimeUnit.MINUTES) || start.exitValue() != 0) {
      String why = "mock-apiserver did not start: " + Files.readString(
          SCRATCH.resolve("mock-start.err"), StandardCharsets.UTF_8);
      if (ci) {
        throw new IllegalStateException(why);
      }
      Assumptions.abort(why);
    }
    pid = out;
    kube = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
        Files.readString(KUBECONFIG, StandardCharsets.UTF_8))).build();
  }

  @AfterAll
  static void stopServer() throws IOException, InterruptedException {
    if (kube != null) {
      kube.close();
    }
    if (pid != null) {
      new ProcessBuilder("bash", "../../shared/tools/mock-apiserver.sh", "stop", pid)
          .redirectErrorStream(true).redirectOutput(SCRATCH.resolve("mock-stop.log").toFile())
          .start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("helm history and helm get values read the story Capstan recorded")
  void helmReadsCapstan() throws IOException, InterruptedException {
    RealHelm helmCli = RealHelm.fetch(SCRATCH.resolve("helm"));
    ReleaseClient capstan = ReleaseClient.builder().cluster(KubeCluster.of(kube))
        .storage(new SecretDriver(kube)).namespace("default")
        .serialization(kube.getKubernetesSerialization()).build();

    // Given a story told by Capstan (client-side apply: the mock has no server-side apply)
    capstan.install("shop", ReleaseClientTest.chart("1.0.0"), in -> in.set("color=red")
        .serverSide(ServerSide.FALSE));
    capstan.upgrade("shop", ReleaseClientTest.chart("1.1.0"), up -> up.set("color=green"));
    capstan.rollback("shop", rb -> rb.toRevision(1));

    // When real Helm reads it
    RealHelm.Result history = helmCli.helm("history", "shop", "-n", "default", "--kubeconfig",
        KUBECONFIG.toString()).requireSuccess();
    RealHelm.Result values = helmCli.helm("get", "values", "shop", "--revision", "2", "-n",
        "default", "--kubeconfig", KUBECONFIG.toString()).requireSuccess();
    RealHelm.Result all = helmCli.helm("get", "values", "shop", "--all", "-n", "default",
        "--kubeconfig", KUBECONFIG.toString()).requireSuccess();

    // Then it prints what Capstan's own table and values say
    assertThat(history.out()).isEqualTo(HistoryTable.format(capstan.history("shop"),
        HistoryTable.DEFAULT_MAX, ZoneId.systemDefault()));
    assertThat(history.out()).contains("Rollback to 1").contains("app-1.1.0");
    assertThat(values.out()).isEqualTo("USER-SUPPLIED VALUES:\n"
        + capstan.values("shop", 2, false).toYaml());
    assertThat(all.out()).isEqualTo("COMPUTED VALUES:\n" + capstan.values("shop", 0, true).toYaml());
    assertThat(capstan.values("shop", 0, true).asMap()).isEqualTo(Map.of("color", "red",
        "size", "small"));
  }
}
