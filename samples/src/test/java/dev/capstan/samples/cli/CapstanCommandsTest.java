package dev.capstan.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capstan commands end to end on fabric8's CRUD mock API server, reached through a kubeconfig
 * file as a user's would be, with outputs compared to what real Helm 4.1.4 printed for the same
 * story ({@code ../shared/fixtures/helm-records/helm4-secret-driver}). Only the times differ, and
 * only they are masked.
 */
@DisplayName("capstan commands on fabric8's CRUD mock, compared with real Helm's outputs")
@EnableKubernetesMockClient(crud = true, https = false)
class CapstanCommandsTest {
  static final Path SAMPLES = Path.of("").toAbsolutePath();
  static final Path RECORDS = SAMPLES.resolve("../../shared/fixtures/helm-records/helm4-secret-driver")
      .normalize();
  static final String VALUES = "../../shared/fixtures/helm-records/values-web.yaml";

  KubernetesClient client;
  KubernetesMockServer server;
  @TempDir Path tmp;
  Map<String, String> vars;

  @BeforeEach
  void setUp() throws IOException {
    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("33")
        .withGitVersion("v1.33.0").build());
    Path kubeconfig = tmp.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        contexts:
        - name: mock
          context:
            cluster: mock
            user: me
            namespace: default
        current-context: mock
        users:
        - name: me
          user:
            token: secret
        """.formatted(client.getMasterUrl()));
    vars = new HashMap<>(Map.of("KUBECONFIG", kubeconfig.toString(), "TZ", "UTC",
        "HOME", tmp.toString()));
  }

  CliRun capstan(String... args) {
    return CliRun.of(vars, SAMPLES, args);
  }

  static String fixture(String name) throws IOException {
    return Files.readString(RECORDS.resolve(name), StandardCharsets.UTF_8);
  }

  /**
   * Masks Go's ANSI C times and the times list prints. A list time's padding goes with it, and
   * so does the padding of list's UPDATED header: Go drops a fraction's trailing zeros, so the
   * column's width changes with the times themselves.
   */
  static String masked(String text) {
    return text.replaceAll("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
        + "|Nov|Dec) [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}", "<ANSIC>")
        .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC *", "<TIME>")
        .replaceAll("\tUPDATED +\t", "\tUPDATED\t")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<RFC3339>");
  }

  /** The story of helm-records: install, unchanged upgrade, (a failed upgrade,) rollback, gone. */
  void story() {
    CliRun install = capstan("install", "web", "charts/mychart", "--namespace", "default", "-f",
        VALUES, "--set", "replicaCount=2", "--server-side=false", "--disable-openapi-validation");
    assertThat(install.code()).as(install.err()).isZero();
    CliRun upgrade = capstan("upgrade", "web", "charts/mychart", "--namespace", "default", "-f",
        VALUES, "--set", "replicaCount=2", "--server-side=false", "--disable-openapi-validation");
    assertThat(upgrade.code()).as(upgrade.err()).isZero();
  }

  @Test
  void installAndUpgradePrintWhatHelmPrinted() throws IOException {
    CliRun install = capstan("install", "web", "charts/mychart", "--namespace", "default", "-f",
        VALUES, "--set", "replicaCount=2", "--server-side=false", "--disable-openapi-validation");
    assertThat(install.code()).as(install.err()).isZero();
    assertThat(masked(install.out())).isEqualTo(masked(fixture("01-install-web.txt")));
    CliRun upgrade = capstan("upgrade", "web", "charts/mychart", "-n", "default", "-f", VALUES,
        "--set=replicaCount=2", "--server-side", "false");
    assertThat(upgrade.code()).as(upgrade.err()).isZero();
    assertThat(masked(upgrade.out())).isEqualTo(masked(fixture("02-upgrade-web-unchanged.txt")));
  }

  @Test
  void getValuesPrintsHelmsBytes() throws IOException {
    story();
    assertThat(capstan("get", "values", "web", "--namespace", "default", "--revision", "1").out())
        .isEqualTo(fixture("get-values-web-revision-1.txt"));
    assertThat(capstan("get", "values", "web", "-n", "default", "--all").out())
        .isEqualTo(fixture("get-values-web-all.txt"));
  }

  @Test
  void historyListAndStatusAfterRollbackAndUninstall() throws IOException {
    story();
    // Helm's upgrade to replicaCount=3 failed on the mock with a 415: so does Capstan's
    server.expect().patch().withPath("/apis/apps/v1/namespaces/default/deployments/web-mychart")
        .andReturn(415, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"message\":\"Unsupported Media Type\",\"reason\":\"UnsupportedMediaType\","
            + "\"code\":415}").once();
    CliRun failed = capstan("upgrade", "web", "charts/mychart", "--namespace", "default", "-f",
        VALUES, "--set", "replicaCount=3", "--server-side=false", "--disable-openapi-validation");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).isEqualTo(fixture("03-upgrade-web-changed.txt"));
    CliRun rollback = capstan("rollback", "web", "1", "--namespace", "default",
        "--server-side=false");
    assertThat(rollback.code()).as(rollback.err()).isZero();
    assertThat(rollback.out()).isEqualTo(fixture("04-rollback-web-1.txt"));
    assertThat(capstan("install", "gone", "charts/mychart", "--server-side=false").out())
        .isEqualTo(fixture("05-install-gone.txt").replaceAll("LAST DEPLOYED: .*",
            "LAST DEPLOYED: " + lastDeployed("gone")));
    CliRun uninstall = capstan("uninstall", "gone", "--namespace", "default", "--keep-history");
    assertThat(uninstall.out()).isEqualTo(fixture("06-uninstall-gone-keep-history.txt"));

    String history = capstan("history", "web", "--namespace", "default").out();
    assertThat(masked(history)).isEqualTo(masked(fixture("history-web.txt")));
    assertThat(masked(capstan("history", "web", "-o", "json").out()))
        .isEqualTo(masked(fixture("history-web-o-json.txt")));
    assertThat(masked(capstan("list", "-o", "json").out()))
        .isEqualTo(masked(fixture("list-o-json.txt")));
    assertThat(masked(capstan("history", "web", "-o", "yaml", "--max", "1").out()))
        .isEqualTo("""
            - app_version: 1.16.0
              chart: mychart-0.1.0
              description: Rollback to 1
              revision: 4
              status: deployed
              updated: "<RFC3339>"
            """);
    assertThat(masked(capstan("history", "gone").out()))
        .isEqualTo(masked(fixture("history-gone.txt")));
    assertThat(masked(capstan("list", "--namespace", "default").out()))
        .isEqualTo(masked(fixture("list.txt")));
    assertThat(masked(capstan("list", "--uninstalled").out()))
        .isEqualTo(masked(fixture("list-uninstalled.txt")));
    assertThat(capstan("list", "--failed").out()).isEqualTo(fixture("list-failed.txt"));
    CliRun listA = capstan("list", "-a", "--namespace", "default");
    assertThat(listA.code()).isEqualTo(1);
    assertThat(listA.err()).isEqualTo(fixture("list-a.txt"));

    assertThat(masked(capstan("status", "web").out()).replaceAll("web-mychart   \\d+s\n",
        "web-mychart   <AGE>\n"))
        .isEqualTo(masked(fixture("status-web.txt")).replace("web-mychart   8s\n",
            "web-mychart   <AGE>\n"));
  }

  private String lastDeployed(String name) {
    return capstan("status", name).out().lines().filter(l -> l.startsWith("LAST DEPLOYED: "))
        .findFirst().orElseThrow().substring("LAST DEPLOYED: ".length());
  }

  @Test
  void waitingShowsOneLinePerProgressEventAndTimesOutAsHelm() {
    // the mock runs no controllers: the Deployment never becomes ready
    CliRun r = capstan("install", "slow", "charts/mychart", "--server-side=false", "--wait",
        "--timeout", "1s");
    assertThat(r.code()).isEqualTo(1);
    List<String> lines = r.err().lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("waiting for Deployment/default/slow-mychart: "));
    // Helm 4's watcher wording: what was not ready, then the deadline on its own line
    assertThat(r.err()).contains("Error: INSTALLATION FAILED: resource Deployment/default/"
        + "slow-mychart not ready. status: ").endsWith("\ncontext deadline exceeded\n");
    assertThat(capstan("history", "slow").out()).contains("\tfailed\t");
  }

  @Test
  void errorsAreHelmsOnStderrWithExitCodeOne() {
    CliRun missing = capstan("upgrade", "nothere", "charts/mychart");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).endsWith("Error: UPGRADE FAILED: \"nothere\" has no deployed releases\n");
    assertThat(capstan("history", "nothere").err()).isEqualTo("Error: release: not found\n");
    CliRun arity = capstan("upgrade", "web");
    assertThat(arity.err()).isEqualTo("Error: \"helm upgrade\" requires 2 arguments\n\n"
        + "Usage:  capstan upgrade [RELEASE] [CHART] [flags]\n");
    assertThat(capstan("status", "web", "--x").err()).isEqualTo("Error: unknown flag: --x\n");
  }

  @Test
  void upgradeInstallSaysItInstallsAndStoresInTheDriverHelmDriverNames() {
    vars.put("HELM_DRIVER", "configmap");
    CliRun r = capstan("upgrade", "-i", "fresh", "charts/mychart", "--server-side=false");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Release \"fresh\" does not exist. Installing it now.\n"
        + "NAME: fresh\n");
    assertThat(client.configMaps().inNamespace("default").withName("sh.helm.release.v1.fresh.v1")
        .get()).isNotNull();
    assertThat(client.secrets().inNamespace("default").list().getItems()).isEmpty();
  }

  @Test
  void historyMaxComesFromHelmMaxHistory() {
    vars.put("HELM_MAX_HISTORY", "2");
    story();
    capstan("upgrade", "web", "charts/mychart", "-f", VALUES, "--set", "replicaCount=2",
        "--server-side=false");
    assertThat(client.secrets().inNamespace("default").list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .containsExactlyInAnyOrder("sh.helm.release.v1.web.v2", "sh.helm.release.v1.web.v3");
  }
}
