package dev.capstan.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository client over HTTP against real Helm's fixture repository, served on 127.0.0.1.
 * The index's absolute chart URLs ({@code http://charts.example.test/...}) reach the same server
 * through its proxy face.
 */
class ChartRepositoryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T05:00:00Z"),
      ZoneOffset.UTC);

  private final FakeRepositoryServer server = new FakeRepositoryServer();

  @TempDir
  Path cache;

  @AfterEach
  void stop() {
    server.close();
  }

  private ChartRepository.Builder repo() {
    return ChartRepository.builder("fixtures", server.url()).proxy(server.proxy())
        .cacheDirectory(cache).clock(CLOCK);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("update writes Helm's cache layout and search over it prints real Helm's output")
  void updateThenSearch() throws IOException {
    // Given a repositories.yaml naming the served repository
    RepositoriesFile file = RepositoriesFile.empty().with(RepositoryEntry.of("fixtures",
        server.url()));
    ChartRepositories repos = ChartRepositories.of(file, cache, CLOCK);

    // When the indexes are updated (helm repo update) and searched
    IndexUpdate update = repos.updateAll().get("fixtures");

    // Then the cache holds Helm's files and the outputs are real Helm's
    assertThat(update.modified()).isTrue();
    assertThat(update.checkedAt()).isEqualTo(CLOCK.instant());
    assertThat(cache.resolve("fixtures-index.yaml")).hasBinaryContent(
        server.file("/index.yaml"));
    assertThat(cache.resolve("fixtures-charts.txt")).hasContent("mychart");
    assertThat(repos.search(ChartSearch.keyword("mychart")).table())
        .isEqualTo(ChartSearchTest.fixture("search-repo-mychart.txt"));
    assertThat(repos.search(ChartSearch.keyword("mychart").allVersions()).table())
        .isEqualTo(ChartSearchTest.fixture("search-repo-mychart--versions.txt"));
    assertThat(repos.search(ChartSearch.keyword("fixtures/mychart").version("0.1.0")).json())
        .isEqualTo(ChartSearchTest.fixture("search-repo-mychart--version-0.1.0-o-json.txt"));
  }

  @Test
  @DisplayName("fetch resolves the constraint, downloads the .tgz, checks its digest and loads the chart")
  void fetchesAndVerifies() {
    ChartRepository repo = repo().build();

    // When the program asks for mychart ^0.1 (0.1.x) and for the latest
    FetchedChart old = repo.fetch(ChartReference.of("fixtures", "mychart", "^0.1"));
    FetchedChart latest = repo.fetch("mychart", "");

    // Then each is the version asked for, loaded, with the index's digest, and cached
    assertThat(old.chart().metadata().version()).isEqualTo("0.1.0");
    assertThat(old.sha256())
        .isEqualTo("0f5668d04b241b960cf63d85b41ef45e2aae43f2fff0fead2581764d6c942fb1");
    assertThat(old.url()).isEqualTo("http://charts.example.test/mychart-0.1.0.tgz");
    assertThat(latest.chart().metadata().version()).isEqualTo("0.2.0");
    assertThat(latest.cachedArchive()).contains(
        cache.resolve("charts/fixtures/mychart-0.2.0.tgz"));
    assertThat(cache.resolve("charts/fixtures/mychart-0.2.0.tgz"))
        .hasBinaryContent(server.file("/mychart-0.2.0.tgz"));

    // And a second fetch is served from the cache
    int before = server.requests().size();
    assertThat(repo.fetch("mychart", "0.2.0").chart().metadata().name()).isEqualTo("mychart");
    assertThat(server.requests()).hasSize(before);
  }

  @Test
  @DisplayName("relative chart URLs are resolved against the repository URL, keeping a sub-path")
  void relativeUrls() {
    String relative = new String(server.file("/index.yaml"), StandardCharsets.UTF_8)
        .replace("http://charts.example.test/", "");
    server.serve("/sub/index.yaml", bytes(relative))
        .serve("/sub/mychart-0.1.0.tgz", server.file("/mychart-0.1.0.tgz"));
    ChartRepository repo = ChartRepository.builder("sub", server.url() + "/sub/").build();

    assertThat(repo.indexUrl().toString()).isEqualTo(server.url() + "/sub/index.yaml");
    FetchedChart c = repo.fetch("mychart", "0.1.0");
    assertThat(c.url()).isEqualTo(server.url() + "/sub/mychart-0.1.0.tgz");
    assertThat(c.cachedArchive()).isEmpty();
  }

  @Test
  @DisplayName("an update answered 304 (ETag) keeps the cached index and sends If-None-Match")
  void etagNotModified() {
    server.validators("\"v1\"", null);
    ChartRepository first = repo().build();
    first.update();

    // When a new client (same cache) updates and the server says 304
    IndexUpdate again = repo().build().update();

    // Then the cached index is kept and the validator was sent
    assertThat(again.modified()).isFalse();
    assertThat(again.index().versions("mychart")).hasSize(2);
    assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(server.requests().get(0).header("If-None-Match")).isNull();
  }

  @Test
  @DisplayName("If-Modified-Since is sent with the Last-Modified of the cached index; a change is downloaded")
  void ifModifiedSince() {
    String date = "Wed, 02 Dec 2026 10:00:00 GMT";
    server.validators(null, date);
    ChartRepository repo = repo().build();
    repo.update();
    assertThat(repo.update().modified()).isFalse();
    assertThat(server.requests().get(1).header("If-Modified-Since")).isEqualTo(date);

    // When the index changes on the server
    server.validators(null, "Thu, 03 Dec 2026 10:00:00 GMT").serve("/index.yaml",
        bytes("apiVersion: v1\nentries:\n  other:\n  - {name: other, version: 1.0.0}\n"));
    IndexUpdate changed = repo.update();

    // Then the new index replaces the cache
    assertThat(changed.modified()).isTrue();
    assertThat(changed.index().entries()).containsOnlyKeys("other");
    assertThat(repo.index().entries()).containsOnlyKeys("other");
  }

  @Test
  @DisplayName("a missing index is a 404 error with the URL and status")
  void indexNotFound() {
    ChartRepository repo = ChartRepository.builder("none", server.url() + "/missing").build();
    assertThatThrownBy(repo::update).isInstanceOf(RepositoryException.class)
        .hasMessage("repository \"none\": failed to fetch " + server.url()
            + "/missing/index.yaml : 404 Not Found");
  }

  @Test
  @DisplayName("a missing chart archive is a 404 error with the chart's URL")
  void chartNotFound() {
    server.status("/mychart-0.1.0.tgz", 404);
    assertThatThrownBy(() -> repo().build().fetch("mychart", "0.1.0"))
        .hasMessage("repository \"fixtures\": failed to fetch "
            + "http://charts.example.test/mychart-0.1.0.tgz : 404 Not Found");
  }

  @Test
  @DisplayName("an unknown chart or version names the repository and what was asked")
  void versionNotFound() {
    assertThatThrownBy(() -> repo().build().fetch("mychart", "^3"))
        .hasMessage("repository \"fixtures\" (" + server.url() + "): chart \"mychart\" version"
            + " \"^3\" not found: no chart version found for mychart-^3");
  }

  @Test
  @DisplayName("401 without credentials; basic auth is sent to the repository's host")
  void basicAuth() {
    String header = "Basic " + Base64.getEncoder().encodeToString(bytes("alice:s3cret"));
    server.requireBasicAuth(header);
    assertThatThrownBy(() -> repo().build().update())
        .hasMessageContaining("index.yaml : 401 Unauthorized");

    ChartRepository repo = ChartRepository.builder(RepositoryEntry.of("fixtures", server.url())
        .withCredentials("alice", "s3cret")).cacheDirectory(cache).build();
    assertThat(repo.update().index().versions("mychart")).hasSize(2);
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo(header);
  }

  @Test
  @DisplayName("credentials do not go to chart URLs on other hosts unless pass_credentials_all")
  void credentialsStayOnTheRepositoryHost() {
    ChartRepository repo = repo().basicAuth("alice", "s3cret").build();
    repo.fetch("mychart", "0.1.0");
    assertThat(server.requests()).filteredOn(r -> r.uri().toString().endsWith(".tgz"))
        .singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNull());

    ChartRepository passing = ChartRepository.builder("fixtures", server.url())
        .proxy(server.proxy()).basicAuth("alice", "s3cret").passCredentialsAll(true).build();
    passing.fetch("mychart", "0.2.0");
    assertThat(server.requests()).filteredOn(r -> r.uri().toString().endsWith("0.2.0.tgz"))
        .singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNotNull());
  }

  @Test
  @DisplayName("a download whose sha256 differs from the index fails naming chart, URL and both digests")
  void digestMismatch() {
    server.serve("/mychart-0.1.0.tgz", server.file("/mychart-0.2.0.tgz"));
    assertThatThrownBy(() -> repo().build().fetch("mychart", "0.1.0"))
        .isInstanceOf(RepositoryException.class)
        .hasMessage("repository \"fixtures\": digest mismatch for chart mychart 0.1.0 from "
            + "http://charts.example.test/mychart-0.1.0.tgz: the index gives sha256 "
            + "0f5668d04b241b960cf63d85b41ef45e2aae43f2fff0fead2581764d6c942fb1, the download has"
            + " sha256 f081d2cc96ee19f352166546b25ef000f708cade993aa3accfcdfea7e22c47ca");
    assertThat(cache.resolve("charts/fixtures/mychart-0.1.0.tgz")).doesNotExist();
  }

  @Test
  @DisplayName("a malformed index fails with the URL and line, and does not replace a good cache")
  void malformedIndex() {
    ChartRepository repo = repo().build();
    repo.update();
    server.serve("/index.yaml", bytes("apiVersion: v1\nentries:\n  a: [\n  - b: }\n"));
    assertThatThrownBy(repo::update).isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("malformed repository index: " + server.url() + "/index.yaml:4:");
    assertThat(cache.resolve("fixtures-index.yaml"))
        .hasSameBinaryContentAs(FakeRepositoryServer.REPO.resolve("index.yaml"));
  }

  @Test
  @DisplayName("an index over the configured limit is refused while it downloads")
  void oversizedIndex() {
    assertThatThrownBy(() -> repo().maxIndexBytes(100).build().update())
        .hasMessage("repository \"fixtures\": " + server.url() + "/index.yaml: the repository"
            + " index is larger than the limit of 100 bytes");
  }

  @Test
  @DisplayName("a server that does not answer in time is a timeout error with the URL")
  void timeout() {
    server.hang("/index.yaml");
    ChartRepository repo = repo().requestTimeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(repo::update).isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("repository \"fixtures\": timed out fetching " + server.url()
            + "/index.yaml");
  }

  @Test
  @DisplayName("a refused connection is an error saying so, with the URL")
  void connectionRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ChartRepository repo = ChartRepository.builder("gone", "http://127.0.0.1:" + port).build();
    assertThatThrownBy(repo::update)
        .hasMessage("repository \"gone\": cannot connect to http://127.0.0.1:" + port
            + "/index.yaml: connection refused");
  }

  @Test
  @DisplayName("the builder refuses conflicting settings, bad URLs and unsupported entry settings")
  void builderValidation() {
    assertThatThrownBy(() -> ChartRepository.builder("r", "oci://registry/charts"))
        .hasMessageContaining("an absolute http or https URL is needed");
    assertThatThrownBy(() -> ChartRepository.builder("a/b", server.url()))
        .hasMessageContaining("invalid repository name");
    assertThatThrownBy(() -> ChartRepository.builder("r", server.url())
        .httpClient(java.net.http.HttpClient.newHttpClient()).proxy(server.proxy()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("httpClient cannot be combined with proxy: configure it on the client");
    assertThatThrownBy(() -> ChartRepository.builder(new RepositoryEntry("r", server.url(), "",
        "", "c.pem", "k.pem", "", false, false)))
        .hasMessageContaining("client certificates (certFile, keyFile) are not supported yet");
    assertThatThrownBy(() -> ChartRepositories.of(RepositoriesFile.empty(), cache, CLOCK)
        .fetch(ChartReference.of("nope", "mychart")))
        .hasMessage("repo nope not found");
  }

  @Test
  @DisplayName("a CA file that is not PEM certificates is refused naming the file")
  void badCaFile() throws IOException {
    Path pem = Files.writeString(cache.resolve("ca.pem"), "not a certificate");
    assertThatThrownBy(() -> repo().caFile(pem).build())
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith(pem + ": ");
  }
}
