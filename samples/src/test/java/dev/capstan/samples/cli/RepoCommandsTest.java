package dev.capstan.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository commands against a local HTTP server: {@code repo add/list/update/remove} and
 * {@code search repo} on the fixture repository (outputs compared with real Helm's), and
 * {@code install REPO/CHART --version} of a chart packaged by {@code capstan package} and of real
 * Helm's packages of {@code helm create}'s chart (Go templates).
 */
@DisplayName("capstan repo, search repo and install REPO/CHART on a local chart repository")
@EnableKubernetesMockClient(crud = true, https = false)
class RepoCommandsTest {
  static final Path SAMPLES = Path.of("").toAbsolutePath();
  static final Path PACKAGING = SAMPLES.resolve("../../shared/fixtures/packaging").normalize();

  KubernetesClient client;
  KubernetesMockServer server;
  @TempDir Path tmp;
  HttpServer http;
  final Map<String, byte[]> served = new ConcurrentHashMap<>();
  Map<String, String> vars;
  String url;

  @BeforeEach
  void setUp() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", exchange -> {
      byte[] body = served.get(exchange.getRequestURI().getPath());
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    http.start();
    url = "http://127.0.0.1:" + http.getAddress().getPort();
    vars = Map.of("HOME", tmp.toString(), "TZ", "UTC",
        "HELM_REPOSITORY_CONFIG", tmp.resolve("config/repositories.yaml").toString(),
        "HELM_REPOSITORY_CACHE", tmp.resolve("cache").toString(),
        "KUBECONFIG", kubeconfig().toString());
  }

  @AfterEach
  void tearDown() {
    http.stop(0);
  }

  private Path kubeconfig() throws IOException {
    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("33")
        .withGitVersion("v1.33.0").build());
    Path file = tmp.resolve("kubeconfig");
    Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n- name: m\n  cluster:\n"
        + "    server: " + client.getMasterUrl() + "\ncontexts:\n- name: m\n  context:\n"
        + "    cluster: m\n    namespace: default\ncurrent-context: m\n");
    return file;
  }

  CliRun capstan(String... args) {
    return CliRun.of(vars, SAMPLES, args);
  }

  static String fixture(String name) throws IOException {
    return Files.readString(PACKAGING.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void addListSearchUpdateRemoveAsHelmPrintsThem() throws IOException {
    served.put("/index.yaml", Files.readAllBytes(PACKAGING.resolve("repo/index.yaml")));
    assertThat(capstan("repo", "add", "fixtures", url).out())
        .isEqualTo("\"fixtures\" has been added to your repositories\n");
    assertThat(Files.readString(tmp.resolve("config/repositories.yaml"))).contains(url);
    assertThat(capstan("repo", "add", "fixtures", url).out())
        .isEqualTo("\"fixtures\" already exists with the same configuration, skipping\n");
    assertThat(capstan("repo", "list").out())
        .isEqualTo("NAME    \tURL                   \nfixtures\t" + url
            + " ".repeat(Math.max(0, 22 - url.length())) + "\n");
    assertThat(capstan("search", "repo", "mychart").out())
        .isEqualTo(fixture("search-repo-mychart.txt"));
    assertThat(capstan("search", "repo", "mychart", "--versions").out())
        .isEqualTo(fixture("search-repo-mychart--versions.txt"));
    assertThat(capstan("search", "repo", "fixtures/mychart", "--version", "0.1.0", "-o", "json")
        .out()).isEqualTo(fixture("search-repo-mychart--version-0.1.0-o-json.txt"));
    assertThat(capstan("repo", "update").out()).isEqualTo("""
        Hang tight while we grab the latest from your chart repositories...
        ...Successfully got an update from the "fixtures" chart repository
        Update Complete. ⎈Happy Helming!⎈
        """);
    assertThat(capstan("repo", "remove", "fixtures").out())
        .isEqualTo("\"fixtures\" has been removed from your repositories\n");
    assertThat(capstan("repo", "list").err()).isEqualTo("Error: no repositories to show\n");
  }

  @Test
  void installsAndUpgradesAChartFromTheRepositoryAtAVersion() throws Exception {
    CliRun packaged = capstan("package", "charts/mychart", "-d", tmp.toString());
    assertThat(packaged.out()).isEqualTo("Successfully packaged chart and saved it to: "
        + tmp.resolve("mychart-0.1.0.tgz") + "\n");
    byte[] tgz = Files.readAllBytes(tmp.resolve("mychart-0.1.0.tgz"));
    served.put("/mychart-0.1.0.tgz", tgz);
    served.put("/index.yaml", ("""
        apiVersion: v1
        entries:
          mychart:
          - apiVersion: v2
            appVersion: 1.16.0
            description: A Helm chart for Kubernetes
            digest: %s
            name: mychart
            type: application
            urls:
            - %s/mychart-0.1.0.tgz
            version: 0.1.0
        generated: "2026-11-23T20:31:57.027701058Z"
        """).formatted(sha256(tgz), url).getBytes(StandardCharsets.UTF_8));
    assertThat(capstan("repo", "add", "local", url).code()).isZero();

    CliRun install = capstan("install", "web", "local/mychart", "--version", "0.1.0",
        "--server-side=false");
    assertThat(install.code()).as(install.err()).isZero();
    assertThat(install.out()).startsWith("NAME: web\n").contains("REVISION: 1\n");
    CliRun missing = capstan("upgrade", "web", "local/mychart", "--version", "9.9.9");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("Error: UPGRADE FAILED: ").contains("9.9.9");
    CliRun upgrade = capstan("upgrade", "web", "local/mychart", "--version", "^0.1",
        "--server-side=false");
    assertThat(upgrade.code()).as(upgrade.err()).isZero();
    assertThat(capstan("history", "web").out()).contains("superseded\tmychart-0.1.0")
        .contains("deployed  \tmychart-0.1.0");
    assertThat(capstan("install", "other", "nowhere/mychart").err())
        .isEqualTo("Error: INSTALLATION FAILED: repo nowhere not found\n");
  }

  @Test
  void installsAndUpgradesRealHelmsPackagesFromTheFixtureRepository() throws Exception {
    // real Helm's packages and digests; only the index's host is this test's server
    for (String tgz : List.of("mychart-0.1.0.tgz", "mychart-0.2.0.tgz")) {
      served.put("/" + tgz, Files.readAllBytes(PACKAGING.resolve("repo/" + tgz)));
    }
    served.put("/index.yaml", fixture("repo/index.yaml").replace("http://charts.example.test", url)
        .getBytes(StandardCharsets.UTF_8));
    assertThat(capstan("repo", "add", "fixtures", url).code()).isZero();

    CliRun install = capstan("install", "web", "fixtures/mychart", "--version", "0.1.0",
        "--server-side=false");
    assertThat(install.code()).as(install.err()).isZero();
    CliRun upgrade = capstan("upgrade", "web", "fixtures/mychart", "--version", "0.2.0",
        "--server-side=false");
    assertThat(upgrade.code()).as(upgrade.err()).isZero();

    assertThat(capstan("history", "web").out()).contains("superseded\tmychart-0.1.0")
        .contains("deployed  \tmychart-0.2.0");
    // the Go templates of `helm create`'s chart rendered into the release's objects
    assertThat(capstan("get", "manifest", "web").out())
        .contains("# Source: mychart/templates/deployment.yaml")
        .contains("name: web-mychart")
        .contains("helm.sh/chart: mychart-0.2.0");
    assertThat(client.apps().deployments().inNamespace("default").withName("web-mychart").get()
        .getMetadata().getLabels()).containsEntry("helm.sh/chart", "mychart-0.2.0");
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
